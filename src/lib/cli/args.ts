// Command-line arguments for the officer's tools, on top of node:util parseArgs. An unknown option
// or a missing value becomes a CliError with a message in the officer's language, not a stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './output.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export function readArgs(argv: string[], options: OptionSpec, command: string): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (e) {
    const message = String((e as Error).message);
    const option = /'(-{1,2}[^'\s=<]+)/.exec(message)?.[1] ?? message;
    // `--out` with nothing after it is a known option missing its value, not an unknown one.
    if ((e as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const code = /does not take an argument/.test(message) ? 'cli.option-takes-no-value' : 'cli.option-needs-value';
      throw new CliError({ code, params: { value: option, command } });
    }
    throw new CliError({ code: 'cli.unknown-option', params: { value: option, command } });
  }
}

/**
 * `--lang` (or `--ui`, translate's old name for it) read before the options are checked, so that
 * even "unknown option" is said in the language asked for.
 */
export function langFlag(argv: readonly string[]): string | undefined {
  for (let i = argv.length - 1; i >= 0; i--) {
    const a = argv[i]!;
    if (a === '--lang' || a === '--ui') return argv[i + 1];
    const m = /^--(?:lang|ui)=(.*)$/.exec(a);
    if (m) return m[1];
  }
  return undefined;
}

export function stringOpt(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function listOpt(args: ParsedArgs, name: string): string[] {
  const v = args.values[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

export function flagOpt(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}
