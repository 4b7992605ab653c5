// bulletiner.txt: the whole situation as plain text. One small request that works over the
// slowest link, in lynx, and pasted into SMS, e-mail or a radio script: the status of every
// service, then every public bulletin (latest news first) with its times, then the contacts.
// No markup at all: Markdown is flattened with plainTextNow and lines wrap at 72 characters.
import { bulletinIn, isPublic, latestNewsFirst, type SiteModel } from '../site/derive.ts';
import { formatDateTime, formatMoment, localize } from '../model/i18n.ts';
import { eventDateOnly } from '../site/listings.ts';
import { carried, memo, plainTextNow } from '../model/markdown.ts';
import type { Bulletin } from '../model/types.ts';
import { absoluteUrl, paths } from '../model/urls.ts';
import { feedStrings, statusLabel } from './strings.ts';
import { TEXT_WIDTH, wrapText } from './wrap.ts';

function heading(text: string, lang: string, underline: string): string {
  const upper = underline === '=' ? text.toLocaleUpperCase(lang) : text;
  return `${upper}\n${underline.repeat(Math.min([...upper].length, TEXT_WIDTH))}`;
}

/** Bulletins as the plain text lists them: by the time of their latest news, newest first. */
export function plainTextOrder(model: SiteModel) {
  const shown = model.bulletins.filter((g) => isPublic(g.original));
  return shown.sort(latestNewsFirst(shown));
}

export function buildPlainText(model: SiteModel, lang: string): string {
  const { site } = model;
  const s = feedStrings(lang);
  const when = (d: Date) => formatDateTime(d, lang, site.timezone);
  // Every block is wrapped on its own (wrapping works line by line, so this is the same as wrapping
  // the whole), and a stray `<!--` in one bulletin cannot swallow the text of the next.
  const blocks: string[] = [];
  const add = (text: string) => blocks.push(wrapText(stripTags(text)));

  add([site.sender, localize(site.title, lang, site), absoluteUrl(site, paths.home(site, lang)), `${s.generated} ${when(model.now)}`].join('\n'));

  const statusLines = model.services.map((st) => {
    const since = st.since ? ` (${s.since} ${st.setBy && eventDateOnly(model, st.setBy.slug, st.setBy.updateId) ? formatMoment(st.since, lang, site.timezone, true) : when(st.since)})` : '';
    return `- ${localize(st.service.name, lang, site)}: ${statusLabel(st.status, lang)}${since}`;
  });
  if (model.nextUpdate) statusLines.push('', `${s.nextUpdate}: ${when(model.nextUpdate.at)}`);
  add(`${heading(s.statusNow, lang, '=')}\n${statusLines.join('\n')}`);

  const groups = plainTextOrder(model);
  add(heading(s.bulletins, lang, '='));
  if (groups.length === 0) add(s.noBulletins);
  // bulletinText wraps its own parts.
  for (const g of groups) blocks.push(bulletinText(bulletinIn(g, lang), model, lang));

  const contacts = site.contacts.map((c) => {
    const how = [c.phone, c.email, c.url].filter(Boolean).join(', ');
    const hours = c.hours ? ` (${localize(c.hours, lang, site)})` : '';
    return `- ${localize(c.name, lang, site)}: ${how}${hours}`;
  });
  add(`${heading(s.contacts, lang, '=')}\n${contacts.join('\n')}`);

  return `${blocks.join('\n\n')}\n`;
}

/**
 * Markdown as wrapped plain text, one blank line between paragraphs. Once per text in a build
 * (an untranslated bulletin's body is in every language's edition), and carried over from the
 * previous build (model/markdown.ts) already wrapped: at 1,000 bulletins, wrapping took a third
 * of the edition's time in a rebuild.
 */
const flatText = memo((markdown) => carried(`plain text, wrapped\u0000${markdown}`, () => wrapText(stripTags(paragraphs(plainTextNow(markdown))))));

/**
 * Raw HTML in a bulletin shows as literal text on the pages (it is never markup). Here it is
 * dropped: in an SMS, a radio script or an e-mail a tag is noise, and an HTML mail client pasted
 * into might even act on it.
 */
function stripTags(text: string): string {
  return text.replace(/<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/gi, '').replace(/<!--[\s\S]*?-->/g, '');
}

function bulletinText(b: Bulletin, model: SiteModel, lang: string): string {
  const { site } = model;
  const s = feedStrings(lang);
  const when = (d: Date, dateOnly?: boolean) => formatMoment(d, lang, site.timezone, dateOnly);
  const times = [`${s.published} ${when(b.published, b.dateOnly?.published)}`];
  if (b.updated && b.updated > b.published) times.push(`${s.updated} ${when(b.updated, b.dateOnly?.updated)}`);
  const parts = [heading(b.title, lang, '-'), `${times.join('. ')}.`, absoluteUrl(site, paths.bulletin(site, lang, b.slug))];
  if (b.untranslated) parts.push(s.untranslated);
  parts.push('', b.summary);
  const head = wrapText(stripTags(parts.join('\n')));
  const rest = [head, '', flatText(b.body)];
  if (b.nextUpdate && b.nextUpdate > model.now) rest.push('', `${s.nextUpdate}: ${when(b.nextUpdate, b.dateOnly?.nextUpdate)}`);
  if (b.updates.length) {
    rest.push('', `${s.updates}:`);
    for (const u of b.updates) rest.push('', `* ${when(u.at)}`, flatText(u.text));
  }
  return rest.join('\n');
}

/** plainTextNow gives one line per block: a blank line between paragraphs, none inside a list or table. */
function paragraphs(text: string): string {
  const lines = text.split('\n');
  const together = (a: string, b: string) => (a.startsWith('- ') && b.startsWith('- ')) || (a.includes(' | ') && b.includes(' | '));
  return lines.map((line, i) => (i > 0 && !together(lines[i - 1]!, line) ? `\n${line}` : line)).join('\n');
}
