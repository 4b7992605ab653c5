// `npm run editor`: the officer's editor in the browser. Starts the editor on 127.0.0.1 and the
// preview (`astro dev`) beside it, and prints the address to open (with this start's secret token).
// Ctrl+C stops both. Nothing of the editor is part of the published site.
import path from 'node:path';
import { flagOpt, langFlag, readArgs, stringOpt } from '../src/lib/cli/args.ts';
import { contentDirFrom, nowFrom } from '../src/lib/cli/content-context.ts';
import { EXIT_OK, messageLang, runTool } from '../src/lib/cli/output.ts';
import { loadContent } from '../src/lib/content/load-content.ts';
import type { MessageLang } from '../src/lib/content/messages.ts';
import { startPreview, type Preview } from '../src/editor/preview.ts';
import { startEditor } from '../src/editor/server.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';

const DEFAULT_PORT = 4330;

const HELP_SV = `Användning: npm run editor -- [--port N] [--lang sv|en] [--no-preview] [--content MAPP] [--now TID]

Startar redigeraren i webbläsaren och förhandsvisningen bredvid. Öppna adressen som skrivs ut.
  --port N          port för redigeraren (standard: ${DEFAULT_PORT}, eller en ledig om den är upptagen)
  --lang sv|en      språk i redigeraren (standard: webbplatsens huvudspråk)
  --no-preview      starta inte förhandsvisningen (npm run dev)
  --content MAPP    innehållsmappen (standard: KRISINFO_CONTENT eller ./content)
  --now TID         tidpunkt att använda som "nu" (för tester)`;

const HELP_EN = `Usage: npm run editor -- [--port N] [--lang sv|en] [--no-preview] [--content FOLDER] [--now TIME]

Starts the editor in the browser and the preview beside it. Open the address it prints.
  --port N          the editor's port (default: ${DEFAULT_PORT}, or a free one if it is taken)
  --lang sv|en      language of the editor (default: the site's main language)
  --no-preview      do not start the preview (npm run dev)
  --content FOLDER  the content folder (default: KRISINFO_CONTENT or ./content)
  --now TIME        the moment to use as "now" (for tests)`;

let lang: MessageLang = 'sv';

async function main(): Promise<number> {
  lang = messageLang(langFlag(process.argv.slice(2)), undefined);
  const args = readArgs(
    process.argv.slice(2),
    { port: { type: 'string' }, lang: { type: 'string' }, 'no-preview': { type: 'boolean' }, content: { type: 'string' }, now: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    'editor',
  );
  lang = messageLang(stringOpt(args, 'lang'), undefined);
  if (flagOpt(args, 'help')) {
    console.log(lang === 'en' ? HELP_EN : HELP_SV);
    return EXIT_OK;
  }
  const root = path.resolve(import.meta.dirname, '..');
  const contentDir = contentDirFrom(stringOpt(args, 'content'));
  lang = messageLang(stringOpt(args, 'lang'), loadContent(contentDir).site?.languages[0]);
  const fixedNow = stringOpt(args, 'now');
  const now = fixedNow ? () => nowFrom(fixedNow) : () => new Date();
  const port = stringOpt(args, 'port') !== undefined ? Number(stringOpt(args, 'port')) : DEFAULT_PORT;
  let preview: Preview | undefined;
  if (!flagOpt(args, 'no-preview')) preview = await startPreview(root, contentDir);
  const editor = await startEditor({ root, contentDir, lang, port: Number.isInteger(port) && port >= 0 ? port : DEFAULT_PORT, previewOrigin: preview?.origin, now });
  const sv = lang === 'sv';
  console.log(sv ? `Redigeraren: ${editor.url}` : `Editor: ${editor.url}`);
  console.log(
    sv
      ? `Öppna adressen i webbläsaren (den gäller tills du stänger redigeraren). Stoppa med Ctrl+C.\nInnehåll: ${contentDir}`
      : `Open the address in your browser (it works until you stop the editor). Stop with Ctrl+C.\nContent: ${contentDir}`,
  );
  if (preview) {
    void preview.ready.then((ready) =>
      console.log(ready ? (sv ? `Förhandsvisning: ${preview.origin}/` : `Preview: ${preview.origin}/`) : sv ? 'Förhandsvisningen startade inte; redigeraren fungerar ändå.' : 'The preview did not start; the editor works anyway.'),
    );
  }
  const stop = () => {
    preview?.stop();
    void editor.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return await new Promise<number>(() => undefined);
}

await runTool(main, () => lang);
