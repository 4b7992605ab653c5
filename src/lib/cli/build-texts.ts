// What `npm run build` says, in Swedish or English (`--lang`): why nothing was published, or that
// it is done. Plain strings, so the build can say them before it has loaded anything else.
import type { MessageLang } from '../content/messages.ts';

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
