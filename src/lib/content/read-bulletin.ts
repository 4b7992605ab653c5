// One bulletin file as written: the fields it sets (a translation sets only some), checked for
// form. Required fields and inheritance are settled in load-content.ts, which knows the twins.
import { isDateOnly } from '../model/dates.ts';
import { FieldReader, isPlainObject, type ReadContext } from './fields.ts';
import { findImages } from '../model/markdown.ts';
import { setOwn } from '../model/own.ts';
import { bodyTextProblems, yamlTextProblems } from './text-safety.ts';
import { splitFrontmatter, type YamlSource } from './yaml-source.ts';
import { AUDIENCES, SEVERITIES, STATUSES, type Audience, type DateOnlyFields, type Severity, type Status } from '../model/types.ts';
import type { Problem } from './problems.ts';

export const BULLETIN_FIELDS = [
  'title', 'published', 'updated', 'summary', 'severity', 'audience', 'services', 'pinned',
  'nextUpdate', 'draft', 'image', 'imageAlt', 'imageCredit', 'sms', 'updates',
  'imageDecorative',
] as const;
/** The fields of one entry of `updates`. */
export const UPDATE_FIELDS = ['at', 'text', 'services'] as const;
export const SUMMARY_MAX = 300;
export const SMS_MAX = 160;

export interface RawUpdate {
  at?: Date;
  text?: string;
  services?: Record<string, Status>;
  /** Position in the file, for messages. */
  index: number;
}

/** The fields one bulletin file sets; absent ones are undefined. */
export interface RawBulletinFields {
  title?: string;
  published?: Date;
  updated?: Date;
  summary?: string;
  severity?: Severity;
  audience?: Audience[];
  services?: Record<string, Status>;
  pinned?: boolean;
  nextUpdate?: Date;
  /** Which dates this file writes as a bare date. */
  dateOnly?: DateOnlyFields;
  draft?: boolean;
  image?: string;
  imageAlt?: string;
  imageCredit?: string;
  /** The lead image only decorates: it is shown with empty alt text, and imageAlt may be left out. */
  imageDecorative?: boolean;
  sms?: string;
  updates?: RawUpdate[];
}

export interface RawBulletin {
  file: string;
  slug: string;
  lang: string;
  fields: RawBulletinFields;
  body: string;
  bodyLine: number;
  yaml: YamlSource;
  /** Problems with the form of the fields, found while reading. */
  problems: Problem[];
}

export function readStatusMap(r: FieldReader, key: string): Record<string, Status> | undefined {
  const map = r.map(key);
  if (!map) return undefined;
  const out: Record<string, Status> = {};
  const inner = r.child(key, map);
  for (const [id, value] of Object.entries(map)) {
    const status = typeof value === 'string' ? value.trim() : value;
    // setOwn: `__proto__: down` must stay an entry (and be reported as an unknown service), not vanish.
    if ((STATUSES as readonly unknown[]).includes(status)) setOwn(out, id, status as Status);
    else inner.problem('value.unknown', id, { value: String(value), allowed: STATUSES.join(', ') });
  }
  return out;
}

/** Parses the frontmatter of a bulletin; `text` is decoded, LF-only. */
export function readBulletin(text: string, file: string, slug: string, lang: string, timeZone: string): RawBulletin {
  const problems: Problem[] = [];
  const split = splitFrontmatter(text, file);
  const empty: YamlSource = { value: undefined, lineOf: () => undefined, problems: [] };
  if ('problem' in split) return { file, slug, lang, fields: {}, body: text, bodyLine: 1, yaml: empty, problems: [split.problem] };
  const { yaml, body, bodyLine } = split;
  problems.push(...yaml.problems);
  const base = { file, slug, lang, body, bodyLine, yaml };
  if (yaml.value === undefined) return { ...base, fields: {}, problems };
  if (!isPlainObject(yaml.value)) {
    problems.push({ level: 'error', file, line: 2, code: 'yaml.not-map' });
    return { ...base, fields: {}, problems };
  }
  const ctx: ReadContext = { file, yaml, problems, timeZone };
  problems.push(...yamlTextProblems(yaml, file, { singleLine: false }), ...bodyTextProblems(body, file, bodyLine));
  const r = new FieldReader(yaml.value, ctx);
  r.warnUnknown(BULLETIN_FIELDS);
  const has = (k: string) => r.has(k);
  const fields: RawBulletinFields = {
    title: r.string('title'),
    published: r.date('published'),
    updated: r.date('updated'),
    summary: r.string('summary', { max: SUMMARY_MAX }),
    severity: has('severity') ? r.oneOf('severity', SEVERITIES, 'info') : undefined,
    audience: has('audience') ? r.listOf('audience', AUDIENCES, ['public']) : undefined,
    services: readStatusMap(r, 'services'),
    pinned: has('pinned') ? r.boolean('pinned', false) : undefined,
    nextUpdate: r.date('nextUpdate'),
    draft: has('draft') ? r.boolean('draft', false) : undefined,
    image: r.string('image'),
    imageAlt: r.string('imageAlt'),
    imageCredit: r.string('imageCredit'),
    imageDecorative: has('imageDecorative') ? r.boolean('imageDecorative', false) : undefined,
    sms: r.string('sms', { max: SMS_MAX }),
  };
  const dateOnly: DateOnlyFields = {};
  for (const key of ['published', 'updated', 'nextUpdate'] as const) if (isDateOnly(yaml.value[key])) dateOnly[key] = true;
  if (Object.keys(dateOnly).length) fields.dateOnly = dateOnly;
  if (has('updates')) {
    fields.updates = r.entries('updates').map((u, index) => {
      u.warnUnknown(UPDATE_FIELDS);
      return {
        index,
        at: u.date('at', { required: true }),
        text: u.string('text', { required: true, example: 'text: Alla fakturor är nu betalda.' }),
        services: readStatusMap(u, 'services'),
      };
    });
  }
  return { ...base, fields, problems };
}

/** Images in the body, with the line in the file where each is written. */
export function bodyImages(raw: Pick<RawBulletin, 'body' | 'bodyLine'>): { src: string; alt: string; line: number }[] {
  return findImages(raw.body).map((img) => ({ ...img, line: raw.bodyLine + img.line }));
}
