// An unfilled template must not be published: `npm run new` writes five headings with a line of
// guidance under each, and a bulletin built straight after it would go out with five empty
// headings. This finds, in a bulletin's Markdown, every heading with no answer under it (nothing,
// or only the template's guidance) and every guidance line left in beside an answer.
import MarkdownIt from 'markdown-it';
import { BODY_GUIDANCE } from './templates.ts';
import type { Problem } from './problems.ts';

// Only the block structure matters here: headings, paragraphs, lists, and which lines they are on.
// Inline parsing (links, emphasis) is switched off: a heading's text is its source either way, and
// at 1,000 bulletins it cost 0.1 s of every build.
const md = new MarkdownIt('commonmark', { html: false });
md.core.ruler.disable(['inline', 'text_join']);

const normalize = (s: string) => s.replace(/[_*]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
const GUIDANCE = new Set(Object.values(BODY_GUIDANCE).flat().map(normalize));

export function isGuidance(text: string): boolean {
  return GUIDANCE.has(normalize(text));
}

interface Section {
  heading: string;
  level: number;
  /** 0-based line of the heading in the Markdown. */
  line: number;
  /** Texts of the blocks under it, before the next heading; a sub-heading counts as content. */
  blocks: { text: string; line: number }[];
}

function sections(source: string): Section[] {
  const tokens = md.parse(source, {});
  const lines = source.split('\n');
  const out: Section[] = [];
  const open: Section[] = [];
  tokens.forEach((t, i) => {
    if (t.type === 'heading_open') {
      const level = Number(t.tag.slice(1));
      while (open.length && open.at(-1)!.level >= level) open.pop();
      for (const s of open) s.blocks.push({ text: '#', line: t.map?.[0] ?? 0 });
      const section = { heading: tokens[i + 1]?.content ?? '', level, line: t.map?.[0] ?? 0, blocks: [] };
      out.push(section);
      open.push(section);
    } else if (open.length && t.level === 0 && t.map && !t.type.startsWith('heading') && !t.type.endsWith('_close')) {
      // A top-level block: its source lines are what the officer wrote under the heading.
      const text = lines.slice(t.map[0], t.map[1]).join(' ');
      for (const s of open) s.blocks.push({ text, line: t.map[0] });
    }
  });
  return out;
}

/**
 * Problems of an unfilled template in `body` (which starts on line `bodyLine` of `file`): each
 * heading without an answer, and each guidance line left beside an answer.
 */
export function unfilledTemplate(source: { file: string; body: string; bodyLine: number }): Problem[] {
  const problems: Problem[] = [];
  const at = (line: number) => source.bodyLine + line;
  const emptyHeadings = new Set<number>();
  for (const s of sections(source.body)) {
    if (s.blocks.every((b) => isGuidance(b.text))) {
      emptyHeadings.add(s.line);
      problems.push({ level: 'error', file: source.file, field: 'body', line: at(s.line), code: 'body.heading-empty', params: { value: s.heading } });
    }
  }
  // Guidance beside an answer would be published as it stands; under an empty heading it is already said.
  let heading = -1;
  source.body.split('\n').forEach((l, i) => {
    if (/^#{1,6}\s/.test(l)) heading = i;
    else if (l.trim() && isGuidance(l) && !emptyHeadings.has(heading)) {
      const value = l.trim().replace(/^[_*]+|[_*]+$/g, '');
      problems.push({ level: 'error', file: source.file, field: 'body', line: at(i), code: 'body.template-guidance', params: { value } });
    }
  });
  return problems;
}
