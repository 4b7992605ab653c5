// Preview only (`npm run dev`): while content/ has errors, every page answers with the plain report
// of src/lib/build/dev-error-page.ts, in the officer's language, instead of Astro's error overlay for
// developers (a stack trace and "Open in editor"). It sits in front of Astro's page handler because
// the routes read the content before any Astro middleware would run. A build never gets here:
// scripts/build.ts stops on errors before Astro starts.
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { contentErrorPage, contentErrorReport } from '../lib/build/dev-error-page.ts';

/** Vite's own files and modules pass through: the error page needs Vite's client to reload itself. */
function isViteRequest(url: string): boolean {
  return /^\/(@|__|node_modules\/|src\/|\.astro\/)/.test(url) || url.includes('/@vite/') || url.includes('/@id/') || url.includes('/@fs/');
}

export default function contentErrors(options: { dir?: string } = {}): AstroIntegration {
  let base = '/';
  return {
    name: 'krisinfo-content-errors',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        const dir = path.resolve(options.dir ?? process.env.KRISINFO_CONTENT ?? 'content');
        let lastLogged = '';
        server.middlewares.use((req, res, next) => {
          const url = req.url ?? '/';
          if (isViteRequest(url)) return next();
          const found = contentErrorReport(dir);
          if (!found) {
            lastLogged = '';
            return next();
          }
          // The terminal gets the report too, once per change rather than once per request.
          if (found.report !== lastLogged) {
            console.error(`\n${found.lang === 'sv' ? 'Innehållet i content/ har fel' : 'The content in content/ has errors'}:\n\n${found.report}\n`);
            lastLogged = found.report;
          }
          res.statusCode = 500;
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.setHeader('cache-control', 'no-store');
          res.end(contentErrorPage(found.report, found.lang, `${base}@vite/client`));
        });
      },
    },
  };
}
