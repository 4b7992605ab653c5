// A translation started with `npm run translate` is pre-filled with the original's text as a guide.
// Until the officer writes over it, publishing it would put Swedish text on a page that says
// lang="en". Such a stub is recognised by its texts being the original's: it is not published (the
// reader gets the original with the "not translated yet" notice) and `check` warns.
import type { RawBulletin } from './read-bulletin.ts';

const same = (a: string | undefined, b: string | undefined) => a !== undefined && a.trim() !== '' && a.trim() === b?.trim();

/** The texts of `translation` still exactly as in `original`: title, summary and body. */
export function untranslatedFields(translation: RawBulletin, original: RawBulletin): string[] {
  const t = translation.fields;
  const o = original.fields;
  return [
    same(t.title, o.title) ? 'title' : '',
    same(t.summary, o.summary) ? 'summary' : '',
    same(translation.body, original.body) ? 'body' : '',
  ].filter(Boolean);
}
