// `npm run translate -- <slug> --to en`: starts a translation next to the original, as
// `<slug>.<lang>.md`, with the texts to translate filled in as a guide. It never overwrites a file.
import path from 'node:path';
import { flagOpt, langFlag, readArgs, stringOpt } from '../src/lib/cli/args.ts';
import { errorsIn, loadToolContext } from '../src/lib/cli/content-context.ts';
import { findBulletin } from '../src/lib/cli/find-bulletin.ts';
import { CliError, EXIT_CONTENT, EXIT_OK, formatCliMessage, messageLang, runTool } from '../src/lib/cli/output.ts';
import { translationStub } from '../src/lib/cli/translation-stub.ts';
import { createFile } from '../src/lib/cli/write-file.ts';
import type { MessageLang } from '../src/lib/content/messages.ts';

const HELP_SV = `npm run translate -- <namn eller fil> --to SPRÅK

Skapar en översättning, <namn>.<språk>.md, bredvid originalet, med texterna att översätta ifyllda.
Översättningen publiceras först när du har skrivit över originalets rubrik, sammanfattning och text.
  --to SPRÅK       översättningens språk: ett av språken i site.yaml (inte huvudspråket)
  --lang sv|en     språk för meddelanden från verktyget (--ui går också)
  --content DIR    innehållsmappen (standard: KRISINFO_CONTENT eller ./content)

Exempel:
  npm run translate -- 2021-12-16-it-angrepp --to en`;

const HELP_EN = `npm run translate -- <name or file> --to LANGUAGE

Creates a translation, <name>.<language>.md, next to the original, with the texts to translate filled in.
The translation is published once you have written over the original's title, summary and text.
  --to LANGUAGE    the translation's language: one of the languages in site.yaml (not the main one)
  --lang sv|en     language of the tool's messages (--ui works too)
  --content DIR    the content folder (default: KRISINFO_CONTENT or ./content)

Example:
  npm run translate -- 2021-12-16-it-angrepp --to en`;

let lang: MessageLang = 'sv';

async function main(): Promise<number> {
  lang = messageLang(langFlag(process.argv.slice(2)), undefined);
  const args = readArgs(
    process.argv.slice(2),
    { to: { type: 'string' }, lang: { type: 'string' }, ui: { type: 'string' }, content: { type: 'string' }, now: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    'translate',
  );
  // --lang is the tools' one name for the language they speak; --ui is its old name here.
  const asked = stringOpt(args, 'lang') ?? stringOpt(args, 'ui');
  lang = messageLang(asked, undefined);
  if (flagOpt(args, 'help') || args.positionals.length === 0) {
    console.log(lang === 'en' ? HELP_EN : HELP_SV);
    return flagOpt(args, 'help') ? EXIT_OK : 2;
  }
  const ctx = loadToolContext(stringOpt(args, 'content'), stringOpt(args, 'now'));
  lang = messageLang(asked, ctx.site.languages[0]);
  const target = stringOpt(args, 'to')?.trim();
  const [defaultLang, ...others] = ctx.site.languages as [string, ...string[]];
  if (!target) throw new CliError({ code: 'cli.translate-to', params: { allowed: others.join(', ') }, option: '--to' });
  if (!ctx.site.languages.includes(target)) throw new CliError({ code: 'lang.unknown-suffix', params: { value: target, allowed: ctx.site.languages.join(', ') }, option: '--to' });
  if (target === defaultLang) throw new CliError({ code: 'cli.lang-default', params: { value: target, allowed: others.join(', ') }, option: '--to' });

  const { group } = findBulletin(ctx.content, args.positionals[0]!);
  const original = group.original;
  const file = `${path.posix.dirname(original.file)}/${group.slug}.${target}.md`;
  const abs = path.join(ctx.dir, file);
  const shown = path.relative(process.cwd(), abs) || abs;
  if (group.versions.has(target)) throw new CliError({ code: 'cli.exists', params: { value: shown } });
  try {
    createFile(abs, translationStub(original, target, ctx.site.timezone, lang));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new CliError({ code: 'cli.exists', params: { value: shown } });
    throw e;
  }
  const errors = errorsIn(ctx.dir, file);
  if (errors.length) {
    for (const p of errors) console.error(formatCliMessage(p, lang));
    return EXIT_CONTENT;
  }
  console.log(
    lang === 'sv'
      ? `Skapade ${shown}\nÖversätt texterna i filen (kommentarerna överst säger vilka), kör sedan npm run check och npm run build.\nTills rubrik, sammanfattning och text är översatta publiceras den inte: läsarna ser originalet med en upplysning om att översättning saknas.`
      : `Created ${shown}\nTranslate the texts in the file (the comments at the top say which), then run npm run check and npm run build.\nUntil the title, summary and text are translated it is not published: readers see the original with a notice that the translation is missing.`,
  );
  return EXIT_OK;
}

await runTool(main, () => lang);
