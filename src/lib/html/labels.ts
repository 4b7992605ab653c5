// The small parts every list and bulletin repeats: a moment, a severity, a service status.
import { toIsoWithOffset } from '../model/dates.ts';
import { formatDateTimeShort, formatMoment, t } from '../model/i18n.ts';
import type { Severity, Status } from '../model/types.ts';
import type { SiteModel } from '../site/derive.ts';
import { attr, html, type Html } from './markup.ts';

export interface TimeOptions {
  /** Written without a clock time in content/: shown, and given to machines, as the date alone. */
  dateOnly?: boolean | undefined;
  /** Abbreviated month, for lists that must fit a phone's line. */
  short?: boolean;
}

/**
 * A moment for people (date with clock time, in the reader's language and the site's zone) and
 * for machines (ISO 8601 with the offset in `datetime`): "28 december 2021", not "kl. 00:00",
 * for a date written without a time.
 */
export function timeHtml(model: SiteModel, date: Date, lang: string, { dateOnly = false, short = false }: TimeOptions = {}): Html {
  const tz = model.site.timezone;
  const iso = toIsoWithOffset(date, tz);
  const shown = short && !dateOnly ? formatDateTimeShort(date, lang, tz, model.now) : formatMoment(date, lang, tz, dateOnly);
  return html`<time${attr('datetime', dateOnly ? iso.slice(0, 10) : iso)}>${shown}</time>`;
}

const SEVERITY_MARKS: Record<Severity, string> = { info: 'i', warning: '!', critical: '!!' };

/** Severity in words; the mark beside it is decoration. `spoken: false` where a label already says "severity". */
export function severityLabelHtml(severity: Severity, lang: string, spoken = true): Html {
  const said = spoken && html`<span class="visually-hidden">${t(lang, 'severity.label')}: </span>`;
  return html`<span${attr('class', `severity severity-${severity}`)}><span class="mark" aria-hidden="true">${SEVERITY_MARKS[severity]}</span> ${said}${t(lang, `severity.${severity}`)}</span>`;
}

const STATUS_MARKS: Record<Status, string> = { down: '✕', manual: '!', degraded: '◐', operational: '✓' };

/** A service status in words with a shape beside it, so it never rests on colour alone. */
export function statusLabelHtml(status: Status, lang: string): Html {
  return html`<span${attr('class', `status status-${status}`)}><span class="mark" aria-hidden="true">${STATUS_MARKS[status]}</span> ${t(lang, `status.${status}`)}</span>`;
}
