// Questions on the terminal, for answers not given as flags. Only when a person is there:
// with stdin not a terminal (a script, a test) the tool refuses instead of hanging.
import { createInterface, type Interface } from 'node:readline';
import { CliError, type CliMessage } from './output.ts';

export function canAsk(): boolean {
  return Boolean(process.stdin.isTTY);
}

export class Prompter {
  private rl: Interface | undefined;
  // Lines are read through the iterator, which buffers them: answers pasted in one go (or typed
  // ahead) are kept for the next questions instead of being lost between them.
  private lines: AsyncIterator<string> | undefined;
  /** The terminal closed (Ctrl+D, or the end of piped answers): asking again gets nothing new. */
  closed = false;

  /** @param field the flag that gives the answer instead, named if the terminal closes first. */
  async ask(question: string, fallback?: string, field = 'svar'): Promise<string> {
    if (!this.rl) {
      this.rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
      this.lines = this.rl[Symbol.asyncIterator]();
    }
    process.stderr.write(`${question}${fallback ? ` [${fallback}]` : ''}: `);
    const next = await this.lines!.next();
    if (next.done) this.closed = true;
    const answer = next.done ? '' : next.value.trim();
    // The terminal was closed (Ctrl+D) before an answer: stop with a message, not a loop.
    if (next.done && !fallback) throw new CliError({ code: 'cli.missing-answer', params: { value: field } });
    return answer || fallback || '';
  }

  /**
   * Asks until `check` finds nothing wrong with the answer, showing what it found each time: one
   * typo costs one question, not every answer given so far. If the terminal closes, the last
   * answer's problems end the command.
   */
  async askValid(question: string, fallback: string | undefined, field: string, check: (answer: string) => CliMessage[], report: (problems: CliMessage[]) => void): Promise<string> {
    for (;;) {
      const answer = await this.ask(question, fallback, field);
      const problems = check(answer);
      if (!problems.length) return answer;
      report(problems);
      if (this.closed) throw new CliError(problems);
    }
  }

  close(): void {
    this.rl?.close();
  }
}
