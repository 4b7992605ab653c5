// Markdown from content/ as a page shows it: rendered by the project's one renderer (raw HTML off,
// bad links dropped), body images resolved by images.ts and loaded lazily.
import { bodyImageResolver } from '../images/images.ts';
import { renderMarkdown } from '../model/markdown.ts';
import type { Site } from '../model/types.ts';
import { attr, html, raw, type Html } from './markup.ts';

export interface ProseOptions {
  /** The file the Markdown was written in, relative to content/ (images are relative to it). */
  file: string;
  class?: string | undefined;
  lang?: string | undefined;
  /** The level of the text's top headings (default 2). */
  headingBase?: number | undefined;
}

export function proseHtml(site: Site, contentDir: string, source: string, { file, class: className, lang, headingBase }: ProseOptions): Html {
  const rendered = renderMarkdown(source, { resolveImage: bodyImageResolver(site, contentDir, file), lazyImages: true, headingBase });
  return html`<div${attr('class', className ? `prose ${className}` : 'prose')}${attr('lang', lang)}>${raw(rendered)}</div>`;
}
