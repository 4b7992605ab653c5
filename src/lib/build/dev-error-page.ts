// The preview's page when content/ has errors: a plain page in the officer's language with the
// same report `npm run check` prints, instead of Astro's error overlay (a stack trace and "Open in
// editor", written for developers). It reloads by itself once the files are saved again.
import path from 'node:path';
import { messageLang } from '../cli/output.ts';
import { contentWarnings } from '../cli/build-report.ts';
import { escapeHtml } from '../feeds/item-html.ts';
import { buildNow } from '../site/site-data.ts';
import { loadContent } from '../content/load-content.ts';
import { formatReport, hasErrors } from '../content/problems.ts';

/** The report for the content folder, or undefined when it has no errors (the page renders as usual). */
export function contentErrorReport(dir: string): { report: string; lang: 'sv' | 'en' } | undefined {
  const content = loadContent(dir);
  if (!hasErrors(content.problems)) return undefined;
  const lang = messageLang(process.env.KRISINFO_LANG, content.site?.languages[0]);
  const problems = [...content.problems.filter((p) => p.level === 'error'), ...contentWarnings(content, buildNow())];
  return { report: formatReport(problems, lang, path.relative(process.cwd(), dir) || '.'), lang };
}

/**
 * @param viteClient the address of Vite's client script: it listens for the preview's "reload"
 *   (sent when content/ changes) and reloads this page, so fixing the file brings the site back.
 */
export function contentErrorPage(report: string, lang: 'sv' | 'en', viteClient: string): string {
  const sv = lang === 'sv';
  const title = sv ? 'Innehållet i content/ har fel' : 'The content in content/ has errors';
  const intro = sv
    ? 'Förhandsgranskningen kan inte visa webbplatsen förrän felen nedan är rättade. Rätta dem och spara: sidan laddas om av sig själv. Samma lista ger npm run check, och npm run build publicerar ingenting så länge felen finns kvar.'
    : 'The preview cannot show the site until the errors below are fixed. Fix them and save: the page reloads by itself. npm run check gives the same list, and npm run build publishes nothing while the errors remain.';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font: 1rem/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; background: #fff; }
h1 { font-size: 1.5rem; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f4f4f4; border-left: 4px solid #b00020; padding: 1rem; font-size: 0.95rem; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(intro)}</p>
<pre>${escapeHtml(report)}</pre>
</main>
<script type="module" src="${escapeHtml(viteClient)}"></script>
</body>
</html>
`;
}
