// Dates as the content contract defines them, including the summer-time cases YAML loaders get wrong.
import { describe, expect, it } from 'vitest';
import { isDateOnly, parseContentDate, toIsoWithOffset, toRfc822, zoneOffsetMinutes } from '../src/lib/model/dates.ts';
import { formatDateTimeShort, formatMoment } from '../src/lib/model/i18n.ts';

const TZ = 'Europe/Stockholm';
const iso = (v: string) => {
  const r = parseContentDate(v, TZ);
  if (!r.ok) throw new Error(`not parsed: ${v} (${r.reason})`);
  return r.date.toISOString();
};

describe('parseContentDate', () => {
  it.each([
    ['2022-01-07T16:00:00+01:00', '2022-01-07T15:00:00.000Z', 'offset taken as written'],
    ['2022-01-07T16:00:00Z', '2022-01-07T16:00:00.000Z', 'UTC'],
    ['2022-01-07T16:00', '2022-01-07T15:00:00.000Z', 'winter local time is +01:00'],
    ['2022-07-07T16:00', '2022-07-07T14:00:00.000Z', 'summer local time is +02:00'],
    ['2021-12-17T10:00:00', '2021-12-17T09:00:00.000Z', 'the case YAML loaders turn into UTC'],
    ['2022-01-07', '2022-01-06T23:00:00.000Z', 'bare date is local midnight'],
    ['2022-06-07', '2022-06-06T22:00:00.000Z', 'bare date in summer'],
    ['2022-01-07 16:00', '2022-01-07T15:00:00.000Z', 'space instead of T'],
    ['2022-01-07T16:00:00.5+0100', '2022-01-07T15:00:00.500Z', 'fraction and compact offset'],
    ['2022-03-27T02:30', '2022-03-27T01:30:00.000Z', 'a time skipped at spring-forward lands an hour later'],
    ['2022-10-30T01:30', '2022-10-29T23:30:00.000Z', 'before the autumn change'],
    ['2024-02-29T12:00', '2024-02-29T11:00:00.000Z', 'leap day'],
  ])('%s → %s (%s)', (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it.each([
    ['2021-12-32T10:00', 'range'],
    ['2022-02-29', 'range'],
    ['2022-13-01', 'range'],
    ['2022-01-07T25:00', 'range'],
    ['2022-01-07T10:60', 'range'],
    ['32 december 2021', 'format'],
    ['7/1/2022', 'format'],
    ['igår', 'format'],
    ['', 'format'],
  ])('rejects %s (%s)', (input, reason) => {
    expect(parseContentDate(input, TZ)).toEqual({ ok: false, reason });
  });

  it('rejects values that are not text', () => {
    expect(parseContentDate(2022, TZ)).toEqual({ ok: false, reason: 'type' });
    expect(parseContentDate({ a: 1 }, TZ)).toEqual({ ok: false, reason: 'type' });
  });

  it('reads local time in the zone it is given, not the machine’s', () => {
    expect(parseContentDate('2022-01-07T16:00', 'America/New_York')).toEqual({ ok: true, date: new Date('2022-01-07T21:00:00Z') });
    expect(parseContentDate('2022-01-07T16:00', 'Europe/Helsinki')).toEqual({ ok: true, date: new Date('2022-01-07T14:00:00Z') });
  });
});

describe('output formats', () => {
  it('gives <time datetime> the site’s offset in winter and summer', () => {
    expect(toIsoWithOffset(new Date('2022-01-07T15:00:00Z'), TZ)).toBe('2022-01-07T16:00:00+01:00');
    expect(toIsoWithOffset(new Date('2022-07-07T14:00:00Z'), TZ)).toBe('2022-07-07T16:00:00+02:00');
    expect(toIsoWithOffset(new Date('2022-07-07T14:00:00Z'), 'America/St_Johns')).toBe('2022-07-07T11:30:00-02:30');
  });

  it('gives RSS an RFC 822 date with English names and GMT', () => {
    expect(toRfc822(new Date('2022-01-07T15:00:00Z'))).toBe('Fri, 07 Jan 2022 15:00:00 GMT');
  });

  it('knows the offset on both sides of a change', () => {
    expect(zoneOffsetMinutes(new Date('2022-03-27T00:59:59Z'), TZ)).toBe(60);
    expect(zoneOffsetMinutes(new Date('2022-03-27T01:00:00Z'), TZ)).toBe(120);
  });
});

describe('a date written without a time', () => {
  it.each([
    ['2021-12-28', true],
    [' 2021-12-28 ', true],
    ['2021-12-28T00:00', false],
    ['2021-12-28T00:00:00+01:00', false],
    [20211228, false],
    [undefined, false],
  ])('%j is date-only: %s', (value, expected) => {
    expect(isDateOnly(value)).toBe(expected);
  });

  it('is shown as the date alone, in every language; with a time it keeps its clock time', () => {
    const d = new Date('2021-12-27T23:00:00Z');
    expect(formatMoment(d, 'sv', TZ, true)).toBe('28 december 2021');
    expect(formatMoment(d, 'en', TZ, true)).toBe('28 December 2021');
    expect(formatMoment(d, 'sv', TZ)).toBe('28 december 2021 kl. 00:00');
  });
});

describe('short dates for lists', () => {
  it('leave out the year within half a year of the build, and keep it further away', () => {
    const now = new Date('2022-01-21T11:00:00Z');
    expect(formatDateTimeShort(new Date('2021-12-17T15:30:00Z'), 'sv', TZ, now)).toBe('17 dec. 16:30');
    expect(formatDateTimeShort(new Date('2020-12-17T15:30:00Z'), 'sv', TZ, now)).toBe('17 dec. 2020 16:30');
    expect(formatDateTimeShort(new Date('2021-12-17T15:30:00Z'), 'en', TZ, now)).toBe('17 Dec, 16:30');
  });
});
