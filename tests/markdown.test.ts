// The one Markdown renderer: bulletins are never trusted to carry markup or script.
import { describe, expect, it } from 'vitest';
import { findImages, markdownToPlainText, renderMarkdown } from '../src/lib/model/markdown.ts';

describe('renderMarkdown', () => {
  it('escapes raw HTML instead of passing it through', () => {
    const html = renderMarkdown('Hej <script>alert(1)</script> <img src=x onerror=alert(2)>');
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'vbscript:x', 'data:text/html,<b>x</b>', 'file:///etc/passwd'])(
    'never makes a link of %s',
    (href) => {
      const html = renderMarkdown(`[klicka](${href})`);
      expect(html).not.toMatch(/href="(javascript|vbscript|data|file):/i);
    },
  );

  it('keeps ordinary links and makes relative ones absolute when asked', () => {
    expect(renderMarkdown('[k](https://example.org/a)')).toContain('href="https://example.org/a"');
    expect(renderMarkdown('[k](../kontakt/)', { absoluteBase: 'https://x.example/sv/bulletiner/a/' })).toContain(
      'href="https://x.example/sv/bulletiner/kontakt/"',
    );
  });

  it.each([
    ['# A\n\n## B', '<h2>A</h2>\n<h3>B</h3>\n'],
    ['## A\n\n### B', '<h2>A</h2>\n<h3>B</h3>\n'],
    ['### A\n\n## B', '<h3>A</h3>\n<h2>B</h2>\n'],
  ])('starts bulletin headings at h2 without skipping a level: %j', (source, html) => {
    expect(renderMarkdown(source)).toBe(html);
  });

  it('starts headings lower where the text sits under a heading of its own (headingBase)', () => {
    expect(renderMarkdown('## A\n\n### B', { headingBase: 4 })).toBe('<h4>A</h4>\n<h5>B</h5>\n');
    expect(renderMarkdown('# A', { headingBase: 3 })).toBe('<h3>A</h3>\n');
  });

  it('renders one text several ways, each as if it were the only render (the parse is shared)', () => {
    // A page, a feed and the offline edition render the same bulletin in turn; a render must not
    // leave its base or heading level in the text for the next one.
    const source = `## Vad har hänt?\n\nSe [kontakt](../kontakt/) och ![karta](karta.png).\n\n### Mer`;
    const feed = renderMarkdown(source, { absoluteBase: 'https://x.example/sv/a/', lazyImages: false });
    const offline = renderMarkdown(source, { absoluteBase: 'https://x.example/sv/a/', headingBase: 4 });
    const page = renderMarkdown(source);
    expect(feed).toContain('href="https://x.example/sv/kontakt/"');
    expect(feed).toContain('src="https://x.example/sv/a/karta.png"');
    expect(offline).toMatch(/^<h4>Vad har hänt\?<\/h4>[\s\S]*<h5>Mer<\/h5>\n$/);
    expect(page).toBe(
      '<h2>Vad har hänt?</h2>\n<p>Se <a href="../kontakt/">kontakt</a> och <img src="karta.png" alt="karta" loading="lazy" decoding="async">.</p>\n<h3>Mer</h3>\n',
    );
    expect(renderMarkdown(source, { absoluteBase: 'https://x.example/sv/a/', lazyImages: false })).toBe(feed);
    expect(markdownToPlainText(source)).toBe('Vad har hänt?\nSe kontakt och karta.\nMer');
    expect(findImages(source)).toEqual([{ src: 'karta.png', alt: 'karta', line: 2 }]);
  });

  it('renders a text past the budget of kept parses (a million characters) as it renders any other', () => {
    const long = `# Rubrik\n\n${'ord '.repeat(250_001).trim()} 0923-650 00`;
    expect(long.length).toBeGreaterThan(1_000_000);
    const page = renderMarkdown(long);
    expect(page.startsWith('<h2>Rubrik</h2>\n<p>ord ord')).toBe(true);
    expect(page).toContain('<a href="tel:092365000">0923-650 00</a>');
    expect(renderMarkdown(long, { headingBase: 4 }).startsWith('<h4>Rubrik</h4>')).toBe(true);
    expect(markdownToPlainText(long).endsWith('ord 0923-650 00')).toBe(true);
  });

  it('renders images with alt, size and lazy loading through the resolver', () => {
    const html = renderMarkdown('![Karta](images/k.png)', {
      resolveImage: () => ({ src: '/media/bulletins/images/k.png', width: 640, height: 400 }),
      absoluteBase: 'https://x.example/',
    });
    expect(html).toContain('src="https://x.example/media/bulletins/images/k.png"');
    expect(html).toMatch(/alt="Karta".*width="640" height="400" loading="lazy" decoding="async"/);
  });
});

describe('findImages and plain text', () => {
  it('finds every image with its alt text and line', () => {
    expect(findImages('Text\n\n![Ett](a.png)\n\n- ![](b.jpg)')).toEqual([
      { src: 'a.png', alt: 'Ett', line: 2 },
      { src: 'b.jpg', alt: '', line: 4 },
    ]);
  });

  it('turns Markdown into plain text without markup', () => {
    expect(markdownToPlainText('## Rubrik\n\nEn **fet** [länk](https://x.example).\n\n- ett\n- två')).toBe(
      'Rubrik\nEn fet länk.\n- ett\n- två',
    );
  });
});
