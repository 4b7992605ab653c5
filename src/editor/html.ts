// HTML for the editor's pages: a tagged template that escapes every value unless it is already
// HTML made here, and the one page skeleton (language, skip link, navigation, preview beside).
import type { Texts } from './texts.ts';

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

function render(v: unknown): string {
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  if (v === undefined || v === null || v === false) return '';
  return String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => (out += render(v) + strings[i + 1]!));
  return new Html(out);
}

export interface PageOptions {
  lang: string;
  t: Texts;
  title: string;
  /** The nav entry to mark as the current page. */
  current?: 'list' | 'new' | 'status' | 'check' | 'publish';
  /** The preview address to frame beside the form, if the preview runs. */
  preview?: string;
  /** Reload every few seconds (a publish in progress), without JavaScript. */
  refresh?: number;
}

export function page(o: PageOptions, main: Html): string {
  const { t } = o;
  const nav = (href: string, key: PageOptions['current'], label: string) =>
    html`<li><a href="${href}"${o.current === key ? new Html(' aria-current="page"') : ''}>${label}</a></li>`;
  const aside = o.preview
    ? html`<aside class="preview" aria-labelledby="preview-h"><h2 id="preview-h">${t('preview')}</h2>
<p><a href="${o.preview}" target="_blank" rel="noopener">${t('previewOpen')}</a></p>
<iframe src="${o.preview}" title="${t('previewFrame')}"></iframe></aside>`
    : '';
  return `<!doctype html>\n${html`<html lang="${o.lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${o.refresh ? new Html(`<meta http-equiv="refresh" content="${o.refresh}">`) : ''}
<title>${o.title} · ${t('appName')}</title>
<link rel="stylesheet" href="/assets/editor.css">
<script src="/assets/editor.js" defer></script></head>
<body><a class="skip" href="#main">${t('skip')}</a>
<header class="top"><p class="app">${t('appName')}</p><nav aria-label="${t('navMain')}"><ul>
${nav('/', 'list', t('navBulletins'))}${nav('/new', 'new', t('navNew'))}${nav('/status', 'status', t('navStatus'))}${nav('/check', 'check', t('navCheck'))}${nav('/publish', 'publish', t('navPublish'))}
</ul></nav></header>
<div class="${o.preview ? 'layout with-preview' : 'layout'}"><main id="main" tabindex="-1">${main}</main>${aside}</div>
</body></html>`}\n`;
}
