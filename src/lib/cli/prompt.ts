// Questions on the terminal, for answers not given as flags. Only when a person is there:
// with stdin not a terminal (a script, a test) the tool refuses instead of hanging.
import { createInterface, type Interface } from 'node:readline/promises';

export function canAsk(): boolean {
  return Boolean(process.stdin.isTTY);
}

export class Prompter {
  private rl: Interface | undefined;

  async ask(question: string, fallback?: string): Promise<string> {
    this.rl ??= createInterface({ input: process.stdin, output: process.stderr });
    const hint = fallback ? ` [${fallback}]` : '';
    const answer = (await this.rl.question(`${question}${hint}: `)).trim();
    return answer || fallback || '';
  }

  /** Asks until the answer is one of `allowed`. */
  async choose(question: string, allowed: readonly string[], fallback: string): Promise<string> {
    for (;;) {
      const answer = await this.ask(`${question} (${allowed.join('/')})`, fallback);
      if (allowed.includes(answer)) return answer;
    }
  }

  close(): void {
    this.rl?.close();
  }
}
