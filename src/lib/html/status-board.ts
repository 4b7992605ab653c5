// Every service with its status in words, since when, and a link to its page, worst first. A list
// (not a table) so it reads the same in a screen reader, on a narrow phone and in `lynx -dump`.
// With `compact`, the services that work share one line at the end: on the front page the first
// screen is for what does not work.
import { localize, localizedLang, t } from '../model/i18n.ts';
import { paths } from '../model/urls.ts';
import type { ServiceState, SiteModel } from '../site/derive.ts';
import { eventDateOnly } from '../site/listings.ts';
import { worstFirst } from '../site/situation.ts';
import { statusLabelHtml, timeHtml } from './labels.ts';
import { attr, html, type Html } from './markup.ts';

/** `services`: the rows to show (a bulletin shows the ones it touches); every service by default. */
export function statusBoardHtml(model: SiteModel, lang: string, services: ServiceState[] = model.services, compact = false): Html {
  const { site } = model;
  const sorted = worstFirst(services);
  const rows = compact ? sorted.filter((s) => s.status !== 'operational') : sorted;
  const working = compact ? sorted.filter((s) => s.status === 'operational') : [];
  const nameLang = (s: ServiceState) => {
    const l = localizedLang(s.service.name, lang, site);
    return l !== lang ? l : undefined;
  };
  const link = (s: ServiceState) => html`<a${attr('href', paths.service(site, lang, s.service.id))}${attr('lang', nameLang(s))}>${localize(s.service.name, lang, site)}</a>`;
  const since = (s: ServiceState) =>
    s.since && html`<span class="since">${t(lang, 'status.since')} ${timeHtml(model, s.since, lang, { short: true, dateOnly: s.setBy && eventDateOnly(model, s.setBy.slug, s.setBy.updateId) })}</span>`;
  const items = rows.map((s) => html`<li${attr('class', `svc svc-${s.status}`)}> <span class="svc-name">${link(s)}:</span>  ${statusLabelHtml(s.status, lang)} ${since(s)} </li>`);
  const workingLine = working.length > 0 && html`<li class="svc svc-operational svc-working"> ${statusLabelHtml('operational', lang)}:  ${working.map((s, i) => html`${i > 0 && ', '}${link(s)}`)} </li>`;
  return html`<ul class="board"> ${items} ${workingLine} </ul>`;
}
