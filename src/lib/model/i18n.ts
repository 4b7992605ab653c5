// UI strings and dates in the reader's language. Strings live in src/i18n/<lang>.json, flat dotted
// keys; adding a language is a strings file plus a line in site.yaml. A missing string falls back
// to Swedish (the product's default UI language), never to a blank.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ownValue } from './own.ts';
import type { Localized, Site } from './types.ts';

export const FALLBACK_UI_LANG = 'sv';

type Strings = Record<string, string>;
let table: Map<string, Strings> | undefined;

function stringsDir(): string {
  return path.resolve(process.env.KRISINFO_ROOT ?? process.cwd(), 'src/i18n');
}

function loadTable(): Map<string, Strings> {
  if (table) return table;
  table = new Map();
  const dir = stringsDir();
  if (existsSync(dir)) {
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.json')) continue;
      table.set(name.slice(0, -5), JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Strings);
    }
  }
  return table;
}

const chains = new Map<string, string[]>();

/** Languages tried for a string, most specific first: `sv-FI` → `sv-FI`, `sv`, then the fallback. */
function chain(lang: string): string[] {
  let c = chains.get(lang);
  if (!c) {
    c = [...new Set([lang, lang.split('-')[0]!, FALLBACK_UI_LANG])];
    chains.set(lang, c);
  }
  return c;
}

export function hasStrings(lang: string): boolean {
  return loadTable().has(lang);
}

export function t(lang: string, key: string, params: Record<string, string | number> = {}): string {
  const strings = loadTable();
  for (const l of chain(lang)) {
    const s = ownValue(strings.get(l), key);
    if (s !== undefined) return !s.includes('{') ? s : s.replace(/\{(\w+)\}/g, (_, k: string) => (Object.hasOwn(params, k) ? String(params[k]) : `{${k}}`));
  }
  return key;
}

/** The locale Intl should format dates with for this UI language (`_meta.locale` in the strings). */
export function intlLocale(lang: string): string {
  const own = ownValue(loadTable().get(lang), '_meta.locale');
  return own ?? (Intl.DateTimeFormat.supportedLocalesOf([lang]).length ? lang : t(lang, '_meta.locale'));
}

/** The text of a display field for `lang`: its own, else the default language's, else any. */
export function localize(value: Localized | undefined, lang: string, site: Pick<Site, 'languages'>): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return ownValue(value, lang) ?? ownValue(value, site.languages[0]!) ?? Object.values(value)[0] ?? '';
}

/** Which language a localized field actually comes out in, to mark passages with `lang`. */
export function localizedLang(value: Localized | undefined, lang: string, site: Pick<Site, 'languages'>): string {
  if (value === undefined || typeof value === 'string' || ownValue(value, lang) !== undefined) return lang;
  if (ownValue(value, site.languages[0]!) !== undefined) return site.languages[0]!;
  return Object.keys(value)[0] ?? lang;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: string, timeZone: string, withTime: boolean, month: 'long' | 'short' = 'long', withYear = true): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${withTime}|${month}|${withYear}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(lang), {
      timeZone,
      day: 'numeric',
      month,
      ...(withYear ? { year: 'numeric' as const } : {}),
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

/** "7 januari 2022 16:00": date and clock time in the reader's language and the site's zone. */
// The same moments (a bulletin's publication, a service's "since") appear on many pages: Intl
// formats each once per language.
const formatted = new Map<string, string>();

export function formatDateTime(date: Date, lang: string, timeZone: string): string {
  const key = `${lang}|${timeZone}|${date.getTime()}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = formatter(lang, timeZone, true).format(date);
    if (formatted.size > 100_000) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}

/** Within this long before or after the reference time, a short date leaves out the year. */
const SHORT_DATE_WITHOUT_YEAR_MS = 180 * 24 * 3600 * 1000;

/**
 * "17 dec. 16:30": the same moment in fewer letters, where a list must fit a phone's line. The
 * year is left out when the moment lies within half a year of `reference` (the build's time),
 * where no reader can take it for another year; `<time datetime>` keeps the full date.
 */
export function formatDateTimeShort(date: Date, lang: string, timeZone: string, reference: Date): string {
  const near = Math.abs(reference.getTime() - date.getTime()) < SHORT_DATE_WITHOUT_YEAR_MS;
  return formatter(lang, timeZone, true, 'short', !near).format(date);
}

export function formatDate(date: Date, lang: string, timeZone: string): string {
  return formatter(lang, timeZone, false).format(date);
}

/** A date from content as written: with its clock time, or the date alone when only a date was given. */
export function formatMoment(date: Date, lang: string, timeZone: string, dateOnly = false): string {
  return dateOnly ? formatDate(date, lang, timeZone) : formatDateTime(date, lang, timeZone);
}

/** The name of a language in that language, for the language switch ("Suomi", "English"). */
export function languageName(lang: string): string {
  const own = ownValue(loadTable().get(lang), '_meta.name');
  if (own) return own;
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}
