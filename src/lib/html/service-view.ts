// One service's page body: its status now, since when, what set it, and every bulletin or update
// that named it (at 1,000 bulletins a service's history runs to a hundred lines or more).
import { localize, localizedLang, t } from '../model/i18n.ts';
import { paths } from '../model/urls.ts';
import type { ServiceState, SiteModel } from '../site/derive.ts';
import { bulletinBySlug, eventDateOnly } from '../site/listings.ts';
import { statusLabelHtml, timeHtml } from './labels.ts';
import { attr, html, type Html } from './markup.ts';

export function serviceViewHtml(model: SiteModel, state: ServiceState, lang: string): Html {
  const { site } = model;
  const other = (l: string) => (l !== lang ? l : undefined);
  const name = localize(state.service.name, lang, site);
  const link = (slug: string, updateId?: string) => (updateId ? paths.update(site, lang, slug, updateId) : paths.bulletin(site, lang, slug));
  const setBy = state.setBy && bulletinBySlug(model, state.setBy.slug, lang);
  const description =
    state.service.description && html`<p${attr('lang', other(localizedLang(state.service.description, lang, site)))}>${localize(state.service.description, lang, site)}</p>`;
  const since =
    state.since &&
    html`<dt>${t(lang, 'status.since')}</dt><dd>${timeHtml(model, state.since, lang, { dateOnly: state.setBy && eventDateOnly(model, state.setBy.slug, state.setBy.updateId) })}</dd>`;
  const setByLink = setBy && state.setBy ? html`<a${attr('href', link(state.setBy.slug, state.setBy.updateId))}${attr('lang', other(setBy.lang))}>${setBy.title}</a>` : t(lang, 'service.default');
  const history = state.history.map((h) => {
    const b = bulletinBySlug(model, h.slug, lang);
    const what = b && html` – <a${attr('href', link(h.slug, h.updateId))}${attr('lang', other(b.lang))}>${b.title}</a>${h.updateId && html` (${t(lang, 'service.update')})`}`;
    return html`<li> ${timeHtml(model, h.at, lang, { dateOnly: eventDateOnly(model, h.slug, h.updateId) })}: ${statusLabelHtml(h.status, lang)} ${what} </li>`;
  });
  return html`<h1${attr('lang', other(localizedLang(state.service.name, lang, site)))}>${name}</h1> ${description} <dl class="facts"> <dt>${t(lang, 'service.current')}</dt><dd>${statusLabelHtml(state.status, lang)}</dd> ${since} <dt>${t(lang, 'service.setBy')}</dt> <dd>${setByLink}</dd> </dl> <p><a${attr('href', paths.serviceRss(site, lang, state.service.id))}>${t(lang, 'service.feed')}</a></p> <h2>${t(lang, 'service.history')}</h2> ${
    state.history.length === 0 && html`<p>${t(lang, 'service.noHistory')}</p>`
  } ${state.history.length > 0 && html`<ol class="history"> ${history} </ol>`}`;
}
