// `npm run translate -- <slug> --lang en`: starts a translation next to the original, as
// `<slug>.<lang>.md`, with the texts to translate filled in as a guide. It never overwrites a file.
import path from 'node:path';
import { flagOpt, readArgs, stringOpt } from '../src/lib/cli/args.ts';
import { errorsIn, loadToolContext } from '../src/lib/cli/content-context.ts';
import { findBulletin } from '../src/lib/cli/find-bulletin.ts';
import { CliError, EXIT_CONTENT, EXIT_OK, formatCliMessage, messageLang, runTool } from '../src/lib/cli/output.ts';
import { translationStub } from '../src/lib/cli/translation-stub.ts';
import { createFile } from '../src/lib/cli/write-file.ts';
import type { MessageLang } from '../src/lib/messages.ts';

const HELP = `npm run translate -- <namn eller fil> --lang SPRÅK

Skapar en översättning, <namn>.<språk>.md, bredvid originalet, med texterna att översätta ifyllda.
  --lang SPRÅK     ett av språken i site.yaml (inte huvudspråket)
  --content DIR    innehållsmappen (standard: KRISINFO_CONTENT eller ./content)
  --ui sv|en       språk för meddelanden från verktyget`;

let lang: MessageLang = 'sv';

async function main(): Promise<number> {
  const args = readArgs(
    process.argv.slice(2),
    { lang: { type: 'string' }, ui: { type: 'string' }, content: { type: 'string' }, now: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    'translate',
  );
  lang = messageLang(stringOpt(args, 'ui'), undefined);
  if (flagOpt(args, 'help') || args.positionals.length === 0) {
    console.log(HELP);
    return flagOpt(args, 'help') ? EXIT_OK : 2;
  }
  const ctx = loadToolContext(stringOpt(args, 'content'), stringOpt(args, 'now'));
  lang = messageLang(stringOpt(args, 'ui'), ctx.site.languages[0]);
  const target = stringOpt(args, 'lang')?.trim();
  const [defaultLang, ...others] = ctx.site.languages as [string, ...string[]];
  if (!target) throw new CliError({ code: 'cli.missing-answer', params: { value: 'lang' }, option: '--lang' });
  if (!ctx.site.languages.includes(target)) throw new CliError({ code: 'lang.unknown-suffix', params: { value: target, allowed: ctx.site.languages.join(', ') }, option: '--lang' });
  if (target === defaultLang) throw new CliError({ code: 'cli.lang-default', params: { value: target, allowed: others.join(', ') }, option: '--lang' });

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
      ? `Skapade ${shown}\nÖversätt texterna i filen (kommentarerna överst säger vilka), kör sedan npm run check och npm run build.`
      : `Created ${shown}\nTranslate the texts in the file (the comments at the top say which), then run npm run check and npm run build.`,
  );
  return EXIT_OK;
}

await runTool(main, () => lang);
