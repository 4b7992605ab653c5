// What a page says about its languages: that the text is the original because no translation
// exists, and where the text is in the site's other languages.
import { languageName, t } from '../model/i18n.ts';
import { attr, html, type Html } from './markup.ts';

/** Said in the reader's language, before the text that follows in the original's language. */
export function untranslatedNoticeHtml(lang: string, originalLang: string, originalHref: string): Html {
  return html`<p class="notice"> ${t(lang, 'untranslated.notice')}  <a${attr('href', originalHref)}${attr('hreflang', originalLang)}>${t(lang, 'untranslated.link', { language: languageName(originalLang) })}</a> </p>`;
}

/**
 * Links to this text in the site's other languages, each named in its own language; those with no
 * translation of their own (in `translated`) say that they show the original.
 */
export function otherLanguagesHtml(lang: string, languages: string[], hrefIn: (lang: string) => string, translated: Set<string>): Html {
  const others = languages.filter((l) => l !== lang);
  if (others.length === 0) return html``;
  const items = others.map(
    (l) => html`<li><a${attr('href', hrefIn(l))}${attr('lang', l)}${attr('hreflang', l)}>${languageName(l)}</a>${!translated.has(l) && html` (${t(lang, 'otherLanguages.notTranslated')})`}</li>`,
  );
  return html`<nav class="other-langs"${attr('aria-label', t(lang, 'otherLanguages.label'))}><h2 class="small-heading">${t(lang, 'otherLanguages.label')}</h2><ul>${items}</ul></nav>`;
}
