// How the tools talk to the officer: messages from messages.ts in Swedish or English, and the
// exit codes every tool shares (0 done, 1 content has errors, 2 the command itself was wrong).
import { messageFor, type MessageCode, type MessageLang } from '../content/messages.ts';
import { formatProblem, type Problem } from '../content/problems.ts';

export const EXIT_OK = 0;
export const EXIT_CONTENT = 1;
export const EXIT_USAGE = 2;

export interface CliMessage {
  code: MessageCode;
  params?: Record<string, string | number>;
  /** The command-line option the message is about, e.g. `--severity`. */
  option?: string;
}

/** A refusal: nothing was written. Carries one or more messages and the exit code. */
export class CliError extends Error {
  readonly messages: CliMessage[] | Problem[];
  constructor(
    messages: CliMessage | CliMessage[] | Problem[],
    readonly exitCode = EXIT_USAGE,
  ) {
    const list = Array.isArray(messages) ? messages : [messages];
    super(list.map((m) => m.code).join(', '));
    this.messages = list;
    this.name = 'CliError';
  }
}

/** `--lang en`, else English when the site's default language is not Swedish. */
export function messageLang(flag: string | undefined, siteDefault: string | undefined): MessageLang {
  if (flag === 'sv' || flag === 'en') return flag;
  return !siteDefault || siteDefault === 'sv' ? 'sv' : 'en';
}

export function formatCliMessage(m: CliMessage | Problem, lang: MessageLang, contentLabel = 'content'): string {
  if ('level' in m && 'file' in m) return formatProblem(m, lang, contentLabel);
  const msg = messageFor(m, lang);
  return `${lang === 'sv' ? 'FEL' : 'ERROR'}${m.option ? ` ${m.option}:` : ''} ${msg.text}${msg.fix ? `\n    → ${msg.fix}` : ''}`;
}

/** Runs a tool's main function and turns refusals into messages and exit codes. */
export async function runTool(main: () => Promise<number> | number, lang: () => MessageLang): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (e) {
    if (e instanceof CliError) {
      for (const m of e.messages) console.error(formatCliMessage(m, lang()));
      process.exitCode = e.exitCode;
    } else throw e;
  }
}
