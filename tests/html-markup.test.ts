// The page parts written as plain functions (src/lib/html/) must write what the .astro components
// wrote: values escaped and attributes written by Astro's own rules. Compared here with Astro's own
// runtime functions, so an Astro update that changes them fails this test, not a citizen's page.
import { addAttribute, escapeHTML } from 'astro/runtime/server/index.js';
import { describe, expect, it } from 'vitest';
import { statusLabelHtml } from '../src/lib/html/labels.ts';
import { attr, escapeText, html, raw } from '../src/lib/html/markup.ts';

const TEXTS = ['plain', 'Tom & Jerry', '<script>alert(1)</script>', `"quoted" and 'single'`, 'åäö – ✕', '', '&amp;'];
const ATTRIBUTE_VALUES: (string | number | undefined | null)[] = [
  ...TEXTS,
  'https://example.org/?a=1&b=2',
  'http://example.org/"x"&y',
  'mailto:a@b.se?subject=a&b',
  '/bulletiner/a&b/',
  800,
  0,
  undefined,
  null,
];

describe('html/markup: written as Astro writes a template', () => {
  it('escapes text as Astro escapes {text}', () => {
    for (const text of TEXTS) expect(escapeText(text), text).toBe(String(escapeHTML(text)));
  });

  it('writes attributes as Astro writes name={value}', () => {
    for (const name of ['href', 'lang', 'class', 'datetime', 'width']) {
      for (const value of ATTRIBUTE_VALUES) expect(attr(name, value).value, `${name}=${String(value)}`).toBe(String(addAttribute(value, name)));
    }
    for (const value of [true, false]) expect(attr('reversed', value).value).toBe(String(addAttribute(value, 'reversed')));
  });

  it('escapes interpolated text but not Html, and writes nothing for false, null and undefined', () => {
    const name = '<b>Skola & förskola</b>';
    expect(html`<p>${name}</p>`.value).toBe('<p>&lt;b&gt;Skola &amp; förskola&lt;/b&gt;</p>');
    expect(html`<p>${raw('<em>ok</em>')}${false}${null}${undefined}${0}</p>`.value).toBe('<p><em>ok</em>0</p>');
    expect(html`<ul>${['a<', 'b'].map((x) => html`<li>${x}</li>`)}</ul>`.value).toBe('<ul><li>a&lt;</li><li>b</li></ul>');
  });

  it('a service status says its state in words beside the shape', () => {
    expect(statusLabelHtml('down', 'sv').value).toBe('<span class="status status-down"><span class="mark" aria-hidden="true">✕</span> Fungerar inte</span>');
  });
});
