// The footer every page ends with: who speaks, the national numbers that always work (112, 113 13,
// 1177, whatever happens to the municipality's own phones), and how to check the site is genuine.
import { CORE_PAGES } from '../content/default-pages.ts';
import { t } from '../model/i18n.ts';
import { NATIONAL_NUMBERS, telHref } from '../model/phone.ts';
import type { Site } from '../model/types.ts';
import { paths } from '../model/urls.ts';
import { attr, html, type Html } from './markup.ts';

export function nationalNumbersHtml(lang: string): Html {
  return html`<ul class="numbers"> ${NATIONAL_NUMBERS.map((n) => html`<li><a${attr('href', telHref(n.phone))}>${n.phone}</a> ${t(lang, n.key)}</li>`)} </ul>`;
}

/** `canonical`: the page's address, written out when printed; `uiLang`: the footer's language when it is not the page's. */
export function siteFooterHtml(site: Site, lang: string, canonical: string | undefined, uiLang: string | undefined): Html {
  const links = [
    { href: paths.page(site, lang, CORE_PAGES.contact), label: t(lang, 'footer.contact') },
    { href: paths.page(site, lang, CORE_PAGES.authenticity), label: t(lang, 'footer.authenticity') },
    { href: paths.page(site, lang, CORE_PAGES.easyRead), label: t(lang, 'footer.easyRead') },
    { href: paths.page(site, lang, CORE_PAGES.accessibility), label: t(lang, 'footer.accessibility') },
    { href: paths.staff(site, lang), label: t(lang, 'footer.staff') },
    { href: paths.rss(site, lang), label: t(lang, 'footer.feed') },
  ];
  return html`<footer class="site-footer"${attr('lang', uiLang)}> <div class="wrap"> <p>${t(lang, 'footer.sender', { sender: site.sender })}</p> <h2 class="small-heading">${t(lang, 'national.heading')}</h2> ${nationalNumbersHtml(lang)} <nav${attr('aria-label', t(lang, 'footer.label'))}> <ul class="footer-links"> ${links.map((l) => html`<li><a${attr('href', l.href)}>${l.label}</a></li>`)} </ul> </nav> ${canonical && html`<p class="print-only">${t(lang, 'print.address')}: ${canonical}</p>`} </div> </footer>`;
}
