// The build's "now", and the guard against a wrong one. "Now" decides which bulletins are out and
// so which statuses the board shows: a laptop whose clock was reset to 1970 would publish a site
// with no bulletins and every service "working", a false all-clear. So the build stops when
// - the computer's clock shows a time before this tool existed (EARLIEST_PLAUSIBLE), or
// - "now" lies before the previous build in the same output folder (more than CLOCK_SLACK, for
//   two computers whose clocks differ by a minute), or before the newest publication or update
//   that build showed;
// and every build prints the "now" it used. A fixed time (--now, KRISINFO_NOW) is for tests and
// previews and the build says so; into a new folder it may be any time, into a folder with a
// later build only with --allow-earlier-time (for a previous build whose clock was ahead).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readBuildRecord, type BuildFacts, type ClockSource } from './build-record.ts';
import { CliError, EXIT_CONTENT, type CliMessage } from '../cli/output.ts';
import { toIsoWithOffset } from '../model/dates.ts';
import { buildSiteModel } from '../site/derive.ts';
import { shownPath } from './fs-errors.ts';
import type { ValidContent } from '../content/load-content.ts';

/** No real build can happen before this: the clock is wrong (a reset clock shows 1970 or 2000). */
export const EARLIEST_PLAUSIBLE = new Date('2025-01-01T00:00:00Z');
export const CLOCK_SLACK_MS = 5 * 60 * 1000;

export interface BuildClock {
  now: Date;
  source: ClockSource;
}

/** The build's "now": `--now`, else KRISINFO_NOW, else the computer's clock. */
export function readClock(flag: string | undefined, env = process.env.KRISINFO_NOW, clock = () => new Date()): BuildClock {
  const fixed = flag !== undefined ? { value: flag, source: '--now' as const } : env ? { value: env, source: 'KRISINFO_NOW' as const } : undefined;
  if (!fixed) return { now: clock(), source: 'clock' };
  const now = new Date(fixed.value);
  if (!fixed.value.trim() || Number.isNaN(now.getTime())) {
    throw new CliError({ code: 'build.now-invalid', params: { source: fixed.source, value: fixed.value } }, EXIT_CONTENT);
  }
  return { now, source: fixed.source };
}

/** A point in time as the officer reads it: local time in the site's zone, with offset and zone. */
export function showTime(d: Date, timeZone: string): string {
  const iso = toIsoWithOffset(d, timeZone);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} ${iso.slice(19)} ${timeZone}`;
}

export interface PreviousBuild {
  now: Date;
  newest?: { at: Date; slug: string };
}

/** The time of the site in `out`: its build record, or the status.json of a build older than the record. */
export function previousBuild(out: string): PreviousBuild | undefined {
  const record = readBuildRecord(out);
  if (record) return { now: new Date(record.now), newest: record.newest && { at: new Date(record.newest.at), slug: record.newest.slug } };
  try {
    const generated = (JSON.parse(readFileSync(path.join(out, 'status.json'), 'utf8')) as { generated?: unknown }).generated;
    const now = typeof generated === 'string' ? new Date(generated) : undefined;
    return now && !Number.isNaN(now.getTime()) ? { now } : undefined;
  } catch {
    return undefined;
  }
}

/** The newest publication or update the site shows at `now`: what a build at an earlier "now" would lose. */
function newestNews(content: ValidContent, now: Date): { at: Date; slug: string } | undefined {
  let newest: { at: Date; slug: string } | undefined;
  for (const g of buildSiteModel(content, now).bulletins) {
    for (const at of [g.original.published, ...g.original.updates.map((u) => u.at)]) {
      if (!newest || at > newest.at) newest = { at, slug: g.slug };
    }
  }
  return newest;
}

/** What the build record says about this build's clock. */
export function clockFacts(clock: BuildClock, content: ValidContent): BuildFacts {
  const newest = newestNews(content, clock.now);
  return { now: clock.now.toISOString(), clock: clock.source, newest: newest && { at: newest.at.toISOString(), slug: newest.slug } };
}

/**
 * Stops the build (CliError) when its "now" cannot be right, as described at the top. Returns what
 * to print: the "now" used, and a note when --allow-earlier-time let an earlier time through.
 */
export function guardClock(clock: BuildClock, out: string, timeZone: string, allowEarlier: boolean): CliMessage[] {
  const show = (d: Date) => showTime(d, timeZone);
  // A refusal names where the time came from when it was not the computer's clock.
  const nowShown = clock.source === 'clock' ? show(clock.now) : `${show(clock.now)} (${clock.source})`;
  const stop = (code: CliMessage['code'], params: Record<string, string>) => new CliError({ code, params: { now: nowShown, ...params } }, EXIT_CONTENT);
  if (clock.source === 'clock' && clock.now < EARLIEST_PLAUSIBLE) throw stop('build.clock-implausible', { earliest: show(EARLIEST_PLAUSIBLE) });
  const used: CliMessage =
    clock.source === 'clock' ? { code: 'build.now-system', params: { now: show(clock.now) } } : { code: 'build.now-fixed', params: { now: show(clock.now), source: clock.source } };
  const previous = previousBuild(out);
  if (!previous) return [used];
  const folder = shownPath(out);
  const beforeBuild = clock.now.getTime() < previous.now.getTime() - CLOCK_SLACK_MS;
  const beforeNews = previous.newest !== undefined && clock.now < previous.newest.at;
  if (!beforeBuild && !beforeNews) return [used];
  if (allowEarlier) return [used, { code: 'build.now-earlier-allowed', params: { previous: show(previous.now) } }];
  if (beforeBuild) throw stop('build.clock-before-previous', { previous: show(previous.now), folder });
  throw stop('build.clock-before-bulletin', { at: show(previous.newest!.at), slug: previous.newest!.slug, folder });
}
