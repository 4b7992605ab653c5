// `npm run check`: reads all of content/ and reports every problem at once, grouped by file, with
// line numbers and what to do. Exit 1 on errors (the build would stop), 0 on warnings alone
// unless --strict. `--json` prints the problems for other tools and tests.
import path from 'node:path';
import { flagOpt, langFlag, readArgs, stringOpt } from '../src/lib/cli/args.ts';
import { contentDirFrom, nowFrom } from '../src/lib/cli/content-context.ts';
import { fileLocator } from '../src/lib/cli/locate.ts';
import { messageListMarkdown } from '../src/lib/cli/message-list.ts';
import { EXIT_CONTENT, EXIT_OK, messageLang, runTool } from '../src/lib/cli/output.ts';
import { loadContent } from '../src/lib/content/load-content.ts';
import { messageFor, type MessageLang } from '../src/lib/content/messages.ts';
import { formatReport, sortProblems } from '../src/lib/content/problems.ts';
import { findWarnings } from '../src/lib/site/warnings.ts';
import { imageWarnings } from '../src/lib/images/images.ts';
import { imageProblems } from '../src/lib/images/image-check.ts';

const HELP_SV = `npm run check -- [--strict] [--json] [--lang sv|en] [--content DIR] [--now ISO]

Kontrollerar allt i content/ och visar alla fel och varningar på en gång.
  --strict   varningar räknas som fel (avslutar med kod 1)
  --json     skriv problemen som JSON
  --messages skriv listan över alla meddelanden (Markdown, för docs/officer.md)
  --editor   en rad per problem, fil:rad:kolumn: error|warning: text (för VS Code-uppgiften)
  --lang     sv eller en (standard: sv, eller en om webbplatsens huvudspråk inte är svenska)
  --content  innehållsmappen (standard: KRISINFO_CONTENT eller ./content)
  --now      tidpunkten varningar räknas från (standard: nu)`;

const HELP_EN = `npm run check -- [--strict] [--json] [--lang sv|en] [--content DIR] [--now ISO]

Checks everything in content/ and shows every error and warning at once.
  --strict   warnings count as errors (exit code 1)
  --json     print the problems as JSON
  --messages print the list of every message (Markdown, for docs/officer.en.md with --lang en)
  --editor   one line per problem, file:line:column: error|warning: text (for the VS Code task)
  --lang     sv or en (default: sv, or en if the site's main language is not Swedish)
  --content  the content folder (default: KRISINFO_CONTENT or ./content)
  --now      the moment warnings are counted from (default: now)`;

let lang: MessageLang = 'sv';

async function main(): Promise<number> {
  lang = messageLang(langFlag(process.argv.slice(2)), undefined);
  const args = readArgs(
    process.argv.slice(2),
    {
      strict: { type: 'boolean' },
      json: { type: 'boolean' },
      editor: { type: 'boolean' },
      messages: { type: 'boolean' },
      lang: { type: 'string' },
      content: { type: 'string' },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'check',
  );
  lang = messageLang(stringOpt(args, 'lang'), undefined);
  if (flagOpt(args, 'help')) {
    console.log(lang === 'en' ? HELP_EN : HELP_SV);
    return EXIT_OK;
  }
  if (flagOpt(args, 'messages')) {
    console.log(messageListMarkdown(lang));
    return EXIT_OK;
  }
  const now = nowFrom(stringOpt(args, 'now'));
  const dir = contentDirFrom(stringOpt(args, 'content'));
  const started = performance.now();
  const content = loadContent(dir);
  const problems = sortProblems([...content.problems, ...findWarnings(content, now, fileLocator(dir)), ...imageWarnings(content), ...(await imageProblems(content))]);
  const ms = performance.now() - started;
  lang = messageLang(stringOpt(args, 'lang'), content.site?.languages[0]);

  const errors = problems.filter((p) => p.level === 'error').length;
  const warnings = problems.length - errors;
  const failed = errors > 0 || (flagOpt(args, 'strict') && warnings > 0);
  const label = path.relative(process.cwd(), dir) || '.';

  if (flagOpt(args, 'json')) {
    const list = problems.map((p) => ({ ...p, ...messageFor(p, lang) }));
    console.log(JSON.stringify({ ok: !failed, errors, warnings, problems: list }, null, 2));
  } else if (flagOpt(args, 'editor')) {
    for (const p of problems) {
      const m = messageFor(p, lang);
      const field = p.field ? `${p.field}: ` : '';
      console.log(`${label}/${p.file}:${p.line ?? 1}:1: ${p.level}: ${field}${m.text}${m.fix ? ` → ${m.fix}` : ''}`.replace(/\n/g, ' '));
    }
  } else if (problems.length === 0) {
    console.log(lang === 'sv' ? `Inga fel eller varningar i ${label}/ (${ms.toFixed(0)} ms).` : `No errors or warnings in ${label}/ (${ms.toFixed(0)} ms).`);
  } else {
    console.log(formatReport(problems, lang, label));
    if (!failed && warnings) console.log(lang === 'sv' ? 'Varningarna stoppar inte bygget.' : 'Warnings do not stop the build.');
    if (failed && !errors) console.log(lang === 'sv' ? '--strict: varningarna räknas som fel.' : '--strict: warnings count as errors.');
  }
  return failed ? EXIT_CONTENT : EXIT_OK;
}

await runTool(main, () => lang);
