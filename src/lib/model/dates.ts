// Dates as the content contract defines them: ISO 8601; a date-time without an offset is
// wall-clock time in the site's time zone (summer time included), a bare date is local midnight.
// YAML loaders usually turn `2021-12-17T10:00:00` into a UTC instant; we never let YAML see dates
// (the YAML 1.2 core schema keeps them as strings) and do the arithmetic here instead.

export type DateParseResult =
  | { ok: true; date: Date }
  | { ok: false; reason: 'type' | 'format' | 'range' | 'year'; year?: number };

/**
 * Years content may use. Outside them a date is a typing mistake (`0022` for `2022`), and years
 * 0–99 are worse than wrong: Date.UTC reads them as 1900–1999, so `0001-01-01` was shown as 1901.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

/** The message for a date that could not be read (messages.ts), with its parameters. */
export function dateProblem(r: Extract<DateParseResult, { ok: false }>, value: string): { code: 'date.format' | 'date.range' | 'date.year'; params: Record<string, string | number> } {
  if (r.reason === 'year') return { code: 'date.year', params: { value, year: String(r.year ?? '').padStart(4, '0') } };
  return { code: r.reason === 'range' ? 'date.range' : 'date.format', params: { value } };
}

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

// Offsets change only at transitions, and modern zones make them on a quarter hour of UTC (offsets
// are whole quarter hours, switches happen on the local hour): one lookup per zone and quarter hour
// serves every date in it. Formatting through Intl is the expensive part of a build's dates.
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const offsetCache = new Map<string, number>();

/** Offset of `timeZone` from UTC at the given instant, in minutes (Stockholm in winter: 60). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const key = `${timeZone} ${Math.floor(instant.getTime() / QUARTER_HOUR_MS)}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    offset = offsetFromIntl(instant, timeZone);
    if (offsetCache.size > 100_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

function offsetFromIntl(instant: Date, timeZone: string): number {
  let fmt = offsetFormatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    offsetFormatters.set(timeZone, fmt);
  }
  const parts: Record<string, number> = {};
  for (const p of fmt.formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - wholeSeconds) / 60000);
}

/** The instant at which the wall clock in `timeZone` shows the given local time. */
export function localTimeToInstant(
  fields: { year: number; month: number; day: number; hour: number; minute: number; second: number; ms: number },
  timeZone: string,
): Date {
  const asUtc = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second, fields.ms);
  // Two passes settle on the right offset on both sides of a summer-time change. A time that
  // does not exist (skipped at spring-forward) lands one hour later, as a wall clock would.
  let offset = zoneOffsetMinutes(new Date(asUtc), timeZone);
  let instant = asUtc - offset * 60000;
  const second = zoneOffsetMinutes(new Date(instant), timeZone);
  if (second !== offset) {
    offset = second;
    instant = asUtc - offset * 60000;
  }
  return new Date(instant);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a date from content, where `value` is whatever the YAML held. */
export function parseContentDate(value: unknown, timeZone: string): DateParseResult {
  if (value instanceof Date) return { ok: true, date: value };
  if (typeof value !== 'string') return { ok: false, reason: 'type' };
  const m = ISO_RE.exec(value.trim());
  if (!m) return { ok: false, reason: 'format' };
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Math.round(Number(`0.${m[7]}`) * 1000);
  if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, reason: 'year', year };
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false, reason: 'range' };
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, reason: 'range' };
  const zone = m[8];
  if (zone === undefined) {
    return { ok: true, date: localTimeToInstant({ year, month, day, hour, minute, second, ms }, timeZone) };
  }
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 14 || om > 59) return { ok: false, reason: 'range' };
    offsetMinutes = sign * (oh * 60 + om);
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60000;
  return { ok: true, date: new Date(utc) };
}

/**
 * Whether a value from content is a bare date (`2021-12-28`): it means the day, not midnight, so
 * pages show the date without a clock time.
 */
export function isDateOnly(value: unknown): boolean {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim());
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** ISO 8601 with the site's offset, e.g. `2022-01-07T16:00:00+01:00`, for `<time datetime>`. */
export function toIsoWithOffset(instant: Date, timeZone: string): string {
  const offset = zoneOffsetMinutes(instant, timeZone);
  const local = new Date(instant.getTime() + offset * 60000);
  const sign = offset < 0 ? '-' : '+';
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

/** RFC 822 date as RSS 2.0 wants it: English names, `GMT`. */
export function toRfc822(instant: Date): string {
  return instant.toUTCString();
}

/** The local date and time in the site's zone as `YYYY-MM-DDTHH:MM`, for files the tools write. */
export function toLocalMinute(instant: Date, timeZone: string): string {
  return toIsoWithOffset(instant, timeZone).slice(0, 16);
}
