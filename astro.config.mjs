// @ts-check
// Astro configuration: https://docs.astro.build/en/reference/configuration-reference/
// `site` and `base` come from content/site.yaml `url`, so one setting decides where the site lives
// (a domain root or a sub-path). Validation of site.yaml happens in src/lib; here a broken file
// only means "no site yet", and the build stops later with a clear message.
import { defineConfig } from 'astro/config';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import contentWatch from './src/integrations/content-watch.ts';
import contentErrors from './src/integrations/content-errors.ts';

const contentDir = path.resolve(process.env.KRISINFO_CONTENT ?? 'content');

function siteUrl() {
  try {
    const text = readFileSync(path.join(contentDir, 'site.yaml'), 'utf8').replace(/^\uFEFF/, '');
    const url = new URL(parse(text).url);
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    return url;
  } catch {
    return undefined;
  }
}

const url = siteUrl();

export default defineConfig({
  site: url?.origin,
  base: url?.pathname ?? '/',
  trailingSlash: 'ignore',
  outDir: process.env.KRISINFO_OUT ?? 'dist',
  build: {
    format: 'directory',
    // One request per page: the stylesheet is small and goes inline (see the size budget).
    inlineStylesheets: 'always',
  },
  compressHTML: true,
  devToolbar: { enabled: false },
  prefetch: false,
  // In `npm run dev`: reload the browser when anything in the content folder changes.
  // Content errors show as a plain page in the officer's language, not Astro's overlay.
  integrations: [contentWatch({ dir: contentDir }), contentErrors({ dir: contentDir })],
  vite: {
    server: {
      // The preview reloads when anything in content/ changes, including the YAML files
      // (src/integrations/content-watch.ts). Build output written inside the project (a build run
      // beside the preview, test builds) is not watched: it would reload the browser in a loop.
      watch: { ignored: ['!**/content/**', '**/dist/**', '**/dist.*/**', '**/.build/**', '**/.cache/**'] },
    },
  },
});
