// The editor as the officer uses it, in headless Chromium, by the labels they read: a new bulletin
// with two service statuses and a lead image with alt text, an update that changes a status (by
// keyboard only), an English translation, then "Publicera". The built site shows all of it,
// `npm run check` passes, and the files on disk are exactly what the officer would have typed.
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../src/lib/release/checksums.ts';
import { ROOT, runScript, tempDir } from './helpers/build.ts';
import { launchBrowser } from './helpers/browser.ts';
import { copyFixture } from './helpers/content-tree.ts';
import { startEditorProcess, type RunningEditor } from './helpers/editor.ts';

const SLUG = '2021-12-20-vattnet-ar-otjanligt-i-kalix-centrum';
let editor: RunningEditor;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let out: string;
const requests: string[] = [];

beforeAll(async () => {
  const content = copyFixture();
  out = path.join(tempDir(), 'dist');
  // The officer's clock: 20 December 2021, 09:15 in Kalix.
  editor = await startEditorProcess(content, ['--now', '2021-12-20T09:15:00+01:00'], { KRISINFO_OUT: out });
  browser = await launchBrowser();
  context = await browser.newContext();
  context.on('request', (r) => requests.push(r.url()));
  page = await context.newPage();
  await page.goto(editor.startUrl);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  editor?.stop();
});

const file = (rel: string) => readFileSync(path.join(editor.content, rel), 'utf8');
const textOf = async (l: Locator) => (await l.innerText()).trim();
/** Clicks (or presses a key) and waits for the page that follows to load. */
const andLoad = async (action: () => Promise<void>) => {
  await Promise.all([page.waitForEvent('load'), action()]);
};

describe('the officer in the editor', () => {
  it('opens on the list of bulletins and the status board, with the token gone from the address', async () => {
    expect(new URL(page.url()).search).toBe('');
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Meddelanden');
    expect(await page.getByRole('heading', { name: 'Tjänsternas status just nu' }).isVisible()).toBe(true);
    const titles = await page.locator('table.list tbody tr td:first-child').allTextContents();
    expect(titles).toEqual(['Biblioteket har öppet', 'Hemtjänsten arbetar med papper', 'Kommunen har drabbats av ett it-angrepp']);
  });

  it('creates a bulletin with two service statuses and an image with alt text', async () => {
    await andLoad(() => page.getByRole('link', { name: 'Nytt meddelande' }).first().click());
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Nytt meddelande');
    // `published` defaults to now in the site's time zone, written as local time.
    expect(await page.getByLabel('Publiceras', { exact: true }).inputValue()).toBe('2021-12-20T09:15');
    await page.getByLabel('Rubrik').fill('Vattnet är otjänligt i Kalix centrum');
    // A summary that is too long: checked before saving, shown next to the field, nothing written.
    await page.getByLabel('Sammanfattning').fill('Koka vattnet. '.repeat(22));
    // ... and a file that is not an image, whatever its name says.
    const notImage = path.join(tempDir(), 'karta.png');
    writeFileSync(notImage, 'inte en bild');
    await page.getByLabel('Välj en bildfil').setInputFiles(notImage);
    await andLoad(() => page.getByRole('button', { name: 'Skapa meddelandet' }).click());
    expect(await textOf(page.locator('#f-summary-problems'))).toContain('Texten är 307 tecken lång; högst 300 tecken går.');
    expect(await textOf(page.locator('#f-image-problems'))).toContain('Filen "karta.png" är ingen bild i ett format som webbplatsen publicerar.');
    expect(await page.getByLabel('Sammanfattning').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Rubrik').inputValue()).toBe('Vattnet är otjänligt i Kalix centrum');
    expect(readdirSync(path.join(editor.content, 'bulletins')).filter((n) => n.startsWith('2021-12-20'))).toEqual([]);
    await page.getByLabel('Sammanfattning').fill('Koka vattnet innan du dricker det: det gäller hela centrum.');
    expect(await textOf(page.locator('#f-summary-count'))).toBe('59 av 300 tecken');
    await page.getByLabel('Varning', { exact: true }).check();
    await page.getByLabel('Fakturor och betalningar').selectOption({ label: 'Fungerar inte' });
    await page.getByLabel('Hemtjänst', { exact: true }).selectOption({ label: 'Reservrutiner' });
    await page.getByLabel('Publiceras', { exact: true }).fill('2021-12-20T08:30');
    const image = path.join(tempDir(), 'Karta centrum.png');
    copyFileSync(path.join(ROOT, 'tests/fixtures/officer/bulletins/images/karta.png'), image);
    await page.getByLabel('Välj en bildfil').setInputFiles(image);
    await page.getByLabel('Alternativtext').fill('Karta över Kalix centrum där det drabbade området är rödmarkerat');
    await page.getByLabel('Text', { exact: true }).fill('## Vad har hänt?\n\nEn vattenledning har gått sönder.\n\n## Vad ska jag göra?\n\nKoka vattnet i tre minuter.\n');
    await andLoad(() => page.getByRole('button', { name: 'Skapa meddelandet' }).click());

    expect(await textOf(page.getByRole('status'))).toContain(`Sparat i content/bulletins/${SLUG}.md`);
    expect(file(`bulletins/${SLUG}.md`)).toBe(
      [
        '---',
        'title: Vattnet är otjänligt i Kalix centrum',
        'published: 2021-12-20T08:30',
        'summary: "Koka vattnet innan du dricker det: det gäller hela centrum."',
        'severity: warning',
        'audience: [public]',
        'services:',
        '  ekonomi: down',
        '  hemtjanst: manual',
        'image: images/karta-centrum.png',
        'imageAlt: Karta över Kalix centrum där det drabbade området är rödmarkerat',
        '---',
        '## Vad har hänt?',
        '',
        'En vattenledning har gått sönder.',
        '',
        '## Vad ska jag göra?',
        '',
        'Koka vattnet i tre minuter.',
        '',
      ].join('\n'),
    );
    expect(readFileSync(path.join(editor.content, 'bulletins/images/karta-centrum.png'))).toEqual(readFileSync(image));
  });

  it('adds an update that changes a status, by keyboard only', async () => {
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.id || document.activeElement?.textContent || '');
    const tabTo = async (want: (s: string) => boolean) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        if (want(await focused())) return;
      }
      throw new Error('could not reach the element by Tab');
    };
    // On the bulletin's page: Tab to "Lägg till uppdatering" and follow it with Enter.
    await tabTo((s) => s === 'Lägg till uppdatering');
    await andLoad(() => page.keyboard.press('Enter'));
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Ny uppdatering: Vattnet är otjänligt i Kalix centrum');
    await tabTo((s) => s === 'u-text');
    await page.keyboard.type('Vattnet är tjänligt igen på Storgatan.');
    await tabTo((s) => s === 'u-at');
    // The time defaults to now; the officer leaves it.
    await tabTo((s) => s === 'u-service-ekonomi');
    // Ingen ändring → Fungerar inte → Reservrutiner → Fungerar delvis
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    expect(await page.locator('#u-service-ekonomi').inputValue()).toBe('degraded');
    await tabTo((s) => s === 'Lägg till uppdateringen');
    await andLoad(() => page.keyboard.press('Enter'));
    expect(await textOf(page.getByRole('status'))).toContain('Sparat i');
    expect(file(`bulletins/${SLUG}.md`)).toContain(
      ['imageAlt: Karta över Kalix centrum där det drabbade området är rödmarkerat', 'updates:', '  - at: 2021-12-20T09:15', '    text: Vattnet är tjänligt igen på Storgatan.', '    services: { ekonomi: degraded }', '---', '## Vad har hänt?'].join('\n'),
    );
  });

  it('creates an English translation with the original beside each field', async () => {
    await andLoad(() => page.getByRole('link', { name: 'Meddelanden' }).click());
    await andLoad(() => page.getByRole('row', { name: /Vattnet är otjänligt/ }).getByRole('link', { name: 'Översätt till engelska' }).click());
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Översättning till engelska: Vattnet är otjänligt i Kalix centrum');
    expect(await textOf(page.locator('.pair').first().locator('.original'))).toContain('Vattnet är otjänligt i Kalix centrum');
    await page.getByLabel('Rubrik (engelska)').fill('The water is unsafe in central Kalix');
    await page.getByLabel('Sammanfattning (engelska)').fill('Boil the water before you drink it: this applies to all of the centre.');
    await page.getByLabel('Alternativtext: vad bilden visar (engelska)').fill('Map of central Kalix with the affected area marked in red');
    await page.getByLabel('Uppdatering 2021-12-20T09:15 (engelska)').fill('The water is safe again on Storgatan.');
    await page.getByLabel('Text (engelska)').fill('## What has happened?\n\nA water main has burst.\n');
    await andLoad(() => page.getByRole('button', { name: 'Skapa översättningen' }).click());
    expect(await textOf(page.getByRole('status'))).toContain(`content/bulletins/${SLUG}.en.md`);
    expect(file(`bulletins/${SLUG}.en.md`)).toBe(
      [
        '---',
        'title: The water is unsafe in central Kalix',
        'summary: "Boil the water before you drink it: this applies to all of the centre."',
        'imageAlt: Map of central Kalix with the affected area marked in red',
        'updates:',
        '  - at: 2021-12-20T09:15',
        '    text: The water is safe again on Storgatan.',
        '---',
        '## What has happened?',
        '',
        'A water main has burst.',
        '',
      ].join('\n'),
    );
  });

  it('changes one field of a hand-written file: only that line changes, comments and order stay', async () => {
    const before = file('bulletins/2021-12-16-it-angrepp.md');
    await andLoad(() => page.getByRole('link', { name: 'Meddelanden' }).click());
    await andLoad(() => page.getByRole('link', { name: 'Kommunen har drabbats av ett it-angrepp', exact: true }).click());
    await page.getByLabel('Rubrik').fill('Kommunen har drabbats av ett it-angrepp: läget nu');
    await andLoad(() => page.getByRole('button', { name: 'Spara' }).click());
    expect(await textOf(page.getByRole('status'))).toContain('Sparat i content/bulletins/2021-12-16-it-angrepp.md');
    expect(file('bulletins/2021-12-16-it-angrepp.md')).toBe(
      before.replace("title: 'Kommunen har drabbats av ett it-angrepp'   # enkla", 'title: "Kommunen har drabbats av ett it-angrepp: läget nu"   # enkla'),
    );
  });

  it("changes a service's status in one step, as a new short bulletin", async () => {
    await andLoad(() => page.getByRole('link', { name: 'Ändra en tjänsts status' }).click());
    await page.getByLabel('Tjänst', { exact: true }).selectOption({ label: 'Hemtjänst' });
    await page.getByLabel('Ny status').selectOption({ label: 'Fungerar' });
    await page.getByLabel('Text till läsarna').fill('Hemtjänstens system fungerar igen.');
    await page.getByLabel('ett nytt kort meddelande').check();
    await page.getByLabel('Rubrik för det nya meddelandet').fill('Hemtjänsten är tillbaka');
    await andLoad(() => page.getByRole('button', { name: 'Ändra statusen' }).click());
    expect(await textOf(page.getByRole('status'))).toContain('Sparat i content/bulletins/2021-12-20-hemtjansten-ar-tillbaka.md');
    expect(file('bulletins/2021-12-20-hemtjansten-ar-tillbaka.md')).toBe(
      ['---', 'title: Hemtjänsten är tillbaka', 'published: 2021-12-20T09:15', 'summary: Hemtjänstens system fungerar igen.', 'severity: info', 'audience: [public]', 'services:', '  hemtjanst: operational', '---', 'Hemtjänstens system fungerar igen.', ''].join('\n'),
    );
  });

  it('shows a file with a forgotten quote as text with the problem, and saves it once fixed', async () => {
    const broken = ['---', 'title: "Skolan är stängd', 'published: 2021-12-19T07:00', 'summary: Skolan är stängd i dag.', '---', 'Text.', ''].join('\n');
    writeFileSync(path.join(editor.content, 'bulletins/2021-12-19-skolan.md'), broken);
    await andLoad(() => page.getByRole('link', { name: 'Meddelanden' }).click());
    expect(await textOf(page.locator('.summary.error'))).toContain('Filer som formulären inte kan läsa');
    await andLoad(() => page.getByRole('link', { name: 'content/bulletins/2021-12-19-skolan.md' }).click());
    expect(await textOf(page.locator('#problems'))).toMatch(/rad \d+: Citattecknet " före texten avslutas aldrig/);
    await page.getByLabel('Filens text').fill(broken.replace('"Skolan är stängd', '"Skolan är stängd"'));
    await andLoad(() => page.getByRole('button', { name: 'Spara' }).click());
    expect(await textOf(page.getByRole('status'))).toContain('Sparat i content/bulletins/2021-12-19-skolan.md');
    expect(file('bulletins/2021-12-19-skolan.md')).toBe(broken.replace('"Skolan är stängd', '"Skolan är stängd"'));
  });

  it('publishes, and the built site shows all of it; npm run check passes', async () => {
    await andLoad(() => page.getByRole('link', { name: 'Publicera' }).click());
    await andLoad(() => page.getByRole('button', { name: 'Publicera nu' }).click());
    // The page reloads itself while the build runs (meta refresh, no JavaScript needed).
    for (let i = 0; i < 240 && !(await page.getByRole('button', { name: 'Publicera nu' }).count()); i++) await page.waitForTimeout(1000);
    expect(await textOf(page.getByRole('status'))).toContain('Klart: webbplatsen är byggd och publicerad');
    const sv = readFileSync(path.join(out, `bulletiner/${SLUG}/index.html`), 'utf8');
    expect(sv).toContain('Vattnet är otjänligt i Kalix centrum');
    expect(sv).toContain('alt="Karta över Kalix centrum där det drabbade området är rödmarkerat"');
    expect(sv).toContain('Vattnet är tjänligt igen på Storgatan.');
    const en = readFileSync(path.join(out, `en/bulletiner/${SLUG}/index.html`), 'utf8');
    expect(en).toContain('The water is unsafe in central Kalix');
    expect(en).toContain('alt="Map of central Kalix with the affected area marked in red"');
    expect(en).toContain('The water is safe again on Storgatan.');
    // The status board: invoices partly working (the update), home care working (the short bulletin).
    const status = JSON.parse(readFileSync(path.join(out, 'status.json'), 'utf8')) as { services: { id: string; status: string }[] };
    expect(Object.fromEntries(status.services.map((s) => [s.id, s.status]))).toEqual({ ekonomi: 'degraded', hemtjanst: 'operational' });
    const check = await runScript('check.ts', [], { KRISINFO_CONTENT: editor.content });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    // Nothing of the editor reaches the site (the offline edition, offline.html, is part of it).
    expect(existsSync(path.join(out, 'offline.html'))).toBe(true);
    // The content folder's own path (a temporary folder here) must not reach the site either.
    const leaks = listFiles(out).filter((f) => {
      const text = readFileSync(path.join(out, f), 'latin1');
      return /editor|redigera/i.test(f) || /Redigeraren|krisinfo-editor|editor\.(css|js)|data-count-for/.test(text) || text.includes(path.dirname(editor.content));
    });
    expect(leaks).toEqual([]);
  }, 300_000);

  it('made no request to any address but its own', () => {
    const foreign = requests.filter((u) => !u.startsWith(editor.origin + '/'));
    expect(foreign).toEqual([]);
  });
});
