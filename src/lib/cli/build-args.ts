// The options of `npm run build`, read like every other tool's (args.ts): an option it does not
// know, such as the typo `--allow-earlier`, stops it with exit 2 before anything is built, instead
// of being ignored by a full build into dist/.
import path from 'node:path';
import { flagOpt, readArgs, stringOpt } from './args.ts';
import { CliError } from './output.ts';
import type { MessageLang } from '../content/messages.ts';

export interface BuildOptions {
  /** The output folder, absolute: --out, else KRISINFO_OUT, else dist/. */
  out: string;
  quiet: boolean;
  /** --now as given; undefined leaves the time to KRISINFO_NOW or the computer's clock. */
  now?: string;
  allowEarlier: boolean;
  lang?: string;
  help: boolean;
}

export function readBuildArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): BuildOptions {
  const args = readArgs(
    argv,
    {
      out: { type: 'string' },
      now: { type: 'string' },
      'allow-earlier-time': { type: 'boolean' },
      lang: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    'build',
  );
  // `npm run build dist` would otherwise build into dist/ whatever the word was meant to say.
  const [stray] = args.positionals;
  if (stray !== undefined) throw new CliError({ code: 'cli.unknown-option', params: { value: stray, command: 'build' } });
  return {
    out: path.resolve(stringOpt(args, 'out') ?? env.KRISINFO_OUT ?? 'dist'),
    quiet: flagOpt(args, 'quiet'),
    now: stringOpt(args, 'now'),
    allowEarlier: flagOpt(args, 'allow-earlier-time'),
    lang: stringOpt(args, 'lang'),
    help: flagOpt(args, 'help'),
  };
}

const HELP_SV = `Användning: npm run build -- [--out MAPP] [--now TID] [--allow-earlier-time] [--lang sv|en] [--quiet]

Kontrollerar content/ och bygger webbplatsen. Den nya webbplatsen ersätter den förra först när
allt har lyckats; stoppas bygget är den förra oförändrad.
  --out MAPP             byggets mapp (standard dist/, eller KRISINFO_OUT)
  --now TID              tiden bygget räknar från, t.ex. 2022-01-21T12:00:00+01:00 (standard: datorns
                         klocka, eller KRISINFO_NOW); bygg då i en egen mapp med --out
  --allow-earlier-time   bygg även om tiden ligger före förra bygget i samma mapp (när förra
                         byggets klocka gick före)
  --lang sv|en           språk för meddelanden (standard sv, eller en om webbplatsens huvudspråk inte
                         är svenska)
  --quiet                skriv inte "Klart" och varningarna (för skript)`;

const HELP_EN = `Usage: npm run build -- [--out FOLDER] [--now TIME] [--allow-earlier-time] [--lang sv|en] [--quiet]

Checks content/ and builds the site. The new site replaces the previous one only when everything
has succeeded; if the build stops, the previous one is unchanged.
  --out FOLDER           the output folder (default dist/, or KRISINFO_OUT)
  --now TIME             the time the build counts from, e.g. 2022-01-21T12:00:00+01:00 (default: the
                         computer's clock, or KRISINFO_NOW); build into a folder of its own with --out
  --allow-earlier-time   build even if the time lies before the previous build in the same folder
                         (when the previous build's clock was ahead)
  --lang sv|en           language of the messages (default sv, or en if the site's main language is
                         not Swedish)
  --quiet                print neither "Done" nor the warnings (for scripts)`;

export function buildHelp(lang: MessageLang): string {
  return lang === 'en' ? HELP_EN : HELP_SV;
}
