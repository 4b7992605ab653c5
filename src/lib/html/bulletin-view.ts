// One bulletin's page body: who and when, severity, audience, lead image, summary, then its updates
// newest first (the news), then the original text (older, marked as such), then the services it
// touches. The site has a page like it for every bulletin in every language.
import type { BulletinGroup } from '../content/load-content.ts';
import { localize, localizedLang, t } from '../model/i18n.ts';
import type { Bulletin } from '../model/types.ts';
import { paths } from '../model/urls.ts';
import type { SiteModel } from '../site/derive.ts';
import { contentImageHtml } from './content-image.ts';
import { severityLabelHtml, statusLabelHtml, timeHtml } from './labels.ts';
import { otherLanguagesHtml, untranslatedNoticeHtml } from './language-notes.ts';
import { attr, html, type Html } from './markup.ts';
import { proseHtml } from './prose.ts';
import { statusBoardHtml } from './status-board.ts';

export async function bulletinViewHtml(model: SiteModel, contentDir: string, group: BulletinGroup, b: Bulletin, lang: string): Promise<Html> {
  const { site } = model;
  const textLang = b.lang !== lang ? b.lang : undefined;
  const affected = model.services.filter((s) => Object.keys(b.services).includes(s.service.id) || b.updates.some((u) => Object.hasOwn(u.services, s.service.id)));
  const updated = b.updated && b.updated > b.published ? b.updated : undefined;
  const newest = b.updates[0];
  const time = (date: Date, dateOnly?: boolean) => timeHtml(model, date, lang, { dateOnly });
  const prose = (source: string, textLang: string | undefined, headingBase?: number) => proseHtml(site, contentDir, source, { file: b.file, lang: textLang, headingBase });

  const facts = html`<dt>${t(lang, 'bulletin.sender')}</dt><dd>${site.sender}</dd> <dt>${t(lang, 'bulletin.published')}</dt><dd>${time(b.published, b.dateOnly?.published)}</dd> ${
    updated && html`<dt>${t(lang, 'bulletin.updated')}</dt><dd>${time(updated, b.dateOnly?.updated)}</dd>`
  } ${
    newest && html`<dt>${t(lang, 'bulletin.latestUpdate')}</dt><dd><a${attr('href', `#${newest.id}`)}><span class="visually-hidden">${t(lang, 'bulletin.latestUpdate')}: </span>${time(newest.at)}</a></dd>`
  } <dt>${t(lang, 'severity.label')}</dt><dd>${severityLabelHtml(b.severity, lang, false)}</dd> <dt>${t(lang, 'bulletin.audience')}</dt><dd>${b.audience.map((a) => t(lang, `audience.${a}`)).join(', ')}</dd> ${
    b.nextUpdate && b.nextUpdate > model.now && html`<dt>${t(lang, 'bulletin.nextUpdate')}</dt><dd>${time(b.nextUpdate, b.dateOnly?.nextUpdate)}</dd>`
  }`;

  const lead =
    b.image &&
    html`<figure class="lead"> ${await contentImageHtml(site, contentDir, b.image.src, { alt: b.image.alt })} ${b.image.credit && html`<figcaption${attr('lang', textLang)}>${b.image.credit}</figcaption>`} </figure>`;

  const serviceNotes = (services: Bulletin['updates'][number]['services']) =>
    Object.entries(services).map(([id, status]) => {
      const s = model.services.find((x) => x.service.id === id);
      const nameLang = s && localizedLang(s.service.name, lang, site);
      return s && html`<p class="note"> <a${attr('href', paths.service(site, lang, id))}${attr('lang', nameLang !== lang ? nameLang : undefined)}>${localize(s.service.name, lang, site)}</a>: ${statusLabelHtml(status, lang)} </p>`;
    });
  const updates =
    b.updates.length > 0 &&
    html`<section aria-labelledby="updates"> <h2 id="updates">${t(lang, 'bulletin.updates')}</h2> <ol class="updates" reversed> ${b.updates.map(
      (u) => html`<li${attr('id', u.id)}> <h3 class="update-time">${time(u.at)}</h3> ${prose(u.text, u.textLang !== lang ? u.textLang : undefined, 4)} ${serviceNotes(u.services)} </li>`,
    )} </ol> </section>`;

  const body =
    b.updates.length > 0
      ? html`<section aria-labelledby="original"> <h2 id="original">${t(lang, 'bulletin.original')} ${time(b.published, b.dateOnly?.published)}</h2> ${prose(b.body, textLang, 3)} </section>`
      : prose(b.body, textLang);

  const services = affected.length > 0 && html`<section aria-labelledby="services"> <h2 id="services">${t(lang, 'bulletin.services')}</h2> ${statusBoardHtml(model, lang, affected)} </section>`;

  return html`<article class="bulletin"> <h1${attr('lang', textLang)}>${b.title}</h1> ${
    b.untranslated && untranslatedNoticeHtml(lang, b.lang, paths.bulletin(site, b.lang, group.slug))
  } <dl class="facts"> ${facts} </dl> ${lead} <p class="summary"${attr('lang', textLang)}>${b.summary}</p> ${updates} ${body} ${services} ${otherLanguagesHtml(
    lang,
    site.languages,
    (l) => paths.bulletin(site, l, group.slug),
    new Set(group.versions.keys()),
  )} </article>`;
}
