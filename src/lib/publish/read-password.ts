// Passwords for the signing key: typed at a terminal without echo, or read line by line from
// standard input when it is not a terminal (scripts, CI: `printf 'pw\npw\n' | npm run keygen`).
import { stdin, stderr } from 'node:process';

async function allStdinLines(): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/);
}

function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    stderr.write(prompt);
    let typed = '';
    stdin.setRawMode(true);
    stdin.resume();
    const onData = (data: Buffer) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          done();
          stderr.write('\n');
          resolve(typed);
          return;
        }
        if (ch === '\u0003') {
          done();
          stderr.write('\n');
          reject(new Error('avbrutet'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += ch;
      }
    };
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
    };
    stdin.on('data', onData);
  });
}

/** One answer per prompt. */
export async function readPasswords(prompts: string[]): Promise<string[]> {
  if (!stdin.isTTY) {
    const lines = await allStdinLines();
    return prompts.map((_, i) => lines[i] ?? '');
  }
  const answers: string[] = [];
  for (const p of prompts) answers.push(await askHidden(p));
  return answers;
}
