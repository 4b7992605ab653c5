// `npm run verify -- URL [--key RW…|--key-file FILE]`: checks that a live site (or a folder) is
// exactly a release signed with the key, for anyone: a journalist, a neighbouring municipality, the
// officer after publishing. One line per file that differs, then the verdict; exit 1 unless genuine.
// The same checks without Node: verify.sh, which ships in every release (docs/publishing.md).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { flagOpt, langFlag, readArgs, stringOpt } from '../src/lib/cli/args.ts';
import { CliError, EXIT_OK, EXIT_USAGE, messageLang, runTool } from '../src/lib/cli/output.ts';
import { shownPath } from '../src/lib/build/fs-errors.ts';
import { publicKeyPath } from '../src/lib/release/key-paths.ts';
import type { MessageLang } from '../src/lib/content/messages.ts';
import { MinisignError, parsePublicKey, type PublicKey } from '../src/lib/release/minisign.ts';
import { contentDir } from '../src/lib/site/content-dir.ts';
import { differenceLines, verdictLine } from '../src/lib/verify/report.ts';
import { sourceFor } from '../src/lib/verify/sources.ts';
import { verifyRelease } from '../src/lib/verify/verify-release.ts';

const HELP_SV = `Användning: npm run verify -- ADRESS|MAPP [--key RW…|--key-file FIL] [--lang sv|en] [--json]

Kontrollerar att webbplatsen på ADRESS (eller en kopia i MAPP) är exakt en release signerad med
nyckeln: signaturen, varje fil i SHA256SUMS, och att inga filer som sidorna länkar till saknas i listan.
  --key RW…        den publika nyckeln, som kommunens officiella kanaler visar den
  --key-file FIL   nyckeln i en fil (standard: content/minisign.pub)
  --lang sv|en     språk för meddelanden
  --json           resultatet som JSON
Avslutar med 0 om allt stämmer, annars 1.`;

const HELP_EN = `Usage: npm run verify -- ADDRESS|FOLDER [--key RW…|--key-file FILE] [--lang sv|en] [--json]

Checks that the site at ADDRESS (or a copy in FOLDER) is exactly a release signed with the key:
the signature, every file in SHA256SUMS, and that no file the pages link to is missing from the list.
  --key RW…        the public key, as the municipality's official channels show it
  --key-file FILE  the key in a file (default: content/minisign.pub)
  --lang sv|en     language of the messages
  --json           the result as JSON
Exits with 0 if everything matches, else 1.`;

let lang: MessageLang = 'sv';

function readKey(inline: string | undefined, file: string | undefined): PublicKey {
  const keyFile = path.resolve(file ?? publicKeyPath(contentDir()));
  const option = inline ? '--key' : '--key-file';
  if (!inline && !existsSync(keyFile)) throw new CliError({ code: 'verify.no-key', params: { value: shownPath(keyFile) }, option });
  try {
    return parsePublicKey(inline ?? readFileSync(keyFile, 'utf8'));
  } catch (e) {
    if (!(e instanceof MinisignError)) throw e;
    // minisign.ts explains in English to developers; the officer is told which key, in their language.
    throw new CliError({ code: 'verify.key', params: { value: inline ? '--key' : shownPath(keyFile) }, option });
  }
}

async function main(): Promise<number> {
  lang = messageLang(langFlag(process.argv.slice(2)), undefined);
  const args = readArgs(
    process.argv.slice(2),
    { key: { type: 'string' }, 'key-file': { type: 'string' }, lang: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    'verify',
  );
  lang = messageLang(stringOpt(args, 'lang'), undefined);
  const [location] = args.positionals;
  if (flagOpt(args, 'help')) {
    console.log(lang === 'en' ? HELP_EN : HELP_SV);
    return EXIT_OK;
  }
  if (!location || args.positionals.length > 1) {
    console.error(lang === 'en' ? HELP_EN : HELP_SV);
    return EXIT_USAGE;
  }
  const key = readKey(stringOpt(args, 'key'), stringOpt(args, 'key-file'));
  const result = await verifyRelease(sourceFor(location), key);
  if (flagOpt(args, 'json')) console.log(JSON.stringify(result, (k, v) => (k === 'sums' ? undefined : v), 2));
  else {
    for (const line of differenceLines(result, lang)) console.log(line);
    console.log(verdictLine(result, lang));
  }
  return result.ok ? EXIT_OK : 1;
}

await runTool(main, () => lang);
