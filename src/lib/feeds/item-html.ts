// The HTML inside a feed item. Feed readers show it away from the site, so every URL in it is
// absolute (links, images, and `#fragment` links, which a reader would resolve against the feed),
// text in another language than the feed is marked with `lang`, and nothing relies on the site's CSS.
import { formatDateTime, localize } from '../model/i18n.ts';
import { bodyImageResolver } from '../images/images.ts';
import { renderMarkdown } from '../model/markdown.ts';
import type { Bulletin, BulletinUpdate, ImageRef, Service, Site, Status } from '../model/types.ts';
import { statusLabel, feedStrings } from './strings.ts';

export interface HtmlContext {
  site: Site;
  /** Absolute path of content/, to find the images a bulletin refers to. */
  contentDir: string;
  services: Service[];
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Markdown rendered with every URL absolute, fragments resolved against the page they belong to. */
export function absoluteMarkdown(ctx: HtmlContext, markdown: string, fromFile: string, pageUrl: string): string {
  const html = renderMarkdown(markdown, {
    absoluteBase: pageUrl,
    resolveImage: bodyImageResolver(ctx.site, ctx.contentDir, fromFile),
    lazyImages: false,
  });
  const page = pageUrl.replace(/#.*$/, '');
  return html.replace(/(href|src)="#/g, `$1="${page}#`);
}

function inLang(html: string, textLang: string, feedLang: string): string {
  return textLang === feedLang ? html : `<div lang="${escapeHtml(textLang)}">${html}</div>`;
}

export function leadImageHtml(image: ImageRef, url: string): string {
  const credit = image.credit ? `<figcaption>${escapeHtml(image.credit)}</figcaption>` : '';
  return `<figure><img src="${escapeHtml(url)}" alt="${escapeHtml(image.alt)}">${credit}</figure>`;
}

function servicesHtml(ctx: HtmlContext, services: Record<string, Status>, lang: string, serviceUrl: (id: string) => string): string {
  const entries = Object.entries(services);
  if (entries.length === 0) return '';
  const items = entries.map(([id, status]) => {
    const service = ctx.services.find((s) => s.id === id);
    const name = service ? localize(service.name, lang, ctx.site) : id;
    return `<li><a href="${escapeHtml(serviceUrl(id))}">${escapeHtml(name)}</a>: ${escapeHtml(statusLabel(status, lang))}</li>`;
  });
  return `<p>${escapeHtml(feedStrings(lang).servicesChanged)}:</p><ul>${items.join('')}</ul>`;
}

export interface BulletinHtmlInput {
  bulletin: Bulletin;
  feedLang: string;
  pageUrl: string;
  imageUrl?: string;
  serviceUrl: (id: string) => string;
}

export function bulletinHtml(ctx: HtmlContext, { bulletin: b, feedLang, pageUrl, imageUrl, serviceUrl }: BulletinHtmlInput): string {
  const s = feedStrings(feedLang);
  const tz = ctx.site.timezone;
  const parts: string[] = [];
  if (b.untranslated) parts.push(`<p><em>${escapeHtml(s.untranslated)}</em></p>`);
  const text = [
    b.image && imageUrl ? leadImageHtml(b.image, imageUrl) : '',
    `<p><strong>${escapeHtml(b.summary)}</strong></p>`,
    absoluteMarkdown(ctx, b.body, b.file, pageUrl),
  ].join('');
  parts.push(inLang(text, b.lang, feedLang));
  parts.push(servicesHtml(ctx, b.services, feedLang, serviceUrl));
  if (b.nextUpdate) parts.push(`<p>${escapeHtml(s.nextUpdate)}: ${escapeHtml(formatDateTime(b.nextUpdate, feedLang, tz))}</p>`);
  parts.push(`<p><a href="${escapeHtml(pageUrl)}">${escapeHtml(s.readMore)}</a></p>`);
  return parts.filter(Boolean).join('\n');
}

export interface UpdateHtmlInput {
  bulletin: Bulletin;
  update: BulletinUpdate;
  feedLang: string;
  bulletinUrl: string;
  updateUrl: string;
  serviceUrl: (id: string) => string;
}

export function updateHtml(ctx: HtmlContext, { bulletin: b, update: u, feedLang, bulletinUrl, updateUrl, serviceUrl }: UpdateHtmlInput): string {
  const s = feedStrings(feedLang);
  const titleLang = b.lang !== feedLang ? ` lang="${escapeHtml(b.lang)}"` : '';
  return [
    `<p>${escapeHtml(s.updateOf)} <a href="${escapeHtml(bulletinUrl)}"${titleLang}>${escapeHtml(b.title)}</a></p>`,
    inLang(absoluteMarkdown(ctx, u.text, b.file, updateUrl), u.textLang, feedLang),
    servicesHtml(ctx, u.services, feedLang, serviceUrl),
  ]
    .filter(Boolean)
    .join('\n');
}
