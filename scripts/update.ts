// `npm run update -- <file or slug> --text "…" [--service id=status] [--at ISO] [--touch-updated]`:
// adds a timestamped update to a bulletin. Only new lines are inserted; the rest of the file stays
// byte for byte, and the file is replaced atomically. No other file is created or removed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { appendUpdate } from '../src/lib/cli/append-update.ts';
import { flagOpt, langFlag, listOpt, readArgs, stringOpt } from '../src/lib/cli/args.ts';
import { errorsIn, loadToolContext, parseDateFlag, parseServiceFlags } from '../src/lib/cli/content-context.ts';
import { findBulletin } from '../src/lib/cli/find-bulletin.ts';
import { CliError, EXIT_CONTENT, EXIT_OK, messageLang, runTool, type CliMessage } from '../src/lib/cli/output.ts';
import { canAsk, Prompter } from '../src/lib/cli/prompt.ts';
import { replaceFile } from '../src/lib/cli/write-file.ts';
import { toIsoWithOffset, toLocalMinute } from '../src/lib/model/dates.ts';
import type { MessageLang } from '../src/lib/content/messages.ts';

const HELP_SV = `npm run update -- <fil eller namn> --text "…" [--service id=status] [--at ÅÅÅÅ-MM-DDTHH:MM] [--touch-updated]

Lägger till en uppdatering i ett meddelande. Resten av filen lämnas orörd.
  --text "…"            uppdateringens text (Markdown)
  --service id=status   ny status för en tjänst, kan upprepas (id:n står i content/services.yaml)
  --at TID              uppdateringens tid (standard: nu, lokal tid)
  --touch-updated       sätt även fältet updated till samma tid
  --lang sv|en          språk för meddelanden från verktyget
  --content DIR         innehållsmappen (standard: KRISINFO_CONTENT eller ./content)
  --now ISO             tidpunkt att använda som "nu" (för tester)

Exempel:
  npm run update -- 2021-12-16-it-angrepp --text "Fakturor kan betalas igen." --service fakturor=operational`;

const HELP_EN = `npm run update -- <file or name> --text "…" [--service id=status] [--at YYYY-MM-DDTHH:MM] [--touch-updated]

Adds an update to a bulletin. The rest of the file is left as it is.
  --text "…"            the update's text (Markdown)
  --service id=status   a service's new status, may be repeated (the ids are in content/services.yaml)
  --at TIME             the update's time (default: now, local time)
  --touch-updated       also set the field updated to the same time
  --lang sv|en          language of the tool's messages
  --content DIR         the content folder (default: KRISINFO_CONTENT or ./content)
  --now ISO             the moment to use as "now" (for tests)

Example:
  npm run update -- 2021-12-16-it-angrepp --text "Invoices can be paid again." --service fakturor=operational`;

let lang: MessageLang = 'sv';

async function main(): Promise<number> {
  lang = messageLang(langFlag(process.argv.slice(2)), undefined);
  const args = readArgs(
    process.argv.slice(2),
    {
      text: { type: 'string' },
      service: { type: 'string', multiple: true },
      at: { type: 'string' },
      'touch-updated': { type: 'boolean' },
      lang: { type: 'string' },
      content: { type: 'string' },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'update',
  );
  lang = messageLang(stringOpt(args, 'lang'), undefined);
  if (flagOpt(args, 'help') || args.positionals.length === 0) {
    console.log(lang === 'en' ? HELP_EN : HELP_SV);
    return flagOpt(args, 'help') ? EXIT_OK : 2;
  }
  const ctx = loadToolContext(stringOpt(args, 'content'), stringOpt(args, 'now'));
  lang = messageLang(stringOpt(args, 'lang'), ctx.site.languages[0]);
  const sv = lang === 'sv';
  const found = findBulletin(ctx.content, args.positionals[0]!);
  if (found.file !== found.group.original.file) {
    throw new CliError({ code: 'cli.translation-target', params: { value: `content/${found.group.original.file}` } });
  }
  // A file with errors is refused: inserting lines into YAML we cannot read could make it worse.
  const existing = ctx.content.problems.filter((p) => p.level === 'error' && p.file === found.file);
  if (existing.length) throw new CliError(existing, EXIT_CONTENT);

  let text = stringOpt(args, 'text')?.trim();
  if (!text && canAsk()) {
    const ask = new Prompter();
    try {
      while (!text) text = (await ask.ask(sv ? 'Uppdateringens text' : 'Text of the update', undefined, 'text')).trim();
    } finally {
      ask.close();
    }
  }
  const problems: CliMessage[] = [];
  if (!text) problems.push({ code: 'cli.missing-answer', params: { value: 'text' }, option: '--text' });
  let services = {};
  try {
    services = parseServiceFlags(listOpt(args, 'service'), ctx);
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    problems.push(...(e.messages as CliMessage[]).map((m) => ({ ...m, option: '--service' })));
  }
  const atFlag = stringOpt(args, 'at')?.trim();
  let at = toLocalMinute(ctx.now, ctx.site.timezone);
  let atDate = ctx.now;
  if (atFlag) {
    try {
      atDate = parseDateFlag(atFlag, ctx);
      at = atFlag;
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      problems.push(...(e.messages as CliMessage[]).map((m) => ({ ...m, option: '--at' })));
    }
  } else atDate = parseDateFlag(at, ctx);
  const clash = found.group.original.updates.find((u) => u.at.getTime() === atDate.getTime());
  if (clash) problems.push({ code: 'update.duplicate-at', params: { value: toIsoWithOffset(clash.at, ctx.site.timezone) }, option: '--at' });
  if (problems.length) throw new CliError(problems);

  const abs = path.join(ctx.dir, found.file);
  const before = readFileSync(abs, 'utf8');
  const after = appendUpdate(before, { at, text: text!, services }, flagOpt(args, 'touch-updated') ? at : undefined);
  replaceFile(abs, after);
  const errors = errorsIn(ctx.dir, found.file);
  if (errors.length) {
    // Should not happen; if it does, the officer's file goes back to exactly what it was.
    replaceFile(abs, before);
    throw new CliError(errors, EXIT_CONTENT);
  }
  const shown = path.relative(process.cwd(), abs) || abs;
  console.log(
    sv
      ? `Uppdateringen (${at}) lades till i ${shown}.\nKör npm run check och sedan npm run build för att publicera.${found.group.versions.size > 1 ? '\nGlöm inte översättningarna: lägg till samma at med översatt text i dem.' : ''}`
      : `The update (${at}) was added to ${shown}.\nRun npm run check, then npm run build to publish.${found.group.versions.size > 1 ? '\nRemember the translations: add the same at with translated text to them.' : ''}`,
  );
  return EXIT_OK;
}

await runTool(main, () => lang);
