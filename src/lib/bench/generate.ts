// Synthetic but realistic content/ for the benchmark (scripts/bench.ts): a long crisis with `n`
// bulletins spread over half a year, each with the five questions as ## sections, updates that
// change service statuses, ~10 services, a fifth of the bulletins translated into en and fi, a few
// images reused across bulletins, some staff-only, pinned, draft and scheduled ones. The same `n`
// and seed always give the same files, so runs and machines can be compared.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { PHRASES, type Phrasebook } from './text.ts';

export interface GenerateOptions {
  bulletins: number;
  seed?: number;
  /** Site languages; the first is the default. The sample site (Kalix) has four. */
  languages?: string[];
}

export interface GeneratedContent {
  dir: string;
  bulletins: number;
  translations: number;
  images: number;
  /** Slug of the newest published bulletin: the one an officer would edit next. */
  newestSlug: string;
}

/** The clock the benchmark builds at (KRISINFO_NOW): every generated bulletin but one lies before it. */
export const BENCH_NOW = '2022-06-01T12:00:00Z';

const START = Date.parse('2021-12-16T07:00:00Z');
const END = Date.parse('2022-05-31T12:00:00Z');
const SCHEDULED = Date.parse('2022-09-01T06:00:00Z');
const HOUR = 3600_000;

export const SERVICES: { id: string; sv: string; en: string; fi: string }[] = [
  { id: 'hemtjanst', sv: 'Hemtjänst', en: 'Home care', fi: 'Kotihoito' },
  { id: 'ekonomi', sv: 'Ekonomisystemet', en: 'Finance system', fi: 'Taloushallinto' },
  { id: 'loner', sv: 'Löner', en: 'Salaries', fi: 'Palkat' },
  { id: 'e-post', sv: 'E-post', en: 'E-mail', fi: 'Sähköposti' },
  { id: 'vaxel', sv: 'Telefonväxeln', en: 'Switchboard', fi: 'Puhelinvaihde' },
  { id: 'skola', sv: 'Skolplattformen', en: 'School platform', fi: 'Koulualusta' },
  { id: 'bibliotek', sv: 'Biblioteket', en: 'Library', fi: 'Kirjasto' },
  { id: 'bygglov', sv: 'Bygglov', en: 'Building permits', fi: 'Rakennusluvat' },
  { id: 'vatten', sv: 'Vatten och avlopp', en: 'Water and sewage', fi: 'Vesi ja viemäri' },
  { id: 'intranat', sv: 'Intranätet', en: 'Intranet', fi: 'Intranet' },
];
const STATUSES = ['down', 'manual', 'degraded', 'operational'] as const;
const IMAGE_COUNT = 4;

/** mulberry32: small, fast, seeded; Math.random would make every run different. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Local Stockholm time as an officer writes it (no offset), e.g. 2022-01-07T16:00. Winter time is close enough. */
function localTime(ms: number): string {
  return new Date(ms + HOUR).toISOString().slice(0, 16);
}

const q = (s: string) => JSON.stringify(s); // a YAML double-quoted scalar is a JSON string

interface Plan {
  slug: string;
  published: number;
  svc: (typeof SERVICES)[number];
  updates: { at: number; svcStatus?: string; phrase: number }[];
  translated: boolean;
  leadImage?: number;
  bodyImage?: number;
}

export async function generateContent(dir: string, opts: GenerateOptions): Promise<GeneratedContent> {
  const n = opts.bulletins;
  const rand = prng(opts.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const languages = opts.languages ?? ['sv', 'en', 'fi', 'fit'];
  const bulletinDir = path.join(dir, 'bulletins');
  mkdirSync(path.join(bulletinDir, 'images'), { recursive: true });

  writeFileSync(path.join(dir, 'site.yaml'), siteYaml(languages));
  writeFileSync(path.join(dir, 'services.yaml'), servicesYaml());
  for (let k = 0; k < IMAGE_COUNT; k++) await writeImage(path.join(bulletinDir, 'images', `bild-${k}.jpg`), k);

  const step = (END - START) / Math.max(1, n);
  let translations = 0;
  let newest: Plan | undefined;
  for (let i = 0; i < n; i++) {
    // The last bulletin is scheduled: it lies after the build's clock.
    const published = i === n - 1 ? SCHEDULED : Math.round(START + i * step + rand() * step * 0.5);
    const svc = pick(SERVICES);
    const updates: Plan['updates'] = [];
    const updateCount = Math.floor(rand() * 4); // 0..3
    let at = published;
    for (let u = 0; u < updateCount; u++) {
      at += Math.round((2 + rand() * 30) * HOUR);
      updates.push({ at, svcStatus: rand() < 0.6 ? pick(STATUSES) : undefined, phrase: Math.floor(rand() * 1000) });
    }
    const date = localTime(published).slice(0, 10);
    const plan: Plan = {
      slug: `${date}-${svc.id}-${String(i).padStart(5, '0')}`,
      published,
      svc,
      updates,
      translated: i % 5 === 0,
      leadImage: i % 5 === 2 ? i % 3 : undefined,
      bodyImage: i % 20 === 7 ? (i + 1) % IMAGE_COUNT : undefined,
    };
    const fields = frontmatter(plan, i, n, rand);
    writeFileSync(path.join(bulletinDir, `${plan.slug}.md`), `---\n${fields}---\n${body('sv', plan, rand)}`);
    if (plan.translated) {
      for (const lang of ['en', 'fi'] as const) {
        if (!languages.includes(lang)) continue;
        writeFileSync(path.join(bulletinDir, `${plan.slug}.${lang}.md`), `---\n${translationFrontmatter(lang, plan)}---\n${body(lang, plan, rand)}`);
        translations++;
      }
    }
    if (i !== n - 1 && i % 97 !== 13) newest = plan; // the last one is scheduled, some are drafts
  }
  return { dir, bulletins: n, translations, images: IMAGE_COUNT, newestSlug: newest?.slug ?? '' };
}

/** Changes one bulletin's text the way an officer would (a sentence added), for the rebuild timing. */
export function editBulletin(dir: string, slug: string, stamp: string): void {
  const file = path.join(dir, 'bulletins', `${slug}.md`);
  writeFileSync(file, `${readFileSync(file, 'utf8')}\nTillägg ${stamp}: Växeln har utökade öppettider i dag.\n`);
}

function frontmatter(p: Plan, i: number, n: number, rand: () => number): string {
  const sv = PHRASES.sv;
  const fill = (s: string) => s.replaceAll('{svc}', p.svc.sv);
  const lines = [
    `title: ${q(fill(sv.titles[i % sv.titles.length]!))}`,
    `published: ${localTime(p.published)}`,
    `summary: ${q(fill(sv.summaries[i % sv.summaries.length]!))}`,
    `severity: ${i % 10 < 6 ? 'info' : i % 10 < 9 ? 'warning' : 'critical'}`,
  ];
  if (i % 6 === 1) lines.push(`updated: ${localTime(p.published + 5 * HOUR)}`);
  if (i % 7 === 3) lines.push('audience: [staff]');
  else if (i % 11 === 5) lines.push('audience: [public, staff]');
  if (i >= n - 4 && i % 2 === 0) lines.push('pinned: true');
  if (i % 97 === 13) lines.push('draft: true');
  if (i % 8 === 0) lines.push(`nextUpdate: ${localTime(p.published + 48 * HOUR)}`);
  if (i % 3 === 0) lines.push(`sms: ${q(`Kalix kommun: ${fill('{svc}')} fungerar med begränsningar. Läs mer på kalix-info.example.org.`)}`);
  if (p.leadImage !== undefined) {
    lines.push(`image: images/bild-${p.leadImage}.jpg`, `imageAlt: ${q('Kommunhuset i Kalix en vinterdag.')}`, `imageCredit: ${q('Foto: Kalix kommun')}`);
  }
  if (rand() < 0.7) lines.push('services:', `  ${p.svc.id}: ${STATUSES[Math.floor(rand() * 3)]}`);
  if (p.updates.length) {
    lines.push('updates:');
    p.updates.forEach((u) => {
      lines.push(`  - at: ${localTime(u.at)}`, `    text: ${q(sv.updates[u.phrase % sv.updates.length]!.replaceAll('{svc}', p.svc.sv))}`);
      if (u.svcStatus) lines.push('    services:', `      ${p.svc.id}: ${u.svcStatus}`);
    });
  }
  return lines.join('\n') + '\n';
}

function translationFrontmatter(lang: 'en' | 'fi', p: Plan): string {
  const book = PHRASES[lang];
  const fill = (s: string) => s.replaceAll('{svc}', p.svc[lang]);
  const lines = [`title: ${q(fill(book.titles[0]!))}`, `summary: ${q(fill(book.summaries[0]!))}`];
  if (p.leadImage !== undefined) lines.push(`imageAlt: ${q(lang === 'en' ? 'The town hall in Kalix on a winter day.' : 'Kalixin kunnantalo talvipäivänä.')}`);
  if (p.updates.length) {
    lines.push('updates:');
    for (const u of p.updates) lines.push(`  - at: ${localTime(u.at)}`, `    text: ${q(fill(book.updates[u.phrase % book.updates.length]!))}`);
  }
  return lines.join('\n') + '\n';
}

/** About 1,500–2,500 characters: the five questions, paragraphs and lists, a link, sometimes an image. */
function body(lang: 'sv' | 'en' | 'fi', p: Plan, rand: () => number): string {
  const book: Phrasebook = PHRASES[lang];
  const sentences = (min: number, max: number) => {
    const count = min + Math.floor(rand() * (max - min + 1));
    return Array.from({ length: count }, () => book.sentences[Math.floor(rand() * book.sentences.length)]!).join(' ');
  };
  const bullets = (count: number) => Array.from({ length: count }, (_, k) => `- ${book.bullets[(Math.floor(rand() * 100) + k) % book.bullets.length]}`).join('\n');
  const [what, meaning, doing, todo, where] = book.sections;
  const parts = [
    `## ${what}`,
    sentences(3, 5),
    sentences(2, 4),
    `## ${meaning}`,
    bullets(3 + Math.floor(rand() * 2)),
    sentences(1, 3),
    `## ${doing}`,
    sentences(3, 5),
  ];
  if (p.bodyImage !== undefined) parts.push(`![${lang === 'sv' ? 'Personal sorterar papperslistor.' : 'Staff sort paper lists.'}](images/bild-${p.bodyImage}.jpg)`);
  parts.push(`## ${todo}`, bullets(3), `## ${where}`, `- ${book.contactLine}`, '- [Krisinformation.se](https://www.krisinformation.se/)', '- 1177 Vårdguiden: ring **1177**.');
  return parts.join('\n\n') + '\n';
}

function siteYaml(languages: string[]): string {
  return `sender: Kalix kommun
title:
  sv: Information om it-angreppet
  en: Information about the IT attack
  fi: Tietoa tietoverkkohyökkäyksestä
description:
  sv: Kalix kommuns tillfälliga webbplats under it-angreppet.
  en: Kalix municipality's temporary website during the IT attack.
url: https://bench.example.org/
timezone: Europe/Stockholm
languages: [${languages.join(', ')}]
contacts:
  - name: { sv: Tillfällig växel, en: Temporary switchboard, fi: Väliaikainen vaihde }
    phone: "0923-650 00"
    hours: { sv: Vardagar 8–16, en: Weekdays 8–16, fi: Arkisin 8–16 }
  - name: { sv: Hemtjänstens jour, en: Home care on call }
    phone: "0923-650 10"
  - name: E-post (tillfällig)
    email: info@bench.example.org
channels:
  - name: Kalix kommun på Facebook
    url: https://www.facebook.com/kalixkommun
`;
}

function servicesYaml(): string {
  return SERVICES.map((s) => `- id: ${s.id}\n  name: { sv: ${q(s.sv)}, en: ${q(s.en)}, fi: ${q(s.fi)} }\n  status: operational\n`).join('');
}

/** A photo-like JPEG (gradients and shapes, 1600×1067): decoding and resizing cost like a real photo's. */
async function writeImage(file: string, k: number): Promise<void> {
  const hue = [210, 20, 120, 280][k % 4] ?? 210;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1067">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},60%,70%)"/><stop offset="1" stop-color="hsl(${hue + 40},50%,25%)"/></linearGradient></defs>
    <rect width="1600" height="1067" fill="url(#g)"/>
    <rect x="300" y="420" width="900" height="500" fill="hsl(${hue + 180},40%,45%)"/>
    <polygon points="250,430 750,150 1250,430" fill="hsl(${hue + 200},30%,30%)"/>
    <circle cx="1350" cy="200" r="110" fill="hsl(50,90%,80%)"/>
  </svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toFile(file);
}
