// Phone numbers in bulletin text become tel: links: every format the sample content uses and the
// common Swedish and international forms, and never a date, a time, a year, a postcode, an amount
// or a case number. Then the sample content itself: every number written in a body is tappable.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../src/lib/model/markdown.ts';
import { findPhoneNumbers, telHref } from '../src/lib/model/phone.ts';
import { ROOT } from './helpers/build.ts';

/** The tel: links of the rendered Markdown, as [href, text]. */
const telLinks = (markdown: string) => [...renderMarkdown(markdown).matchAll(/<a href="(tel:[^"]*)">([^<]*)<\/a>/g)].map((m) => [m[1], m[2]]);

describe('phone numbers that become links', () => {
  it.each([
    // As the sample content writes them (content/bulletins, content/pages, src/default-pages).
    ['Ring den tillfälliga växeln, 0923-650 00.', '0923-650 00', 'tel:092365000'],
    ['Ring **0923-650 00** vardagar 8–16.', '0923-650 00', 'tel:092365000'],
    ['- Home care, on call: 0923-650 10, around the clock.', '0923-650 10', 'tel:092365010'],
    ['- Vid fara för liv: ring 112. Allmän information om kriser: 113 13.', '112', 'tel:112'],
    ['- Vid fara för liv: ring 112. Allmän information om kriser: 113 13.', '113 13', 'tel:11313'],
    ['- Sjukvårdsrådgivning: 1177.', '1177', 'tel:1177'],
    ['- If a life is in danger: call 112.', '112', 'tel:112'],
    ['Hätätilanteessa soita 112.', '112', 'tel:112'],
    ['Ko henki, omaisuus eli luonto oon vaarassa: soita aina 112.', '112', 'tel:112'],
    ['Kvällar och helger: ring 112 om det är akut, annars växeln nästa vardag.', '112', 'tel:112'],
    ['If you are ill and want advice: call 1177.', '1177', 'tel:1177'],
    // Other Swedish forms.
    ['Ring 08-123 456 78.', '08-123 456 78', 'tel:0812345678'],
    ['Mobil 070-123 45 67', '070-123 45 67', 'tel:0701234567'],
    ['Växeln 0923 650 00', '0923 650 00', 'tel:092365000'],
    ['Växeln 0923-65000', '0923-65000', 'tel:092365000'],
    ['Växeln 092365000', '092365000', 'tel:092365000'],
    ['Frisamtal 020-12 34 56.', '020-12 34 56', 'tel:020123456'],
    ['Tel:0923-650 00', '0923-650 00', 'tel:092365000'],
    ['Ring 0923–650 00 (tankstreck från ordbehandlaren).', '0923–650 00', 'tel:092365000'],
    ['Ring 0923-650 00 15 januari.', '0923-650 00', 'tel:092365000'],
    ['Polisen, ej akut: ring 114 14.', '114 14', 'tel:11414'],
    // International.
    ['Från utlandet: +46 923 650 00.', '+46 923 650 00', 'tel:+4692365000'],
    ['From abroad: +46 (0)923-650 00', '+46 (0)923-650 00', 'tel:+4692365000'],
    ['Suomesta: +358 40 123 4567', '+358 40 123 4567', 'tel:+358401234567'],
    ['Abroad: 0046 923 650 00', '0046 923 650 00', 'tel:004692365000'],
  ])('%j links %j as %s', (markdown, text, href) => {
    expect(telLinks(markdown)).toContainEqual([href, text]);
  });

  it('leaves a number that is already a link alone', () => {
    expect(telLinks('[ring oss](tel:092365000) eller [0923-650 10](tel:092365010)')).toEqual([
      ['tel:092365000', 'ring oss'],
      ['tel:092365010', '0923-650 10'],
    ]);
  });
});

describe('numbers that are not phone numbers stay text', () => {
  it.each([
    ['a date', 'Publicerad 2022-01-20, ändrad 20.01.2022 och 20/1 2022.'],
    ['a time', 'Öppet kl. 08:00–16:00, lunch 12.00-13.00, jour 0800–1600.'],
    ['opening hours', 'Vardagar 8–16, helger 10–14.'],
    ['a year', 'Sedan 1999 och år 2021, senast 2022.'],
    ['a year that is a short number', 'Borgen byggdes år 1177.'],
    ['a postcode', 'Skicka till Kalix kommun, Ekonomienheten, 952 81 Kalix.'],
    ['a Stockholm postcode like 113 13', 'Box 1, 113 13 Stockholm.'],
    ['an amount', 'Ersättningen är 10 000 kr, högst 1 500 000 kronor, 0,5 procent.'],
    ['a count that is a short number', '112 hushåll saknar vatten och 1177 personer har fått brev.'],
    ['a case number', 'Diarienummer KS 2021/0123, ärende KS-0123-45678 och 0923-45.'],
    ['a personal identity number', 'Personnummer 19121212-1212 eller 010101-1234.'],
    ['an organisation number and bankgiro', 'Org.nr 212000-2742, bankgiro 5050-1055.'],
    ['an IP address', 'Adressen 192.168.0.1 eller 10.0.923.65.'],
    ['a temperature', 'Det är -25 grader, +5 i morgon.'],
    ['a number inside a word', 'Modellen X0923-65000 och 0923-650-00-1.'],
    ['a number in code', 'Skriv `0923-650 00` så här.'],
  ])('%s: %j', (_what, markdown) => {
    expect(telLinks(markdown)).toEqual([]);
  });
});

describe('findPhoneNumbers and telHref', () => {
  it('says where each number is, and dials digits only (without the (0) after a country code)', () => {
    const text = 'Ring 0923-650 00 eller +46 (0)923 650 10.';
    expect(findPhoneNumbers(text).map((f) => [text.slice(f.start, f.end), telHref(f.text)])).toEqual([
      ['0923-650 00', 'tel:092365000'],
      ['+46 (0)923 650 10', 'tel:+4692365010'],
    ]);
  });

  it('takes the words before a short number from the text before it (a number in **bold**)', () => {
    expect(findPhoneNumbers('112', 'Vid fara för liv, ring ').map((f) => f.text)).toEqual(['112']);
    expect(findPhoneNumbers('112', 'Antalet hushåll är ').map((f) => f.text)).toEqual([]);
  });
});

describe('the sample content', () => {
  const files = ['content/bulletins', 'content/pages', 'src/default-pages'].flatMap((dir) =>
    readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.md')).map((f) => path.join(ROOT, dir, f)),
  );

  it('every full phone number written in a text is a tel: link once rendered', () => {
    const missing: string[] = [];
    let seen = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
      const written = body.match(/(?<![\d-])0\d{2,3}-\d{3} \d{2}(?!\d)/g) ?? [];
      seen += written.length;
      const linked = telLinks(body).map(([, t]) => t);
      for (const n of written) if (!linked.includes(n)) missing.push(`${path.relative(ROOT, file)}: ${n}`);
    }
    expect(seen).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });
});
