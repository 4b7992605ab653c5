// Reads all of content/ and checks it: site.yaml, services.yaml, bulletins (with translations
// and their inherited fields) and pages. Every problem is collected; nothing stops at the first.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { FieldReader, type ReadContext } from './fields.ts';
import { bodyImages, readBulletin, type RawBulletin, type RawUpdate } from './read-bulletin.ts';
import { readPage, RESERVED_SLUGS } from './read-page.ts';
import { PUBLISH_FILE, readPublish, type PublishTarget } from './read-publish.ts';
import { readServices } from './read-services.ts';
import { FALLBACK_TIMEZONE, readSite } from './read-site.ts';
import { nonAsciiIdProblem } from './text-safety.ts';
import { readTextFile } from './text-file.ts';
import { contentFileStatus, realContentDir, type ContentFileStatus } from './content-files.ts';
import { toIsoWithOffset } from '../model/dates.ts';
import { unfilledTemplate } from './template-check.ts';
import { untranslatedFields } from './translation-check.ts';
import type { Problem } from './problems.ts';
import type { Bulletin, BulletinUpdate, DateOnlyFields, ImageRef, Page, Service, Site } from '../model/types.ts';

export interface BulletinGroup {
  slug: string;
  /** The version every other language inherits from: the default-language file if there is one. */
  original: Bulletin;
  /** The versions that have a file of their own, by language. */
  versions: Map<string, Bulletin>;
}

export interface PageGroup {
  slug: string;
  original: Page;
  versions: Map<string, Page>;
}

export interface Content {
  /** Absolute path of the content directory. */
  dir: string;
  site?: Site;
  services: Service[];
  bulletins: BulletinGroup[];
  pages: PageGroup[];
  /** The targets of content/publish.yaml (optional file: none when it is missing). */
  publish: PublishTarget[];
  problems: Problem[];
}

/** A content whose site.yaml was readable and which has no errors. */
export type ValidContent = Content & { site: Site };

const SLUG_RE = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
const IMAGE_EXT_RE = /\.(jpe?g|png|webp|gif|avif|svg)$/i;

/** `2021-12-16-it-angrepp.en.md` → slug and language; `undefined` language means the default. */
export function splitFileName(name: string): { slug: string; langSuffix?: string } {
  const base = name.replace(/\.md$/i, '');
  const m = /^(.*)\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)$/.exec(base);
  return m ? { slug: m[1]!, langSuffix: m[2]! } : { slug: base };
}

/** A stable id for an update, from its time: it is the anchor on the page and part of the guid. */
export function updateId(at: Date): string {
  return 'u' + at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/** The Markdown files of a folder of content/; a link that leads outside or nowhere is a problem, not a file. */
function listMarkdown(folder: string, files: ContentFiles, problems: Problem[]): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((n) => n.toLowerCase().endsWith('.md') && files.usable(files.rel(path.join(folder, n)), problems))
    .sort();
}

/** Files of content/ as load-content sees them: inside it (links resolved), or a problem. */
interface ContentFiles {
  rel(abs: string): string;
  status(relPath: string): ContentFileStatus;
  /** True for a regular file inside content/; records a problem for a link outside or to nothing. */
  usable(relPath: string, problems: Problem[]): boolean;
}

function contentFiles(dir: string, mirrorOf: string | undefined): ContentFiles {
  const realDirs = [dir, ...(mirrorOf === undefined ? [] : [mirrorOf])].map(realContentDir);
  const rel = (abs: string) => path.relative(dir, abs).split(path.sep).join('/');
  const status = (relPath: string) => contentFileStatus(dir, realDirs, relPath);
  return {
    rel,
    status,
    usable(relPath, problems) {
      const s = status(relPath);
      const problem = linkProblem(s, relPath);
      if (problem) problems.push({ level: 'error', file: relPath, ...problem });
      return s.kind === 'file';
    },
  };
}

/** The message for a link that leads outside content/ or nowhere. */
function linkProblem(s: ContentFileStatus, written: string): Pick<Problem, 'code' | 'params'> | undefined {
  if (s.kind === 'outside') return { code: 'file.symlink-outside', params: { value: written, target: s.target } };
  if (s.kind === 'broken') return { code: 'file.symlink-broken', params: { value: written, target: s.target } };
  return undefined;
}

export interface LoadOptions {
  /**
   * The content folder that `contentDir` mirrors with symbolic links, whose files count as inside
   * too (a check of a draft in a mirror of content/ with one file replaced). Links anywhere else
   * are still refused.
   */
  mirrorOf?: string;
}

export function loadContent(contentDir: string, { mirrorOf }: LoadOptions = {}): Content {
  const dir = path.resolve(contentDir);
  const problems: Problem[] = [];
  const content: Content = { dir, services: [], bulletins: [], pages: [], publish: [], problems };
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    problems.push({ level: 'error', file: '.', code: 'content.missing', params: { dir } });
    return content;
  }
  const files = contentFiles(dir, mirrorOf);
  const rel = files.rel;
  /** A file of content/ read as text, unless it is a link that leads outside or nowhere. */
  const readContentText = (relPath: string): ReturnType<typeof readTextFile> | undefined => {
    const link = linkProblem(files.status(relPath), relPath);
    if (!link) return readTextFile(path.join(dir, relPath), relPath);
    problems.push({ level: 'error', file: relPath, ...link });
    return undefined;
  };

  const siteText = readContentText('site.yaml');
  // The logo is checked here, where links are known: readSite only asks whether a file is there.
  const siteResult = siteText?.ok ? readSite(siteText.text, 'site.yaml', (p) => files.status(p).kind !== 'missing') : undefined;
  if (siteText && !siteText.ok) problems.push(siteText.problem);
  if (siteResult) problems.push(...siteResult.problems);
  const logo = siteResult?.site?.logo;
  const logoLink = logo === undefined ? undefined : linkProblem(files.status(logo), logo);
  if (logoLink) problems.push({ level: 'error', file: 'site.yaml', field: 'logo', ...logoLink });
  const languages = siteResult?.languages ?? ['sv'];
  const languagesKnown = siteResult?.languagesKnown ?? false;
  const timeZone = siteResult?.timeZone ?? FALLBACK_TIMEZONE;
  const defaultLang = languages[0]!;
  content.site = siteResult?.site;

  if (files.status(PUBLISH_FILE).kind !== 'missing') {
    const publishText = readContentText(PUBLISH_FILE);
    if (publishText?.ok) {
      const r = readPublish(publishText.text, languages, siteResult?.site?.url);
      content.publish = r.targets;
      problems.push(...r.problems);
    } else if (publishText) problems.push(publishText.problem);
  }

  const servicesText = readContentText('services.yaml');
  if (servicesText?.ok) {
    const r = readServices(servicesText.text, languagesKnown ? languages : [], timeZone);
    content.services = r.services;
    problems.push(...r.problems);
  } else if (servicesText) problems.push(servicesText.problem);
  const serviceIds = new Set(content.services.map((s) => s.id));
  const rc: ResolveContext = { dir, serviceIds, problems, timeZone, files };

  // --- Bulletins -------------------------------------------------------------------------
  const bulletinDir = path.join(dir, 'bulletins');
  const raws: RawBulletin[] = [];
  const seen = new Map<string, string>();
  // Slugs whose default-language file could not be read: their translations are not checked on
  // their own, or each would be reported as a bulletin missing its date (errors that follow from one).
  const unreadable = new Set<string>();
  for (const name of listMarkdown(bulletinDir, files, problems)) {
    const file = rel(path.join(bulletinDir, name));
    const parsed = identify(name, file, languages, problems, seen, languagesKnown);
    if (!parsed) continue;
    const text = readTextFile(path.join(bulletinDir, name), file);
    if (!text.ok) {
      problems.push(text.problem);
      if (parsed.lang === defaultLang) unreadable.add(parsed.slug);
      continue;
    }
    const raw = readBulletin(text.text, file, parsed.slug, parsed.lang, timeZone);
    problems.push(...raw.problems);
    raws.push(raw);
  }

  const bySlug = groupBy(raws, (r) => r.slug);
  for (const [slug, group] of bySlug) {
    const originalRaw = group.find((r) => r.lang === defaultLang);
    if (unreadable.has(slug) || (originalRaw && hasReadErrors(originalRaw))) {
      // The original's own error is what to fix; its translations are checked once it reads.
      continue;
    }
    const versions = new Map<string, Bulletin>();
    const ordered = [...group].sort((a, b) => languages.indexOf(a.lang) - languages.indexOf(b.lang));
    for (const raw of ordered) {
      const parent = originalRaw && raw !== originalRaw ? originalRaw : undefined;
      const untranslated = parent && !hasReadErrors(raw) ? untranslatedFields(raw, parent) : [];
      if (untranslated.length) {
        // Still the original's text: readers of this language get the original, with its notice.
        problems.push({ level: 'warning', file: raw.file, code: 'warn.translation-unchanged', params: { value: untranslated.join(', ') } });
        continue;
      }
      const b = resolveBulletin(raw, parent, rc);
      if (b) versions.set(raw.lang, b);
    }
    const original = (originalRaw && versions.get(originalRaw.lang)) ?? versions.values().next().value;
    if (original) content.bulletins.push({ slug, original, versions });
  }

  // --- Pages -----------------------------------------------------------------------------
  const pageDir = path.join(dir, 'pages');
  const pageSeen = new Map<string, string>();
  const pagesBySlug = new Map<string, Page[]>();
  for (const name of listMarkdown(pageDir, files, problems)) {
    const file = rel(path.join(pageDir, name));
    const parsed = identify(name, file, languages, problems, pageSeen, languagesKnown);
    if (!parsed) continue;
    if (RESERVED_SLUGS.includes(parsed.slug) || languages.includes(parsed.slug)) {
      problems.push({ level: 'error', file, code: 'slug.reserved', params: { value: parsed.slug, allowed: RESERVED_SLUGS.join(', ') } });
      continue;
    }
    const text = readTextFile(path.join(pageDir, name), file);
    if (!text.ok) {
      problems.push(text.problem);
      continue;
    }
    const result = readPage(text.text, file, parsed.slug, parsed.lang, timeZone);
    problems.push(...result.problems);
    checkBodyImages({ file, body: result.body, bodyLine: result.bodyLine }, rc);
    if (result.page) pagesBySlug.set(parsed.slug, [...(pagesBySlug.get(parsed.slug) ?? []), result.page]);
  }
  for (const [slug, list] of pagesBySlug) {
    list.sort((a, b) => languages.indexOf(a.lang) - languages.indexOf(b.lang));
    const original = list.find((p) => p.lang === defaultLang) ?? list[0]!;
    // A translated page keeps the original's place in the navigation unless it says otherwise.
    const versions = new Map(list.map((p) => [p.lang, p.order === Number.MAX_SAFE_INTEGER ? { ...p, order: original.order } : p]));
    content.pages.push({ slug, original: versions.get(original.lang)!, versions });
  }
  content.pages.sort((a, b) => a.original.order - b.original.order || a.slug.localeCompare(b.slug));
  return content;
}

/** Splits a file name into slug and language, recording problems with the name itself. */
function identify(
  name: string,
  file: string,
  languages: string[],
  problems: Problem[],
  seen: Map<string, string>,
  languagesKnown = true,
): { slug: string; lang: string } | undefined {
  const { slug, langSuffix } = splitFileName(name);
  if (langSuffix !== undefined && !languages.includes(langSuffix) && languagesKnown) {
    problems.push({ level: 'error', file, code: 'lang.unknown-suffix', params: { value: langSuffix, allowed: languages.join(', ') } });
    return undefined;
  }
  if (!SLUG_RE.test(slug)) {
    const lookAlike = nonAsciiIdProblem(name);
    problems.push(lookAlike ? { level: 'error', file, ...lookAlike } : { level: 'error', file, code: 'file.name', params: { name } });
    return undefined;
  }
  const lang = langSuffix ?? languages[0]!;
  const key = `${slug}\u0000${lang}`;
  const other = seen.get(key);
  if (other) {
    problems.push({ level: 'error', file, code: 'slug.duplicate', params: { other } });
    return undefined;
  }
  seen.set(key, file);
  return { slug, lang };
}

interface ResolveContext {
  dir: string;
  serviceIds: Set<string>;
  problems: Problem[];
  timeZone: string;
  files: ContentFiles;
}

/**
 * Fills a bulletin's fields: its own, else the original's (for a translation). Checks what needs
 * the whole picture: required fields, service ids, images, dates against each other.
 */
function resolveBulletin(raw: RawBulletin, parent: RawBulletin | undefined, rc: ResolveContext): Bulletin | undefined {
  const f = raw.fields;
  const p = parent?.fields ?? {};
  const ctx: ReadContext = { file: raw.file, yaml: raw.yaml, problems: rc.problems, timeZone: rc.timeZone };
  const r = new FieldReader((raw.yaml.value as Record<string, unknown>) ?? {}, ctx);
  if (hasReadErrors(raw)) return undefined;

  if (parent) {
    if (f.published && p.published && f.published.getTime() !== p.published.getTime()) {
      r.problem('translation.published', 'published', { value: toIsoWithOffset(f.published, rc.timeZone), original: toIsoWithOffset(p.published, rc.timeZone) });
    }
    if (f.services) r.problem('translation.services', 'services', {}, 'warning');
  }
  const required = (key: 'title' | 'published' | 'summary', example: string) => {
    // A translation takes a field it leaves out from its original: missing there (or wrongly
    // written), it is the original's error, reported once, on the original.
    if (f[key] === undefined && !parent && !r.has(key)) r.problem('field.required', key, { example });
    // `summary: ""` (an emptied form field) is written but says nothing. A translation may leave a
    // field empty: it shows the original's.
    const written = (raw.yaml.value as Record<string, unknown> | undefined)?.[key];
    if (!parent && typeof written === 'string' && written.trim() === '') r.problem('field.required-empty', key, { example });
  };
  required('title', 'title: Ekonomisystemet är i gång igen');
  required('published', 'published: 2022-01-07T16:00');
  required('summary', 'summary: Fakturor kan betalas igen.');

  const title = f.title ?? p.title;
  const published = parent ? p.published : f.published;
  const summary = f.summary ?? p.summary;
  const updated = f.updated ?? p.updated;
  if (published && updated && updated < published) {
    r.problem('date.updated-before-published', 'updated', { updated: toIsoWithOffset(updated, rc.timeZone), published: toIsoWithOffset(published, rc.timeZone) });
  }

  // Services named by the original (and its updates) must exist.
  const statusSource = parent ? p : f;
  if (!parent) {
    for (const id of Object.keys(f.services ?? {})) {
      if (!rc.serviceIds.has(id)) unknownService(r, ['services', id], id, rc);
    }
  }

  // Updates: the original's, with texts replaced by the translation's where it has them.
  const updates = resolveUpdates(raw, parent, r, rc);

  // Lead image: inherited with its alt text unless the translation gives its own.
  const imagePath = f.image ?? p.image;
  const imageFrom = f.image ? raw : parent ?? raw;
  let image: ImageRef | undefined;
  if (imagePath !== undefined) {
    const decorative = f.imageDecorative ?? p.imageDecorative ?? false;
    // A decorative image is shown with alt="" (screen readers skip it), whatever imageAlt says.
    const alt = decorative ? '' : f.imageAlt ?? p.imageAlt;
    if (!alt && !decorative) r.problem('image.alt-missing', 'imageAlt');
    const found = imageFile(imagePath, imageFrom.file, rc);
    if ('problem' in found) r.problem(found.problem, 'image', { value: imagePath, ...found.params });
    else if (alt || decorative) image = { src: found.src, alt: alt ?? '', credit: f.imageCredit ?? p.imageCredit, ...(decorative && { decorative }) };
  }
  checkBodyImages(raw, rc);
  const draft = (parent ? p.draft || f.draft : f.draft) ?? false;
  // An unfilled template (`npm run new`) is fine in a draft, an error in anything to be published.
  if (!draft) rc.problems.push(...unfilledTemplate(raw));
  // Update texts are Markdown too, published on the page and in the feeds: same rules for images.
  for (const u of f.updates ?? []) {
    // Every image in Markdown starts with "![": the line is looked up only for a text with one.
    if (!u.text?.includes('![')) continue;
    const line = raw.yaml.lineOf(['updates', u.index, 'text']) ?? raw.bodyLine;
    checkBodyImages({ file: raw.file, body: u.text, bodyLine: line }, rc, `updates[${u.index}].text`);
  }

  if (!title || !published || !summary) return undefined;
  return {
    slug: raw.slug,
    lang: raw.lang,
    file: raw.file,
    untranslated: false,
    title,
    summary,
    body: raw.body,
    published,
    updated,
    severity: f.severity ?? p.severity ?? 'info',
    audience: f.audience ?? p.audience ?? ['public'],
    services: statusSource.services ?? {},
    pinned: f.pinned ?? p.pinned ?? false,
    nextUpdate: f.nextUpdate ?? p.nextUpdate,
    dateOnly: dateOnlyOf(f, p, parent !== undefined),
    draft,
    image,
    sms: f.sms ?? p.sms,
    updates,
  };
}

/** The file's header could not be read (YAML or frontmatter errors): its fields are unknown. */
function hasReadErrors(raw: RawBulletin): boolean {
  return raw.problems.some((x) => x.level === 'error' && (x.code.startsWith('yaml') || x.code.startsWith('frontmatter')));
}

function resolveUpdates(raw: RawBulletin, parent: RawBulletin | undefined, r: FieldReader, rc: ResolveContext): BulletinUpdate[] {
  const own = raw.fields.updates ?? [];
  const source: RawUpdate[] = parent ? parent.fields.updates ?? [] : own;
  const seen = new Set<number>();
  const translated = new Map<number, string>();
  if (parent) {
    for (const u of own) {
      if (!u.at) continue;
      const match = source.find((o) => o.at?.getTime() === u.at!.getTime());
      if (!match) r.problem('translation.update-unknown', ['updates', u.index, 'at'], { value: toIsoWithOffset(u.at, rc.timeZone) });
      // An update text still the original's (a translation stub) is shown as the original, in its language.
      else if (u.text && u.text.trim() !== match.text?.trim()) translated.set(u.at.getTime(), u.text);
      if (u.services) r.problem('translation.services', ['updates', u.index, 'services'], {}, 'warning');
    }
  }
  const out: BulletinUpdate[] = [];
  for (const u of source) {
    if (!u.at || !u.text) continue;
    const t = u.at.getTime();
    if (seen.has(t)) {
      if (!parent) r.problem('update.duplicate-at', ['updates', u.index, 'at'], { value: toIsoWithOffset(u.at, rc.timeZone) });
      continue;
    }
    seen.add(t);
    if (!parent) {
      for (const id of Object.keys(u.services ?? {})) {
        if (!rc.serviceIds.has(id)) unknownService(r, ['updates', u.index, 'services', id], id, rc);
      }
    }
    const own = translated.get(t);
    out.push({ at: u.at, text: own ?? u.text, textLang: own || !parent ? raw.lang : parent.lang, services: u.services ?? {}, id: updateId(u.at) });
  }
  return out.sort((a, b) => b.at.getTime() - a.at.getTime());
}

/** A service id that services.yaml does not have; a look-alike (Cyrillic "а") is shown by code point. */
function unknownService(r: FieldReader, field: (string | number)[], id: string, rc: ResolveContext): void {
  const lookAlike = nonAsciiIdProblem(id);
  if (lookAlike) r.problem(lookAlike.code, field, lookAlike.params);
  else r.problem('service.unknown', field, { value: id, allowed: [...rc.serviceIds].join(', ') });
}

/** Images in a body must have alt text and be files inside content/ (no other hosts). */
function checkBodyImages(source: Pick<RawBulletin, 'file' | 'body' | 'bodyLine'>, rc: ResolveContext, field = 'body'): void {
  for (const img of bodyImages(source)) {
    const problem = (code: Problem['code'], params: Record<string, string> = {}) =>
      rc.problems.push({ level: 'error', file: source.file, field, line: img.line, code, params: { value: img.src, ...params } });
    if (!img.alt.trim()) problem('image.alt-missing');
    const found = imageFile(img.src, source.file, rc);
    if ('problem' in found) problem(found.problem, found.params);
  }
}

/** An image written in `fromFile`: a file inside content/, of a format we publish, that exists. */
function imageFile(written: string, fromFile: string, rc: ResolveContext): { src: string } | { problem: Problem['code']; params?: Record<string, string> } {
  const src = resolveImagePath(written, fromFile, rc.dir);
  if (src === null) return { problem: 'image.outside-content' };
  if (!IMAGE_EXT_RE.test(src)) return { problem: 'image.format' };
  const status = rc.files.status(src);
  const link = linkProblem(status, written);
  if (link) return { problem: link.code, params: { target: String(link.params!.target) } };
  if (status.kind !== 'file') return { problem: 'image.missing-file' };
  return { src };
}

/**
 * Resolves an image path written in `fromFile` (relative to `contentDir`) to a forward-slash path
 * relative to content/; null if it is a URL or lies outside.
 */
export function resolveImagePath(src: string, fromFile: string, contentDir: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) return null;
  let decoded: string;
  try {
    decoded = decodeURI(src.split(/[?#]/)[0]!);
  } catch {
    return null;
  }
  const abs = path.resolve(contentDir, path.dirname(fromFile), decoded);
  if (!abs.startsWith(contentDir + path.sep)) return null;
  return path.relative(contentDir, abs).split(path.sep).join('/');
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

/** Which shown dates were bare dates, taken from the file that gave each date (as the dates themselves are). */
function dateOnlyOf(f: RawBulletin['fields'], p: RawBulletin['fields'], isTranslation: boolean): DateOnlyFields | undefined {
  const out: DateOnlyFields = {};
  const from = (key: keyof DateOnlyFields) => (key === 'published' && isTranslation ? p : f[key] !== undefined ? f : p);
  for (const key of ['published', 'updated', 'nextUpdate'] as const) if (from(key).dateOnly?.[key]) out[key] = true;
  return Object.keys(out).length ? out : undefined;
}
