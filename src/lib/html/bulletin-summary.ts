// A bulletin in a list: title linking to it, severity in words, times, summary. The list of all
// bulletins repeats it for every bulletin in every language.
import type { BulletinGroup } from '../content/load-content.ts';
import { t } from '../model/i18n.ts';
import { paths } from '../model/urls.ts';
import { bulletinIn, isForStaff, isPublic, lastActivity, type SiteModel } from '../site/derive.ts';
import { severityLabelHtml, timeHtml } from './labels.ts';
import { attr, html, raw, type Html } from './markup.ts';

/** `level`: the heading level of the title inside the list. */
export function bulletinSummaryHtml(model: SiteModel, group: BulletinGroup, lang: string, level: 2 | 3 = 3): Html {
  const b = bulletinIn(group, lang);
  const other = b.lang !== lang ? b.lang : undefined;
  const latest = lastActivity(b);
  const h = raw(`h${level}`);
  const staffOnly = isForStaff(b) && !isPublic(b) && html`<span class="tag">${t(lang, 'audience.staffOnly')}</span>`;
  const updated = latest > b.published && html`<span>${t(lang, 'bulletin.updated')} ${timeHtml(model, latest, lang, { dateOnly: latest === b.updated && b.dateOnly?.updated })}</span>`;
  return html`<article${attr('class', `item severity-box-${b.severity}`)}> <${h} class="item-title"><a${attr('href', paths.bulletin(model.site, lang, group.slug))}${attr('lang', other)}>${b.title}</a></${h}> <p class="meta"> ${severityLabelHtml(b.severity, lang)} ${staffOnly} <span>${t(lang, 'bulletin.published')} ${timeHtml(model, b.published, lang, { dateOnly: b.dateOnly?.published })}</span> ${updated} </p> <p${attr('lang', other)}>${b.summary}</p> ${other && html`<p class="note">${t(lang, 'untranslated.short')}</p>`} </article>`;
}
