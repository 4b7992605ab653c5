// content/site.yaml: who sends, where the site lives, its languages, contacts and channels.
import { isValidTimeZone } from '../model/dates.ts';
import { FieldReader, isPlainObject, type ReadContext } from './fields.ts';
import { parse } from 'yaml';
import { nonAsciiIdProblem, yamlTextProblems } from './text-safety.ts';
import { parseYaml } from './yaml-source.ts';
import type { Channel, Contact, Site } from '../model/types.ts';
import type { Problem } from './problems.ts';

/** The fields site.yaml accepts, and those of one contact and one channel (schemas/site.schema.json must list the same). */
export const SITE_FIELDS = ['sender', 'title', 'description', 'url', 'timezone', 'logo', 'languages', 'contacts', 'channels', 'securityContact'];
export const CONTACT_FIELDS = ['name', 'phone', 'email', 'hours', 'url'];
export const CHANNEL_FIELDS = ['name', 'url'];
const LANG_RE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_RE = /^\+?[0-9][0-9 ()\-–]{1,24}$/;
/** Used to read dates elsewhere when site.yaml has no usable time zone, so other errors still show. */
export const FALLBACK_TIMEZONE = 'Europe/Stockholm';

export function isAbsoluteHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !!u.hostname;
  } catch {
    return false;
  }
}

export interface SiteResult {
  site?: Site;
  problems: Problem[];
  /** Languages as far as they could be read, so bulletins can still be checked. */
  languages: string[];
  /**
   * False when site.yaml could not be read far enough to know its languages: file names are then
   * not checked against them (an error in site.yaml must not make every translation an error too).
   */
  languagesKnown: boolean;
  timeZone: string;
}

export function readSite(text: string, file = 'site.yaml', fileExists: (rel: string) => boolean = () => true): SiteResult {
  const yaml = parseYaml(text, file);
  const problems = [...yaml.problems];
  const fallback = { problems, languages: ['sv'], timeZone: FALLBACK_TIMEZONE, languagesKnown: false };
  if (yaml.value === undefined) return { ...fallback, ...guessedLanguages(text) };
  if (!isPlainObject(yaml.value)) {
    problems.push({ level: 'error', file, line: 1, code: 'yaml.not-map' });
    return fallback;
  }
  const ctx: ReadContext = { file, yaml, problems, timeZone: FALLBACK_TIMEZONE };
  problems.push(...yamlTextProblems(yaml, file, { singleLine: true }));
  const r = new FieldReader(yaml.value, ctx);
  r.warnUnknown(SITE_FIELDS);

  const languages: string[] = [];
  const langList = r.list('languages', { required: true, example: 'languages: [sv, en, fi]' });
  langList?.forEach((code, i) => {
    const s = String(code);
    const lookAlike = nonAsciiIdProblem(s);
    if (lookAlike) r.problem(lookAlike.code, ['languages', i], lookAlike.params);
    else if (!LANG_RE.test(s)) r.problem('lang.code', ['languages', i], { value: s });
    else if (languages.includes(s)) r.problem('lang.duplicate', ['languages', i], { value: s });
    else languages.push(s);
  });
  if (langList && langList.length === 0) r.problem('list.empty', 'languages');

  let timeZone = r.string('timezone', { required: true, example: 'timezone: Europe/Stockholm' });
  if (timeZone !== undefined && !isValidTimeZone(timeZone)) {
    r.problem('timezone.invalid', 'timezone', { value: timeZone });
    timeZone = undefined;
  }

  const sender = r.string('sender', { required: true, example: 'sender: Kalix kommun' });
  const title = r.localized('title', { required: true, languages, example: 'title: Information om it-angreppet' });
  const description = r.localized('description', { languages });
  const url = readSiteUrl(r);
  const logo = r.string('logo');
  if (logo !== undefined && !fileExists(logo)) r.problem('logo.missing', 'logo', { value: logo });

  const contacts: Contact[] = [];
  const contactReaders = r.entries('contacts', { required: true, example: 'contacts: (se README)' });
  if (r.has('contacts') && Array.isArray(r.obj.contacts) && r.obj.contacts.length === 0) r.problem('list.empty', 'contacts');
  for (const c of contactReaders) {
    c.warnUnknown(CONTACT_FIELDS);
    const name = c.localized('name', { required: true, languages, example: 'name: Tillfällig växel' });
    const phone = readPhone(c);
    const email = c.string('email');
    if (email !== undefined && !EMAIL_RE.test(email)) c.problem('email.invalid', 'email', { value: email });
    const hours = c.localized('hours', { languages });
    const curl = c.string('url');
    if (curl !== undefined && !isAbsoluteHttpUrl(curl)) c.problem('url.invalid', 'url', { value: curl });
    if (phone === undefined && email === undefined && !c.has('phone') && !c.has('email')) {
      c.problem('warn.contact-unreachable', undefined, {}, 'warning');
    }
    if (name !== undefined) contacts.push({ name, phone, email, hours, url: curl });
  }

  const channels: Channel[] = [];
  for (const c of r.entries('channels')) {
    c.warnUnknown(CHANNEL_FIELDS);
    const name = c.localized('name', { required: true, languages });
    const curl = c.string('url', { required: true, example: 'url: https://www.facebook.com/kalixkommun' });
    if (curl !== undefined && !isAbsoluteHttpUrl(curl)) c.problem('url.invalid', 'url', { value: curl });
    else if (name !== undefined && curl !== undefined) channels.push({ name, url: curl });
  }
  const securityContact = readSecurityContact(r);

  const langs = languages.length ? languages : ['sv'];
  const tz = timeZone ?? FALLBACK_TIMEZONE;
  const complete = languages.length > 0 && contacts.length > 0 && contacts.length === contactReaders.length;
  const site: Site | undefined =
    sender && title && url && timeZone && complete
      ? { sender, title, description, url, timezone: timeZone, logo, languages, contacts, channels, securityContact }
      : undefined;
  return { site, problems, languages: langs, timeZone: tz, languagesKnown: languages.length > 0 };
}

/**
 * The languages of a site.yaml with a YAML error elsewhere: the `languages:` line (and the lines
 * indented under it) read on their own, since the error may have thrown the rest out of shape.
 */
function guessedLanguages(text: string): { languages: string[]; languagesKnown: boolean } | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^languages:/.test(l));
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < lines.length && /^(\s+|$)/.test(lines[end]!)) end++;
  let list: unknown;
  try {
    list = (parse(lines.slice(start, end).join('\n'), { schema: 'core' }) as Record<string, unknown> | null)?.languages;
  } catch {
    return undefined;
  }
  if (!Array.isArray(list) || !list.length || !list.every((l) => typeof l === 'string' && LANG_RE.test(l))) return undefined;
  return { languages: [...new Set(list as string[])], languagesKnown: true };
}

/**
 * `url`: https (http only with a warning: anyone on the way could change the pages), no user name
 * or password (they would be published in every link and feed). Normalised to end in '/'.
 */
function readSiteUrl(r: FieldReader): string | undefined {
  const url = r.string('url', { required: true, example: 'url: https://kalix-info.example.org/' });
  if (url === undefined) return undefined;
  if (!isAbsoluteHttpUrl(url)) {
    r.problem('url.invalid', 'url', { value: url });
    return undefined;
  }
  const u = new URL(url);
  if (u.username || u.password) {
    r.problem('url.credentials', 'url', { value: url });
    return undefined;
  }
  if (u.protocol === 'http:') r.problem('warn.url-http', 'url', { value: url }, 'warning');
  return normalisedUrl(url);
}

/** An absolute address without query or fragment, its path ending in '/' (site.yaml and publish.yaml `url`). */
export function normalisedUrl(url: string): string {
  const u = new URL(url);
  u.search = '';
  u.hash = '';
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  return u.toString();
}

/** `securityContact` goes into security.txt as its Contact: an e-mail address (or mailto:) or an https address. */
function readSecurityContact(r: FieldReader): string | undefined {
  const contact = r.string('securityContact');
  if (contact === undefined) return undefined;
  // An address with a scheme is a URL (`https://name:password@host/` looks like an e-mail address too).
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(contact)?.[1]?.toLowerCase();
  if (scheme === undefined ? EMAIL_RE.test(contact) : scheme === 'mailto' && EMAIL_RE.test(contact.slice('mailto:'.length))) return contact;
  try {
    const u = new URL(contact);
    if (u.protocol === 'https:' && u.hostname && !u.username && !u.password) return contact;
  } catch {
    // not a URL at all: the message below says what is accepted
  }
  r.problem('security-contact.invalid', 'securityContact', { value: contact });
  return undefined;
}

function readPhone(c: FieldReader): string | undefined {
  const v = c.obj.phone;
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') {
    c.problem('field.phone-number', 'phone');
    return undefined;
  }
  const phone = c.string('phone');
  if (phone !== undefined && !PHONE_RE.test(phone)) c.problem('phone.invalid', 'phone', { value: phone });
  return phone;
}
