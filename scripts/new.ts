// `npm run new`: creates a bulletin from flags, asking on the terminal for what is missing.
// The file gets today's date and the title as its name, the current local time as `published`
// and a body with the five questions a crisis bulletin answers. It never overwrites a file.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { flagOpt, langFlag, listOpt, readArgs, stringOpt } from '../src/lib/cli/args.ts';
import { newBulletinText } from '../src/lib/cli/bulletin-text.ts';
import { errorsIn, loadToolContext, parseDateFlag, parseServiceFlags, type ToolContext } from '../src/lib/cli/content-context.ts';
import { slugify, uniqueBulletinFile } from '../src/lib/cli/file-name.ts';
import { CliError, EXIT_CONTENT, EXIT_OK, formatCliMessage, messageLang, runTool, type CliMessage } from '../src/lib/cli/output.ts';
import { canAsk, Prompter } from '../src/lib/cli/prompt.ts';
import { createFile } from '../src/lib/cli/write-file.ts';
import { toLocalMinute } from '../src/lib/model/dates.ts';
import type { MessageLang } from '../src/lib/content/messages.ts';
import { SMS_MAX, SUMMARY_MAX } from '../src/lib/content/read-bulletin.ts';
import { AUDIENCES, SEVERITIES, STATUSES, type Audience, type Severity } from '../src/lib/model/types.ts';

const HELP_SV = `npm run new -- --title "…" --summary "…" [val]

Skapar ett nytt meddelande i content/bulletins/, som utkast (draft: true). Det som saknas frågas
efter i terminalen; ett svar som inte går att använda frågas efter igen.
  --title "…"              rubrik (krävs)
  --summary "…"            sammanfattning, högst ${SUMMARY_MAX} tecken (krävs)
  --severity info|warning|critical   (standard: info)
  --audience public|staff  kan upprepas eller skrivas public,staff (standard: public)
  --service id=status      tjänstens status, kan upprepas (t.ex. --service vatten=down);
                           id:n står i content/services.yaml
  --pinned                 fäst på förstasidan
  --next-update ÅÅÅÅ-MM-DDTHH:MM   när nästa uppdatering kommer
  --sms "…"                kort text för sms, högst ${SMS_MAX} tecken
  --lang sv|en             språk för meddelanden från verktyget
  --content DIR            innehållsmappen (standard: KRISINFO_CONTENT eller ./content)
  --now ISO                tidpunkt att använda som "nu" (för tester)

Exempel:
  npm run new -- --title "Vattnet är tjänligt igen" --summary "Du behöver inte längre koka vattnet." --service vatten=operational

Meddelandet publiceras inte förrän du har skrivit svaren under rubrikerna och tagit bort raden draft: true.`;

const HELP_EN = `npm run new -- --title "…" --summary "…" [options]

Creates a new bulletin in content/bulletins/, as a draft (draft: true). What is missing is asked
for on the terminal; an answer that cannot be used is asked for again.
  --title "…"              title (required)
  --summary "…"            summary, at most ${SUMMARY_MAX} characters (required)
  --severity info|warning|critical   (default: info)
  --audience public|staff  may be repeated or written public,staff (default: public)
  --service id=status      a service's status, may be repeated (e.g. --service vatten=down);
                           the ids are in content/services.yaml
  --pinned                 pin to the front page
  --next-update YYYY-MM-DDTHH:MM   when the next update comes
  --sms "…"                short text for SMS, at most ${SMS_MAX} characters
  --lang sv|en             language of the tool's messages
  --content DIR            the content folder (default: KRISINFO_CONTENT or ./content)
  --now ISO                the moment to use as "now" (for tests)

Example:
  npm run new -- --title "The water is safe again" --summary "You no longer need to boil the water." --service vatten=operational

The bulletin is not published until you have written the answers under the headings and removed the line draft: true.`;

let lang: MessageLang = 'sv';

async function main(): Promise<number> {
  lang = messageLang(langFlag(process.argv.slice(2)), undefined);
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
    console.log(lang === 'en' ? HELP_EN : HELP_SV);
    return EXIT_OK;
  }
  const ctx = loadToolContext(stringOpt(args, 'content'), stringOpt(args, 'now'));
  const siteLang = ctx.site.languages[0]!;
  lang = messageLang(stringOpt(args, 'lang'), siteLang);
  const sv = lang === 'sv';

  let title = stringOpt(args, 'title')?.trim();
  let summary = stringOpt(args, 'summary')?.trim();
  let severity = stringOpt(args, 'severity')?.trim();
  let audience = splitList(listOpt(args, 'audience'));
  let serviceFlags = listOpt(args, 'service');

  if ((!title || !summary) && canAsk()) {
    // Each answer is checked as it is given and asked for again if it cannot be used.
    const ask = new Prompter();
    const report = (problems: CliMessage[]) => {
      for (const m of problems) console.error(formatCliMessage(m, lang));
    };
    try {
      if (!title) title = await ask.askValid(sv ? 'Rubrik' : 'Title', undefined, 'title', (a) => (a ? [] : [{ code: 'field.empty' }]), report);
      if (!summary) {
        summary = await ask.askValid(sv ? `Sammanfattning (högst ${SUMMARY_MAX} tecken)` : `Summary (at most ${SUMMARY_MAX} characters)`, undefined, 'summary', (a) => (a ? tooLong(a, SUMMARY_MAX) : [{ code: 'field.empty' }]), report);
      }
      if (severity === undefined || badSeverity(severity).length) {
        severity = await ask.askValid(`${sv ? 'Allvarlighetsgrad' : 'Severity'} (${SEVERITIES.join('/')})`, 'info', 'severity', badSeverity, report);
      }
      if (!audience.length || badAudience(audience).length) {
        const answer = await ask.askValid(sv ? 'Målgrupp (public, staff eller public,staff)' : 'Audience (public, staff or public,staff)', 'public', 'audience', (a) => badAudience(splitList([a])), report);
        audience = splitList([answer]);
      }
      if (!serviceFlags.length || badServices(serviceFlags, ctx).length) {
        const ids = ctx.content.services.map((s) => s.id).join(', ');
        const question = sv
          ? `Tjänster som påverkas, som id=status med komma emellan (${ids}; status: ${STATUSES.join(', ')}); tomt för inga`
          : `Services affected, as id=status separated by commas (${ids}; status: ${STATUSES.join(', ')}); empty for none`;
        const answer = await ask.askValid(question, '', 'service', (a) => badServices(splitList([a]), ctx), report);
        serviceFlags = splitList([answer]);
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
  const option = (list: CliMessage[], name: string) => list.map((m) => ({ ...m, option: name }));
  problems.push(...option(tooLong(summary ?? '', SUMMARY_MAX), '--summary'), ...option(tooLong(stringOpt(args, 'sms') ?? '', SMS_MAX), '--sms'));
  if (severity !== undefined) problems.push(...option(badSeverity(severity), '--severity'));
  problems.push(...option(badAudience(audience), '--audience'));
  let services = {};
  try {
    services = parseServiceFlags(serviceFlags, ctx);
  } catch (e) {
    if (e instanceof CliError) problems.push(...option(e.messages as CliMessage[], '--service'));
    else throw e;
  }
  const nextUpdateFlag = stringOpt(args, 'next-update')?.trim();
  let nextUpdate: string | undefined;
  if (nextUpdateFlag) {
    try {
      nextUpdate = toLocalMinute(parseDateFlag(nextUpdateFlag, ctx), ctx.site.timezone);
    } catch (e) {
      if (e instanceof CliError) problems.push(...option(e.messages as CliMessage[], '--next-update'));
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
      // Always a draft: the template's headings are empty until the officer answers them.
      draft: true,
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
      ? `Skapade ${shown} som utkast (draft: true): det publiceras inte än.\n\nSå här går du vidare:\n  1. Öppna filen och skriv svaren under rubrikerna, i stället för hjälptexten.\n  2. Ta bort raden draft: true när texten är klar.\n  3. Kör npm run check: den säger vilka rubriker som fortfarande är tomma.\n  4. Kör npm run dev för att se meddelandet i webbläsaren, och npm run build för att publicera.`
      : `Created ${shown} as a draft (draft: true): it is not published yet.\n\nNext steps:\n  1. Open the file and write the answers under the headings, instead of the guidance.\n  2. Remove the line draft: true when the text is ready.\n  3. Run npm run check: it says which headings are still empty.\n  4. Run npm run dev to see the bulletin in the browser, and npm run build to publish.`,
  );
  return EXIT_OK;
}

/** `--audience public,staff --audience x` and typed answers alike: one list, no blanks. */
function splitList(values: string[]): string[] {
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

function tooLong(text: string, max: number): CliMessage[] {
  const length = [...text].length;
  return length > max ? [{ code: 'text.too-long', params: { length, max, over: length - max } }] : [];
}

function badSeverity(value: string): CliMessage[] {
  return (SEVERITIES as readonly string[]).includes(value) ? [] : [{ code: 'value.unknown', params: { value, allowed: SEVERITIES.join(', ') } }];
}

function badAudience(values: string[]): CliMessage[] {
  return values.filter((a) => !(AUDIENCES as readonly string[]).includes(a)).map((value) => ({ code: 'value.unknown', params: { value, allowed: AUDIENCES.join(', ') } }));
}

function badServices(flags: string[], ctx: ToolContext): CliMessage[] {
  try {
    parseServiceFlags(flags, ctx);
    return [];
  } catch (e) {
    if (e instanceof CliError) return e.messages as CliMessage[];
    throw e;
  }
}

await runTool(main, () => lang);
