// A standing page from content/pages/: contact, accessibility statement, easy-to-read, ...
import { FieldReader, isPlainObject, type ReadContext } from './fields.ts';
import { bodyTextProblems, yamlTextProblems } from './text-safety.ts';
import { splitFrontmatter } from './yaml-source.ts';
import type { Problem } from './problems.ts';
import type { Page } from '../model/types.ts';

/** The fields of a page's header (schemas/page.schema.json must list the same). */
export const PAGE_FIELDS = ['title', 'summary', 'order'];

/** Paths the site uses itself; a page with one of these names would hide it. */
export const RESERVED_SLUGS = ['bulletiner', 'tjanster', 'sok', 'personal', 'media', 'pagefind', 'rss', 'feeds', 'index', '404'];

export function readPage(text: string, file: string, slug: string, lang: string, timeZone: string): { page?: Page; problems: Problem[]; body: string; bodyLine: number } {
  const split = splitFrontmatter(text, file);
  if ('problem' in split) return { problems: [split.problem], body: text, bodyLine: 1 };
  const { yaml, body, bodyLine } = split;
  const problems = [...yaml.problems];
  if (yaml.value === undefined) return { problems, body, bodyLine };
  if (!isPlainObject(yaml.value)) {
    problems.push({ level: 'error', file, line: 2, code: 'yaml.not-map' });
    return { problems, body, bodyLine };
  }
  const ctx: ReadContext = { file, yaml, problems, timeZone };
  problems.push(...yamlTextProblems(yaml, file, { singleLine: false }), ...bodyTextProblems(body, file, bodyLine));
  const r = new FieldReader(yaml.value, ctx);
  r.warnUnknown(PAGE_FIELDS);
  const title = r.string('title', { required: true, example: 'title: Kontakt' });
  const summary = r.string('summary');
  const order = r.number('order') ?? Number.MAX_SAFE_INTEGER;
  if (!title) return { problems, body, bodyLine };
  return { page: { slug, lang, file, untranslated: false, title, summary, order, body }, problems, body, bodyLine };
}
