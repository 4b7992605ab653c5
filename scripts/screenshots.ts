// `npm run screenshots [-- --dir dist --out screenshots]`: serves the built site (it builds nothing;
// run `npm run build` first) and saves full-page PNGs of the front page and of the first bulletin it
// links to, 375 px (a phone) and 1280 px wide, light and dark, for a person to look at, and prints
// where the front page's answers sit on a 375×740 phone (tests/helpers/first-screen.ts).
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { measureFirstScreen } from '../tests/helpers/first-screen.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

function parseArgs(argv: string[]): { dir: string; out: string } {
  let dir = process.env.KRISINFO_OUT ?? 'dist';
  let out = 'screenshots';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--dir') dir = argv[++i] ?? dir;
    else if (argv[i] === '--out') out = argv[++i] ?? out;
  }
  return { dir: path.resolve(dir), out: path.resolve(out) };
}

const { dir, out } = parseArgs(process.argv.slice(2));
if (!existsSync(path.join(dir, 'index.html'))) {
  console.error(`No built site in ${dir}: run \`npm run build\` first.`);
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const server = await serveStatic(dir);
const browser = await launchBrowser();
try {
  const probe = await browser.newPage();
  await probe.goto(server.url);
  // The bulletin a reader is most likely to open: the first one the front page links to.
  const bulletin = await probe.$$eval('main a[href*="/bulletiner/"]', (as) =>
    as.map((a) => (a as HTMLAnchorElement).href).find((href) => !/\/bulletiner\/$/.test(href)),
  );
  await probe.close();
  const phone = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const front = await phone.newPage();
  await front.goto(server.url);
  const m = await measureFirstScreen(front);
  await phone.close();
  console.log(
    `Startsidan på 375×740 (px från sidans topp): sidhuvud ${m.header}, läget ${m.situation ?? '–'}, tavlan ${m.board}, ` +
      `första tjänst som inte fungerar ${m.firstNotOperational ?? '–'}, sista ${m.lastNotOperational ?? '–'}, ` +
      `första telefonnummer ${m.firstPhone ?? '–'}, sidans höjd ${m.height}${m.scrollsSideways ? ', RULLAR I SIDLED' : ''}`,
  );
  const targets = [{ name: 'front', url: server.url }, ...(bulletin ? [{ name: 'bulletin', url: bulletin }] : [])];
  for (const width of [375, 1280]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width, height: width < 600 ? 667 : 800 }, colorScheme });
      const page = await context.newPage();
      for (const t of targets) {
        await page.goto(t.url, { waitUntil: 'networkidle' });
        const file = path.join(out, `${t.name}-${width}-${colorScheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(path.relative(process.cwd(), file));
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
