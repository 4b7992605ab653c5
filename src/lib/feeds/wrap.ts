// Line wrapping for the plain-text edition: lines of at most `width` characters so the text pastes
// into an e-mail, an SMS tool or a radio script without the receiving end breaking lines mid-word.
// Words longer than a line (URLs) stay whole on a line of their own. List items keep a hanging indent.

export const TEXT_WIDTH = 72;

const SURROGATE = /[\uD800-\uDFFF]/;

/** Length in characters as a reader counts them (code points: `ä` or an emoji is one). */
function charCount(s: string): number {
  // Without a surrogate pair every UTF-16 unit is a code point: most words, counted without a loop.
  if (!SURROGATE.test(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function wrapLine(line: string, width: number): string[] {
  const marker = /^(\s*(?:[-*]|\d+[.)])\s+)/.exec(line)?.[1] ?? /^(\s*)/.exec(line)![1]!;
  const indent = ' '.repeat(marker.length);
  const words = line.slice(marker.length).split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let current = marker;
  let length = charCount(marker);
  let empty = true;
  for (const word of words) {
    const wordLength = charCount(word);
    if (!empty && length + 1 + wordLength > width) {
      out.push(current);
      current = indent + word;
      length = indent.length + wordLength;
    } else {
      current = empty ? current + word : `${current} ${word}`;
      length += empty ? wordLength : 1 + wordLength;
    }
    empty = false;
  }
  out.push(current.trimEnd());
  return out;
}

export function wrapText(text: string, width = TEXT_WIDTH): string {
  return text
    .split('\n')
    .flatMap((line) => (line.trim() === '' ? [''] : wrapLine(line.trimEnd(), width)))
    .join('\n');
}
