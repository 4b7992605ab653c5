// What `npm run build` says, in Swedish or English (`--lang`): why nothing was published, that it
// is done, and then the warnings in short form, one line each, so that a typo such as `pinnned:`
// is seen at once instead of silently leaving the bulletin unpinned.
import { imageWarnings } from '../images/images.ts';
import type { Content } from '../content/load-content.ts';
import { messageFor, type MessageLang } from '../content/messages.ts';
import { sortProblems, type Problem } from '../content/problems.ts';
import { findWarnings } from '../site/warnings.ts';
import { fileLocator } from './locate.ts';

export function buildTexts(lang: MessageLang) {
  const sv = lang === 'sv';
  return {
    stopped: (out: string) => (sv ? `\nBygget stoppades: inget publicerades. ${out}/ är oförändrad.` : `\nThe build stopped: nothing was published. ${out}/ is unchanged.`),
    failed: (out: string) => (sv ? `\nBygget misslyckades: inget publicerades. ${out}/ är oförändrad.` : `\nThe build failed: nothing was published. ${out}/ is unchanged.`),
    notSwapped: (out: string) => (sv ? `\n\nBygget kunde inte läggas på plats: ${out}/ är oförändrad.` : `\n\nThe build could not be put in place: ${out}/ is unchanged.`),
    cacheLost: (e: string) => (sv ? `Sidcachen kunde inte sparas (${e}). Nästa bygge ritar alla sidor.` : `The page cache could not be saved (${e}). The next build renders every page.`),
    done: (out: string, seconds: string) => (sv ? `Klart: ${out}/ byggd på ${seconds} s.` : `Done: ${out}/ built in ${seconds} s.`),
  };
}

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
