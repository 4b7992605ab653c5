// Warnings: things that are valid content but probably not what the officer meant, or risky in a
// crisis. Pure functions over the loaded content and a moment; `npm run check` prints them with
// the errors. Line numbers come from an optional locator, since the model keeps no YAML positions.
import { headings } from '../model/markdown.ts';
import { toIsoWithOffset, toLocalMinute } from '../model/dates.ts';
import { isForStaff } from './derive.ts';
import { FALLBACK_TIMEZONE } from '../content/read-site.ts';
import type { Content } from '../content/load-content.ts';
import type { Problem } from '../content/problems.ts';
import type { Bulletin } from '../model/types.ts';

/** Finds the line of a field (a path such as ['nextUpdate']) or of a piece of text in a file. */
export interface Locator {
  field(file: string, path: readonly (string | number)[]): number | undefined;
  text(file: string, needle: string): number | undefined;
}

const noLocator: Locator = { field: () => undefined, text: () => undefined };

/**
 * Headings that answer "what should I do?", lower case without punctuation; a heading that starts
 * with one counts, in any language version (a Finnish heading in the Swedish file is still an answer).
 */
export const ACTION_HEADINGS = [
  'vad ska jag göra',
  'vad ska du göra',
  'vad behöver jag göra',
  'what should i do',
  'what do i need to do',
  'what should you do',
  'mitä minun pitää tehdä',
  'mitä minun tulee tehdä',
  'mitä minun täytyy tehdä',
  'mitä sinun pitää tehdä',
  // Meänkieli
  'mitä minun pittää tehhä',
  'mitä mie saan tehhä',
];

function normalizeHeading(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N} ]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

export function hasActionHeading(body: string): boolean {
  return headings(body).some((h) => {
    const n = normalizeHeading(h);
    return ACTION_HEADINGS.some((a) => n.startsWith(a));
  });
}

/**
 * Words and links that look like phishing in a message to staff: after an IT attack, the real
 * message never asks for a password or links to a login page, so a copy that does is an attack.
 */
const PHISHING_WORDS: RegExp[] = [
  /\blösenord\w*/iu,
  /\bpassword\w*/iu,
  /\bpasswd\b/iu,
  /\bsalasana\w*/iu,
  /\bpassord\w*/iu,
  /\blogga\s+in\b/iu,
  /\blog\s*in\b/iu,
  /\bsign\s*in\b/iu,
  /\bkirjaudu\w*/iu,
  /\bBankID\b/iu,
];
const LOGIN_URL = /https?:\/\/[^\s)\]>"]*(?:log-?in|log-?on|sign-?in|auth|sso|oauth|adfs|saml)[^\s)\]>"]*/iu;
/**
 * "We never ask for your password" is the line staff bulletins should carry, not phishing, and so
 * is a sentence describing the fake messages: a sentence that says "never" or "fake" warns. A login
 * link is suspicious whatever surrounds it.
 */
const REASSURANCE = /(^|[^\p{L}])(aldrig|never|koskaan|milloinkaan|aldri|ikinä|falsk\p{L}*|fake\p{L}*|bluff\p{L}*|nätfiske\p{L}*|phishing|huijau\p{L}*|väärenn\p{L}*|kalastelu\p{L}*)([^\p{L}]|$)/iu;

export function phishingMatch(text: string): string | undefined {
  // URLs first, so the message names the link rather than a word inside it.
  const url = LOGIN_URL.exec(text);
  if (url) return url[0];
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    if (REASSURANCE.test(sentence)) continue;
    for (const re of PHISHING_WORDS) {
      const m = re.exec(sentence);
      if (m) return m[0];
    }
  }
  return undefined;
}

function isPublished(b: Bulletin, now: Date): boolean {
  return !b.draft && b.published <= now;
}

export function findWarnings(content: Content, now: Date, locate: Locator = noLocator): Problem[] {
  const out: Problem[] = [];
  const timeZone = content.site?.timezone ?? FALLBACK_TIMEZONE;
  const languages = content.site?.languages ?? [];
  const warn: Warn = (b, code, field, line, params = {}) =>
    out.push({ level: 'warning', file: b.file, field, line, code, params });

  for (const group of content.bulletins) {
    const original = group.original;
    const published = isPublished(original, now);

    for (const b of group.versions.values()) {
      if (b.severity === 'critical' && !hasActionHeading(b.body)) warn(b, 'warn.critical-no-action', 'body', undefined);
      if (isForStaff(b)) staffPhishing(b, locate, warn);
    }

    const next = original.nextUpdate;
    if (published && next && next < now) {
      const params = { value: toIsoWithOffset(next, timeZone) };
      const line = locate.field(original.file, ['nextUpdate']);
      if (original.pinned) warn(original, 'warn.pinned-stale', 'nextUpdate', line, params);
      else warn(original, 'warn.next-update-past', 'nextUpdate', line, params);
    }

    if (published && original.severity === 'critical') {
      const missing = languages.filter((l) => !group.versions.has(l));
      if (missing.length) warn(original, 'warn.critical-untranslated', undefined, undefined, { value: missing.join(', ') });
    }

    for (const u of original.updates) {
      if (u.at < original.published) {
        warn(original, 'warn.update-before-published', `updates`, locate.text(original.file, toLocalMinute(u.at, timeZone)), { value: toIsoWithOffset(u.at, timeZone) });
      }
    }
  }
  return out;
}

type Warn = (b: Bulletin, code: Problem['code'], field: string | undefined, line: number | undefined, params?: Problem['params']) => void;

/** One warning per file at most: the first phishing-like word or link, with its line. */
function staffPhishing(b: Bulletin, locate: Locator, warn: Warn): void {
  const texts: [string, string | undefined][] = [
    ['title', b.title],
    ['summary', b.summary],
    ['sms', b.sms],
    ['body', b.body],
    // Update texts this file itself holds (a translation lacking one shows the original's).
    ...b.updates.filter((u) => u.textLang === b.lang).map((u): [string, string] => ['updates', u.text]),
  ];
  for (const [field, text] of texts) {
    const hit = text && phishingMatch(text);
    if (hit) {
      warn(b, 'warn.staff-phishing', field, locate.text(b.file, hit), { value: hit });
      return;
    }
  }
}
