// The warnings `npm run build` prints after a publish, in short form, one line each, so that a
// typo such as `pinnned:` is seen at once instead of silently leaving the bulletin unpinned.
import { imageWarnings } from '../images/images.ts';
import type { Content } from '../content/load-content.ts';
import { messageFor, type MessageLang } from '../content/messages.ts';
import { sortProblems, type Problem } from '../content/problems.ts';
import { findWarnings } from '../site/warnings.ts';
import { fileLocator } from './locate.ts';

/** Every warning `check` would give about this content at `now`. */
export function contentWarnings(content: Content, now: Date): Problem[] {
  const own = content.problems.filter((p) => p.level === 'warning');
  return sortProblems([...own, ...findWarnings(content, now, fileLocator(content.dir)), ...imageWarnings(content)]);
}

/** The warnings, one line each (file:line, field, the problem), and where to read what to do. */
export function shortWarnings(warnings: readonly Problem[], lang: MessageLang, contentLabel: string): string {
  if (!warnings.length) return '';
  const sv = lang === 'sv';
  const lines = warnings.map((p) => {
    const where = `${contentLabel}/${p.file}${p.line ? `:${p.line}` : ''}`;
    const field = p.field ? ` ${p.field}:` : '';
    return `  ${sv ? 'VARNING' : 'WARNING'} ${where}${field} ${messageFor(p, lang).text}`;
  });
  const n = warnings.length;
  const tail = sv
    ? `${n} ${n === 1 ? 'varning; den' : 'varningar; de'} stoppar inte bygget. npm run check visar vad du gör åt ${n === 1 ? 'den' : 'dem'}.`
    : `${n} warning${n === 1 ? '; it does' : 's; they do'} not stop the build. npm run check shows what to do about ${n === 1 ? 'it' : 'them'}.`;
  return [...lines, tail].join('\n');
}
