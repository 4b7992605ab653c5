// `npm run new`: creates a bulletin from flags, asking on the terminal for what is missing.
// The file gets today's date and the title as its name, the current local time as `published`
// and a body with the five questions a crisis bulletin answers. It never overwrites a file.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { flagOpt, listOpt, readArgs, stringOpt } from '../src/lib/cli/args.ts';
import { newBulletinText } from '../src/lib/cli/bulletin-text.ts';
import { errorsIn, loadToolContext, parseDateFlag, parseServiceFlags } from '../src/lib/cli/content-context.ts';
import { slugify, uniqueBulletinFile } from '../src/lib/cli/file-name.ts';
import { CliError, EXIT_CONTENT, EXIT_OK, formatCliMessage, messageLang, runTool, type CliMessage } from '../src/lib/cli/output.ts';
import { canAsk, Prompter } from '../src/lib/cli/prompt.ts';
import { createFile } from '../src/lib/cli/write-file.ts';
import { toLocalMinute } from '../src/lib/dates.ts';
import type { MessageLang } from '../src/lib/messages.ts';
import { SMS_MAX, SUMMARY_MAX } from '../src/lib/read-bulletin.ts';
import { AUDIENCES, SEVERITIES, type Audience, type Severity } from '../src/lib/types.ts';

const HELP = `npm run new -- --title "…" --summary "…" [val]

Skapar ett nytt meddelande i content/bulletins/. Det som saknas frågas efter i terminalen.
  --title "…"              rubrik (krävs)
  --summary "…"            sammanfattning, högst ${SUMMARY_MAX} tecken (krävs)
  --severity info|warning|critical   (standard: info)
  --audience public|staff  kan upprepas eller skrivas public,staff (standard: public)
  --service id=status      tjänstens status, kan upprepas (t.ex. --service ekonomi=down)
  --pinned                 fäst på förstasidan
  --next-update ÅÅÅÅ-MM-DDTHH:MM   när nästa uppdatering kommer
  --sms "…"                kort text för sms, högst ${SMS_MAX} tecken
  --draft                  utkast: publiceras inte förrän du tar bort draft: true
  --lang sv|en             språk för meddelanden från verktyget
  --content DIR            innehållsmappen (standard: KRISINFO_CONTENT eller ./content)
  --now ISO                tidpunkt att använda som "nu" (för tester)`;

let lang: MessageLang = 'sv';

async function main(): Promise<number> {
  const args = readArgs(
    process.argv.slice(2),
    {
      title: { type: 'string' },
      summary: { type: 'string' },
      severity: { type: 'string' },
      audience: { type: 'string', multiple: true },
      service: { type: 'string', multiple: true },
      pinned: { type: 'boolean' },
      'next-update': { type: 'string' },
      sms: { type: 'string' },
      draft: { type: 'boolean' },
      lang: { type: 'string' },
      content: { type: 'string' },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'new',
  );
  lang = messageLang(stringOpt(args, 'lang'), undefined);
  if (flagOpt(args, 'help')) {
    console.log(HELP);
    return EXIT_OK;
  }
  const ctx = loadToolContext(stringOpt(args, 'content'), stringOpt(args, 'now'));
  const siteLang = ctx.site.languages[0]!;
  lang = messageLang(stringOpt(args, 'lang'), siteLang);
  const sv = lang === 'sv';

  let title = stringOpt(args, 'title')?.trim();
  let summary = stringOpt(args, 'summary')?.trim();
  let severity = stringOpt(args, 'severity')?.trim();
  let audience = listOpt(args, 'audience').flatMap((a) => a.split(',')).map((a) => a.trim()).filter(Boolean);
  let serviceFlags = listOpt(args, 'service');

  if ((!title || !summary) && canAsk()) {
    const ask = new Prompter();
    try {
      while (!title) title = await ask.ask(sv ? 'Rubrik' : 'Title', undefined, 'title');
      while (!summary) summary = await ask.ask(sv ? `Sammanfattning (högst ${SUMMARY_MAX} tecken)` : `Summary (at most ${SUMMARY_MAX} characters)`, undefined, 'summary');
      severity ??= await ask.choose(sv ? 'Allvarlighetsgrad' : 'Severity', SEVERITIES, 'info');
      if (!audience.length) audience = (await ask.ask(sv ? 'Målgrupp (public, staff eller public,staff)' : 'Audience (public, staff or public,staff)', 'public')).split(',').map((a) => a.trim());
      if (!serviceFlags.length) {
        const ids = ctx.content.services.map((s) => s.id).join(', ');
        const answer = await ask.ask(sv ? `Tjänster som påverkas, som id=status med komma emellan (${ids}); tomt för inga` : `Services affected, as id=status separated by commas (${ids}); empty for none`);
        serviceFlags = answer.split(',').map((s) => s.trim()).filter(Boolean);
      }
    } finally {
      ask.close();
    }
  }
  const missing: CliMessage[] = [];
  if (!title) missing.push({ code: 'cli.missing-answer', params: { value: 'title' }, option: '--title' });
  if (!summary) missing.push({ code: 'cli.missing-answer', params: { value: 'summary' }, option: '--summary' });
  if (missing.length) throw new CliError(missing);

  // Everything is checked before anything is written: a refused command leaves no file behind.
  const problems: CliMessage[] = [];
  const tooLong = (s: string | undefined, max: number, option: string) => {
    const length = [...(s ?? '')].length;
    if (length > max) problems.push({ code: 'text.too-long', params: { length, max, over: length - max }, option });
  };
  tooLong(summary, SUMMARY_MAX, '--summary');
  tooLong(stringOpt(args, 'sms'), SMS_MAX, '--sms');
  if (severity !== undefined && !(SEVERITIES as readonly string[]).includes(severity)) {
    problems.push({ code: 'value.unknown', params: { value: severity, allowed: SEVERITIES.join(', ') }, option: '--severity' });
  }
  for (const a of audience) {
    if (!(AUDIENCES as readonly string[]).includes(a)) problems.push({ code: 'value.unknown', params: { value: a, allowed: AUDIENCES.join(', ') }, option: '--audience' });
  }
  let services = {};
  try {
    services = parseServiceFlags(serviceFlags, ctx);
  } catch (e) {
    if (e instanceof CliError) problems.push(...(e.messages as CliMessage[]).map((m) => ({ ...m, option: '--service' })));
    else throw e;
  }
  const nextUpdateFlag = stringOpt(args, 'next-update')?.trim();
  let nextUpdate: string | undefined;
  if (nextUpdateFlag) {
    try {
      nextUpdate = toLocalMinute(parseDateFlag(nextUpdateFlag, ctx), ctx.site.timezone);
    } catch (e) {
      if (e instanceof CliError) problems.push(...(e.messages as CliMessage[]).map((m) => ({ ...m, option: '--next-update' })));
      else throw e;
    }
  }
  if (problems.length) throw new CliError(problems);

  const published = toLocalMinute(ctx.now, ctx.site.timezone);
  const bulletinDir = path.join(ctx.dir, 'bulletins');
  mkdirSync(bulletinDir, { recursive: true });
  const base = `${published.slice(0, 10)}-${slugify(title!) || (sv ? 'meddelande' : 'bulletin')}`;
  const text = newBulletinText(
    {
      title: title!,
      published,
      summary: summary!,
      severity: (severity ?? 'info') as Severity,
      audience: (audience.length ? [...new Set(audience)] : ['public']) as Audience[],
      services,
      pinned: flagOpt(args, 'pinned'),
      nextUpdate,
      draft: flagOpt(args, 'draft'),
      sms: stringOpt(args, 'sms')?.trim() || undefined,
    },
    siteLang,
  );
  // The name is chosen, then created with O_EXCL: a file that appears in between is not overwritten.
  let abs = uniqueBulletinFile(bulletinDir, base);
  for (let tries = 0; ; tries++) {
    try {
      createFile(abs, text);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || tries > 20) throw e;
      abs = uniqueBulletinFile(bulletinDir, base);
    }
  }
  const shown = path.relative(process.cwd(), abs) || abs;
  const file = path.relative(ctx.dir, abs).split(path.sep).join('/');
  const errors = errorsIn(ctx.dir, file);
  if (errors.length) {
    for (const p of errors) console.error(formatCliMessage(p, lang));
    console.error(sv ? `\nFilen skapades, men har fel: ${shown}` : `\nThe file was created but has errors: ${shown}`);
    return EXIT_CONTENT;
  }
  console.log(
    sv
      ? `Skapade ${shown}\n\nSå här går du vidare:\n  1. Öppna filen och svara på frågorna under rubrikerna.\n  2. Kör npm run check för att se att allt stämmer.\n  3. Kör npm run dev för att se meddelandet i webbläsaren.\n  4. Kör npm run build för att publicera.${flagOpt(args, 'draft') ? '\n  (Utkast: ta bort raden draft: true när det ska publiceras.)' : ''}`
      : `Created ${shown}\n\nNext steps:\n  1. Open the file and answer the questions under the headings.\n  2. Run npm run check to see that everything is right.\n  3. Run npm run dev to see the bulletin in the browser.\n  4. Run npm run build to publish.${flagOpt(args, 'draft') ? '\n  (Draft: remove the line draft: true when it is to be published.)' : ''}`,
  );
  return EXIT_OK;
}

await runTool(main, () => lang);
