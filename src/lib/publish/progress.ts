// One progress line per target while `publish` uploads to all of them at once. In a terminal the
// lines are redrawn in place; in a log (CI, a test, `> file`) each step is printed once, as it starts.
import type { MessageLang } from '../content/messages.ts';
import type { UploadProgress } from './upload.ts';

const STEP_WORDS = {
  sv: { listing: 'jämför med det som finns där', assets: 'resurser', pages: 'sidor', signature: 'signatur', remove: 'tar bort', finishing: 'git push', waiting: 'väntar på att Pages bygger' },
  en: { listing: 'comparing with what is there', assets: 'assets', pages: 'pages', signature: 'signature', remove: 'removing', finishing: 'git push', waiting: 'waiting for Pages to build' },
} satisfies Record<MessageLang, Record<string, string>>;

export function stepText(p: UploadProgress | { step: 'waiting' }, lang: MessageLang): string {
  const word = STEP_WORDS[lang][p.step];
  return 'total' in p && p.total > 0 ? `${word} ${p.done}/${p.total}` : `${word}…`;
}

export class ProgressBoard {
  private readonly lines: Map<string, string>;
  private readonly width: number;
  private drawn = false;

  constructor(
    names: string[],
    private readonly out: NodeJS.WriteStream,
    private readonly live = Boolean(out.isTTY),
  ) {
    this.width = Math.max(...names.map((n) => n.length));
    this.lines = new Map(names.map((n) => [n, '']));
  }

  /** `milestone`: a new step or the end, which a log gets too; the counts in between only a terminal. */
  set(name: string, text: string, milestone: boolean): void {
    this.lines.set(name, text);
    if (this.live) this.redraw();
    else if (milestone) this.out.write(`${name.padEnd(this.width)}  ${text}\n`);
  }

  private redraw(): void {
    if (this.drawn) this.out.write(`\x1b[${this.lines.size}A`);
    for (const [name, text] of this.lines) this.out.write(`\x1b[2K${name.padEnd(this.width)}  ${text}\n`);
    this.drawn = true;
  }
}

/** Columns padded to their widest cell, two spaces apart. */
export function formatTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat(widths[i]! - [...cell].length))).join('  ')).join('\n');
}
