// HTML written by plain functions instead of nested .astro components, for the parts a page
// repeats hundreds of times (a bulletin's page, a line of the list of all bulletins): Astro's
// component machinery costs about a millisecond per component there, a template literal next to
// nothing (docs/performance.md, fourth round). The output is byte for byte what the components
// wrote, because values are escaped and attributes written by Astro's own rules (below); the
// render-equivalence test and the build tests compare it.

/** HTML that is already safe to insert: made by `html` or `attr`, or rendered Markdown. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Marks a string that is HTML already (rendered Markdown, an image's <picture>). */
export const raw = (value: string): Html => new Html(value);

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/** Text escaped as Astro escapes `{text}` in a template (html-escaper's five characters). */
export function escapeText(text: string): string {
  return text.replace(/[&<>'"]/g, (c) => ENTITIES[c]!);
}

/** What a `${value}` in `html` writes: like `{value}` in Astro (nothing for false, null or undefined). */
function part(value: unknown): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(part).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeText(String(value));
}

/** A template literal whose values are escaped unless they are Html: `html\`<p>${text}</p>\``. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += part(values[i]) + strings[i + 1]!;
  return new Html(out);
}

const BOOLEAN_ATTRIBUTES = new Set(['reversed', 'open', 'hidden', 'defer', 'async', 'disabled', 'checked', 'selected']);

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * ` name="value"`, written as Astro writes `name={value}`: nothing for undefined or null, the bare
 * name for '' (and for a true boolean attribute), `&` and `"` as numeric references, except in an
 * http(s) URL with `&`, which Astro leaves as it is.
 */
export function attr(name: string, value: string | number | boolean | undefined | null): Html {
  if (value === undefined || value === null) return new Html('');
  if (BOOLEAN_ATTRIBUTES.has(name)) return new Html(value ? ` ${name}` : '');
  const text = String(value);
  if (text.includes('&') && isHttpUrl(text)) return new Html(` ${name}="${text}"`);
  if (text === '') return new Html(` ${name}`);
  return new Html(` ${name}="${text.replace(/&/g, '&#38;').replace(/"/g, '&#34;')}"`);
}
