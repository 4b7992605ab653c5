// Where content/ is: KRISINFO_CONTENT, else ./content. A module of its own, without the content
// model's imports, so that a script can name the folder before it loads them (scripts/build.ts).
import path from 'node:path';

export function contentDir(): string {
  return path.resolve(process.env.KRISINFO_CONTENT ?? 'content');
}
