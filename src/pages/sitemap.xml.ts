// sitemap.xml: every page of every language, with absolute URLs, when it last changed and its language alternates.
import type { APIRoute } from 'astro';
import { standingPages } from '../lib/content/default-pages.ts';
import { toIsoWithOffset } from '../lib/model/dates.ts';
import { pagesIn } from '../lib/site/routes.ts';
import { getSiteData } from '../lib/site/site-data.ts';
import { absoluteUrl } from '../lib/model/urls.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const GET: APIRoute = () => {
  const { model, content } = getSiteData();
  const { site } = model;
  const pages = standingPages(site, content.pages, model.now);
  const byLang = new Map(site.languages.map((l) => [l, pagesIn(model, pages, l)]));
  const urls: string[] = [];
  for (const lang of site.languages) {
    byLang.get(lang)!.forEach((p, i) => {
      const alternates = site.languages
        .map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${esc(absoluteUrl(site, byLang.get(l)![i]!.path))}"/>`)
        .join('');
      const lastmod = `<lastmod>${toIsoWithOffset(p.lastmod, site.timezone)}</lastmod>`;
      urls.push(`<url><loc>${esc(absoluteUrl(site, p.path))}</loc>${lastmod}${alternates}</url>`);
    });
  }
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' +
    urls.join('\n') +
    '\n</urlset>\n';
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
