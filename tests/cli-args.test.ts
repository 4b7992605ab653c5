// How every tool reads its options (src/lib/cli/args.ts): a mistake names the option and says what
// is wrong with it, so that `--out` with its folder forgotten is not called an unknown option.
import { describe, expect, it } from 'vitest';
import { readArgs } from '../src/lib/cli/args.ts';
import { CliError } from '../src/lib/cli/output.ts';

const OPTIONS = { out: { type: 'string' }, quiet: { type: 'boolean' } } as const;

function refusal(argv: string[]): unknown {
  try {
    readArgs(argv, OPTIONS, 'build');
  } catch (e) {
    return e instanceof CliError ? e.messages : e;
  }
  return 'accepted';
}

describe('readArgs', () => {
  it.each([
    [['--ut', 'dist'], 'cli.unknown-option', '--ut'],
    [['--out'], 'cli.option-needs-value', '--out'],
    [['--out', '--quiet'], 'cli.option-needs-value', '--out'],
    [['--quiet=ja'], 'cli.option-takes-no-value', '--quiet'],
  ])('%j: %s naming %s', (argv, code, value) => {
    expect(refusal(argv)).toEqual([{ code, params: { value, command: 'build' } }]);
  });

  it('reads what is right', () => {
    expect(readArgs(['--out', 'ut', '--quiet', 'x'], OPTIONS, 'build')).toEqual({ values: { out: 'ut', quiet: true }, positionals: ['x'] });
  });
});
