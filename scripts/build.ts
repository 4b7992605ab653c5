// `npm run build`: check content/, build the site into a fresh folder beside the output, index it
// with Pagefind, and only then swap it in for the old output. A failure at any step leaves the
// previous output exactly as it was: nothing is ever half-published (src/lib/build/build-site.ts).
//
// This file only reads the arguments, claims the output folder and starts the renderer: its
// threads load the site's code on the other core while the rest of the build is loaded. Node
// loads every import of a module before it runs a line of it, and the build's (Markdown, sharp,
// the checks of content/) take some 0.2 s, so they come with `await import()` below, which
// scripts/run.mjs keeps as a chunk of its own. (YAML comes first: the renderer reads site.yaml's
// address for the bundle's key.)
import { explainFailure, shownPath } from '../src/lib/build/fs-errors.ts';
import { claimOutput } from '../src/lib/build/output-folder.ts';
import { startRenderer } from '../src/lib/build/render/render-site.ts';
import { langFlag as langFlagOf } from '../src/lib/cli/args.ts';
import { buildHelp, readBuildArgs, type BuildOptions } from '../src/lib/cli/build-args.ts';
import { buildTexts } from '../src/lib/cli/build-texts.ts';
import { EXIT_OK, EXIT_USAGE, messageLang } from '../src/lib/cli/output.ts';
import { messageFor, type MessageLang } from '../src/lib/content/messages.ts';
import { contentDir } from '../src/lib/site/content-dir.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';

async function main(): Promise<number> {
  // The officer's language: --lang, else Swedish until site.yaml says the main language is another.
  const lang: MessageLang = messageLang(langFlagOf(process.argv.slice(2)), undefined);
  let options: BuildOptions;
  try {
    options = readBuildArgs(process.argv.slice(2));
  } catch (e) {
    console.error(explainFailure(e, lang));
    return EXIT_USAGE;
  }
  if (options.help) {
    console.log(buildHelp(lang));
    return EXIT_OK;
  }
  const started = performance.now();
  const dir = contentDir();
  const note = (m: Parameters<typeof messageFor>[0]) => console.log(messageFor(m, lang).text);
  // Checked (never the project, content/ or a folder that is not a site), locked, and put right
  // after a killed build, before anything else: src/lib/build/output-folder.ts.
  let out: string;
  try {
    out = claimOutput(options.out, { project: process.cwd(), content: dir }, note);
  } catch (e) {
    console.error(`${explainFailure(e, lang)}\n${buildTexts(lang).stopped(shownPath(options.out))}`);
    return 1;
  }
  const renderer = startRenderer(process.cwd(), dir);
  let buildSite: typeof import('../src/lib/build/build-site.ts').buildSite;
  try {
    ({ buildSite } = await import('../src/lib/build/build-site.ts'));
  } catch (e) {
    // The compiled build is damaged (a file of .build/compiled/ gone): deleting .build/ mends it.
    console.error(`${explainFailure(e, lang)}\n${buildTexts(lang).failed(shownPath(out))}`);
    return 1;
  }
  return buildSite({ options, out, dir, renderer, started, lang });
}

process.exitCode = await main();
