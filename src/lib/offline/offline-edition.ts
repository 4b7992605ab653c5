// The offline edition: the whole current situation in one HTML file that works without a server
// or a network: from a USB stick, as an e-mail attachment, or printed as a leaflet. Styles sit in
// the file and images are data: URIs; there are no scripts, and its own CSP forbids loading
// anything at all, so a copy passed around can never phone home or break.
import { toIsoWithOffset } from '../model/dates.ts';
import { bulletinIn, frontPageOrder, isPublic, type SiteModel } from '../site/derive.ts';
import { formatMoment, localize, localizedLang, t } from '../model/i18n.ts';
import { escapeHtml } from '../feeds/item-html.ts';
import { renderMarkdown, type CacheableResolver } from '../model/markdown.ts';
import { ownValue } from '../model/own.ts';
import { NATIONAL_NUMBERS, telHref } from '../model/phone.ts';
import { worstFirst } from '../site/situation.ts';
import { eventDateOnly } from '../site/listings.ts';
import type { Bulletin, Localized, Status } from '../model/types.ts';
import { absoluteUrl, paths } from '../model/urls.ts';

/** An image as the file embeds it. */
export interface EmbeddedImage {
  dataUri: string;
  width?: number;
  height?: number;
}

/** Embedded images by path relative to content/; `incomplete` when one could not be embedded. */
export type OfflineImages = Map<string, EmbeddedImage> & { incomplete?: boolean };

export interface OfflineInput {
  model: SiteModel;
  lang: string;
  /** Embedded images by path relative to content/ (lead images, body images, the logo). */
  images: OfflineImages;
  /** Resolves an image written in a Markdown file to its content-relative path. */
  resolveBodyImage: (written: string, fromFile: string) => string | undefined;
}

/**
 * How many bulletins besides the pinned ones each section carries, those with the latest news. The
 * file is the current situation for a phone, an e-mail or a printer: at 1,000 bulletins all of
 * them made 4.5 MB per language. The archive on the site has the rest, and the file says so.
 */
export const OFFLINE_LATEST = 30;

/** Pinned first, then the `OFFLINE_LATEST` with the latest news. */
function current(bulletins: Bulletin[]): Bulletin[] {
  return [...bulletins.filter((b) => b.pinned), ...bulletins.filter((b) => !b.pinned).slice(0, OFFLINE_LATEST)];
}

/** Stands for an image that is not embedded; a data: URL survives the renderer's absolutizing. */
const MISSING = 'data:,';
/** Stands for an embedded image's data in a render: followed by its content-relative path. */
const EMBED = 'data:,embedded-image:';
// Only the renderer writes `src="`: a body's own quotes and raw HTML reach the render escaped.
const EMBEDDED = /src="data:,embedded-image:([^"]*)"/g;

/** Nothing may load, nothing may run: only the inline styles and data: images. */
export const OFFLINE_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

// The few words only this file needs; everything else comes from the site's UI strings.
const WORDS: Record<string, Record<string, string>> = {
  sv: {
    edition: 'Utskriftsvänlig utgåva',
    made: 'Sammanställd {time}. Den senaste informationen finns på',
    bulletins: 'Aktuella meddelanden',
    staff: 'Meddelanden till personal',
    untranslated: 'Inte översatt än.',
    older: 'Här finns de {count} senaste. Alla {total} meddelanden finns på',
  },
  en: {
    edition: 'Printable edition',
    made: 'Compiled {time}. The latest information is at',
    bulletins: 'Current bulletins',
    staff: 'Bulletins for staff',
    untranslated: 'Not translated yet.',
    older: 'These are the {count} latest. All {total} bulletins are at',
  },
  fi: {
    edition: 'Tulostettava versio',
    made: 'Koottu {time}. Uusimmat tiedot ovat osoitteessa',
    bulletins: 'Ajankohtaiset tiedotteet',
    staff: 'Tiedotteet henkilöstölle',
    untranslated: 'Ei vielä käännetty.',
    older: 'Tässä ovat {count} uusinta. Kaikki {total} tiedotetta ovat osoitteessa',
  },
};

function word(lang: string, key: string, params: Record<string, string> = {}): string {
  const s = ownValue(ownValue(WORDS, lang), key) ?? ownValue(ownValue(WORDS, lang.split('-')[0]!), key) ?? WORDS.sv![key]!;
  return s.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
}

const esc = escapeHtml;

const MARKS: Record<Status, string> = { down: '✕', manual: '!', degraded: '◐', operational: '✓' };

const STYLE = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;color:#111;background:#fff}
body{max-width:42rem;margin:0 auto;padding:1rem;overflow-wrap:break-word}
h1,h2,h3,th,td{overflow-wrap:anywhere}
header{border-bottom:3px solid #111;margin-bottom:1rem}
.logo{max-height:3rem;width:auto}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #999}
h3{font-size:1.15rem;margin:1.5rem 0 .3rem}
.sender{font-weight:700;margin:0}.meta,.made{color:#333;font-size:.95rem}
ul.board,ul.contacts,ul.numbers,ul.updates{padding-left:0;list-style:none}
ul.board li,ul.contacts li{padding:.3rem 0;border-bottom:1px solid #ddd}
.status{font-weight:700;white-space:nowrap}.status-down{color:#a30000}.status-manual{color:#8a4b00}.status-degraded{color:#6b5a00}.status-operational{color:#1d6b2a}
article{border-top:1px solid #999;margin-top:1rem}
.summary{font-weight:600}.sev-critical,.sev-warning{font-weight:700}
.updates li{border-left:3px solid #666;padding-left:.7rem;margin:.7rem 0}
img{max-width:100%;height:auto}
a{color:#0b4a8b;overflow-wrap:anywhere}
@media print{body{max-width:none;padding:0;font-size:11pt}a{color:#000}a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em;word-break:break-all}
h2,h3{break-after:avoid}li,.summary,img{break-inside:avoid}@page{margin:1.5cm}}
`.trim();

export function buildOfflineEdition(input: OfflineInput): string {
  const { model, lang, images } = input;
  const { site } = model;
  const tz = site.timezone;
  const other = (l: string) => (l !== lang ? ` lang="${esc(l)}"` : '');
  const loc = (v: Localized | undefined) => `<span${other(localizedLang(v, lang, site))}>${esc(localize(v, lang, site))}</span>`;
  const time = (d: Date, dateOnly = false) =>
    `<time datetime="${toIsoWithOffset(d, tz).slice(0, dateOnly ? 10 : undefined)}">${esc(formatMoment(d, lang, tz, dateOnly))}</time>`;
  const img = (src: string, alt: string, cls = '') => {
    const found = images.get(src);
    if (!found) return '';
    const size = found.width && found.height ? ` width="${found.width}" height="${found.height}"` : '';
    return `<img src="${found.dataUri}" alt="${esc(alt)}"${size}${cls ? ` class="${cls}"` : ''}>`;
  };
  // Rendered with a stand-in for each embedded image, so that the render depends on the text, the
  // file and the page address only: one render per text and language in a build, carried into the
  // next build like the site's (model/markdown.ts) without the image data in it.
  const resolverFor = (file: string): CacheableResolver => {
    const answer: CacheableResolver = (written) => {
      const src = input.resolveBodyImage(written, file);
      const found = src ? images.get(src) : undefined;
      // An image that could not be embedded is left out rather than fetched from the web.
      return found && src ? { src: `${EMBED}${encodeURIComponent(src)}`, width: found.width, height: found.height } : { src: MISSING };
    };
    // With an image left out (it could not be embedded this time), nothing is cached or carried:
    // the next build, which may embed it, must not take this render.
    return images.incomplete ? answer : Object.assign(answer, { renderCache: { scope: images, key: `offline edition\u0000${file}` } });
  };
  const markdown = (source: string, file: string, pageUrl: string) =>
    // Under the bulletin's h3: the text's own headings start at h4, never right after the h2.
    renderMarkdown(source, { absoluteBase: pageUrl, lazyImages: false, headingBase: 4, resolveImage: resolverFor(file) })
      .replace(EMBEDDED, (_, src: string) => `src="${images.get(decodeURIComponent(src))?.dataUri ?? MISSING}"`)
      .replace(/<img src="data:,"[^>]*>/g, '');

  const home = absoluteUrl(site, paths.home(site, lang));
  const siteTitle = localize(site.title, lang, site);
  const out: string[] = [];
  out.push(`<!doctype html>
<html lang="${esc(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${OFFLINE_CSP}">
<meta name="robots" content="noindex">
<title>${esc(siteTitle)} – ${esc(word(lang, 'edition'))}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
${site.logo ? img(site.logo, '', 'logo') : ''}
<p class="sender">${esc(site.sender)}</p>
<h1${other(localizedLang(site.title, lang, site))}>${esc(siteTitle)}</h1>
<p class="made">${esc(word(lang, 'edition'))}. ${word(lang, 'made', { time: time(model.now) })} <a href="${esc(home)}">${esc(home)}</a></p>
</header>
<main>`);

  if (model.nextUpdate) {
    out.push(`<p><strong>${esc(t(lang, 'front.nextUpdate'))}:</strong> ${time(model.nextUpdate.at)}</p>`);
  }

  out.push(`<section id="status" aria-labelledby="status-h"><h2 id="status-h">${esc(t(lang, 'front.board'))}</h2><ul class="board">`);
  // Worst first, as on the front page: what does not work is what a reader needs first.
  for (const s of worstFirst(model.services)) {
    const since = s.since ? ` <span class="meta">${esc(t(lang, 'status.since'))} ${time(s.since, s.setBy && eventDateOnly(model, s.setBy.slug, s.setBy.updateId))}</span>` : '';
    out.push(
      `<li>${loc(s.service.name)}: <span class="status status-${s.status}"><span aria-hidden="true">${MARKS[s.status]}</span> ${esc(t(lang, `status.${s.status}`))}</span>${since}</li>`,
    );
  }
  out.push('</ul></section>');

  out.push(`<section id="contacts" aria-labelledby="contacts-h"><h2 id="contacts-h">${esc(t(lang, 'front.contacts'))}</h2><ul class="contacts">`);
  for (const c of site.contacts) {
    const parts = [`<strong>${loc(c.name)}</strong>`];
    if (c.phone) parts.push(`${esc(t(lang, 'contact.phone'))}: <a href="${telHref(c.phone)}">${esc(c.phone)}</a>`);
    if (c.email) parts.push(`${esc(t(lang, 'contact.email'))}: <a href="mailto:${esc(c.email)}">${esc(c.email)}</a>`);
    if (c.url) parts.push(`<a href="${esc(c.url)}">${esc(c.url)}</a>`);
    if (c.hours) parts.push(`${esc(t(lang, 'contact.hours'))}: ${loc(c.hours)}`);
    out.push(`<li>${parts.join('<br>')}</li>`);
  }
  out.push(`</ul><h3>${esc(t(lang, 'national.heading'))}</h3><ul class="numbers">`);
  for (const n of NATIONAL_NUMBERS) out.push(`<li><a href="${telHref(n.phone)}">${n.phone}</a> ${esc(t(lang, n.key))}</li>`);
  out.push('</ul></section>');

  const ordered = frontPageOrder(model.bulletins).map((g) => bulletinIn(g, lang));
  const sections: [string, Bulletin[]][] = [
    ['bulletins', ordered.filter(isPublic)],
    ['staff', ordered.filter((b) => !isPublic(b))],
  ];
  for (const [key, all] of sections) {
    if (!all.length) continue;
    const list = current(all);
    out.push(`<section id="${key}" aria-labelledby="${key}-h"><h2 id="${key}-h">${esc(word(lang, key))}</h2>`);
    for (const b of list) out.push(bulletinHtml(b));
    if (list.length < all.length) {
      const archive = absoluteUrl(site, key === 'staff' ? paths.staff(site, lang) : paths.archive(site, lang));
      out.push(`<p class="more">${esc(word(lang, 'older', { count: String(list.length), total: String(all.length) }))} <a href="${esc(archive)}">${esc(archive)}</a></p>`);
    }
    out.push('</section>');
  }
  out.push('</main>\n</body>\n</html>\n');
  return out.join('\n');

  function bulletinHtml(b: Bulletin): string {
    const textLang = other(b.lang);
    const url = absoluteUrl(site, paths.bulletin(site, lang, b.slug));
    const lines = [`<article id="${esc(b.slug)}">`, `<h3${textLang}>${esc(b.title)}</h3>`];
    const meta = [
      `<span class="sev-${b.severity}">${esc(t(lang, `severity.${b.severity}`))}</span>`,
      `${esc(t(lang, 'bulletin.published'))} ${time(b.published, b.dateOnly?.published)}`,
    ];
    if (b.updated) meta.push(`${esc(t(lang, 'bulletin.updated'))} ${time(b.updated, b.dateOnly?.updated)}`);
    if (b.untranslated) meta.push(esc(word(lang, 'untranslated')));
    lines.push(`<p class="meta">${meta.join(' · ')}</p>`);
    lines.push(`<p class="summary"${textLang}>${esc(b.summary)}</p>`);
    if (b.image) lines.push(`<p>${img(b.image.src, b.image.alt)}${b.image.credit ? `<br><small>${esc(b.image.credit)}</small>` : ''}</p>`);
    lines.push(`<div${textLang}>${markdown(b.body, b.file, url)}</div>`);
    if (b.nextUpdate) lines.push(`<p><strong>${esc(t(lang, 'bulletin.nextUpdate'))}:</strong> ${time(b.nextUpdate, b.dateOnly?.nextUpdate)}</p>`);
    if (b.updates.length) {
      lines.push(`<h4>${esc(t(lang, 'bulletin.updates'))}</h4><ul class="updates">`);
      for (const u of b.updates) {
        lines.push(`<li id="${esc(b.slug)}-${u.id}"><p class="meta">${time(u.at)}</p><div${other(u.textLang)}>${markdown(u.text, b.file, url)}</div></li>`);
      }
      lines.push('</ul>');
    }
    lines.push(`<p class="meta"><a href="${esc(url)}">${esc(url)}</a></p>`, '</article>');
    return lines.join('\n');
  }
}
