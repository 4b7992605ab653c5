// Phone numbers are shown as the officer wrote them ("+46 923 650 00") and dialled from a link
// with digits only (tel:+4692365000): some old phones refuse spaces or dashes in tel: links.
export function telHref(phone: string): string {
  const plus = phone.trim().startsWith('+') ? '+' : '';
  // "+46 (0)923 650 00": the (0) is dialled only from inside the country, never after +46.
  return `tel:${plus}${phone.replace(/\(0\)/, '').replace(/\D/g, '')}`;
}

/** The national numbers that work whatever happens to the municipality. */
export const NATIONAL_NUMBERS = [
  { key: 'national.112', phone: '112' },
  { key: 'national.11313', phone: '113 13' },
  { key: 'national.1177', phone: '1177' },
] as const;

/** A phone number found in running text: where it is, as written. */
export interface FoundPhone {
  start: number;
  end: number;
  /** As written in the text, e.g. "0923-650 00". */
  text: string;
}

// What counts as a phone number in body text. Full numbers need no context: a Swedish number starts
// with 0 and an area code (2–4 digits), then 5–8 digits ("0923-650 00", "08-123 456 78",
// "070-123 45 67", "0923 650 00", "092365000"); an international one starts with + or 00 and has
// 8–15 digits ("+46 923 650 00", "+46 (0)923-650 00", "+358 40 123 4567"). Dates (2022-01-20), times
// (08:00, 0800–1600: four digits after the dash are too few), years, postcodes (952 81), amounts
// (10 000 kr) and case numbers (KS-0123-45678, glued to letters or dashes) start otherwise or are too
// short. The national short numbers (112, 113 13, 114 14, 1177) are also counts, years and postcodes
// ("112 hushåll", "år 1177", "113 13 Stockholm"), so they are linked only after a word for calling
// ("ring 112", "call 112", "soita 112", up to three words between) or a colon ("Sjukvårdsrådgivning: 1177").
const BEFORE = String.raw`(?<![\p{L}\p{N}_+\-–/.,])`;
const AFTER = String.raw`(?![\p{L}\p{N}_]|[\-–/.,:]\p{N})`;
const SWEDISH = String.raw`0[1-9]\d{0,2}(?:\s?[-–/]\s?|[ \u00a0])\d{2,8}(?:[ \u00a0]\d{2,4}){0,3}|0[1-9]\d{6,8}`;
const INTERNATIONAL = String.raw`(?:\+|00)[1-9]\d{0,2}(?:[ \u00a0-]?\(0\))?(?:[ \u00a0-]?\d{1,4}){2,6}`;
const SHORT = String.raw`112|113[ \u00a0]13|114[ \u00a0]14|1177`;
const CANDIDATE = new RegExp(`${BEFORE}(?:(${INTERNATIONAL})|(${SWEDISH})|(${SHORT}))${AFTER}`, 'gu');
const CALL_CONTEXT =
  /(?:(?<![\p{L}])(?:ring|ringa|ringer|ringt|ringde|call|phone|dial|soita|soittakaa|soittaa|numret|numren|nummer|number|numero|numeroon|numerhoon|tel|tfn|telefon|puhelin)[\s\u00a0]+(?:[\p{L}]+[\s\u00a0]+){0,3}|:[\s\u00a0]*)$/iu;

const digitsIn = (s: string) => s.replace(/\(0\)/, '').replace(/\D/g, '');

function validSwedish(s: string): boolean {
  const digits = digitsIn(s);
  if (digits.length < 8 || digits.length > 10) return false;
  if (/^\d+$/.test(s)) return true;
  const subscriber = digits.length - /^0\d+/.exec(s)![0].length;
  return subscriber >= 5 && subscriber <= 8;
}

function validInternational(s: string): boolean {
  const digits = digitsIn(s).replace(/^00/, '');
  return digits.length >= 8 && digits.length <= 15;
}

/** The longest valid number the match starts with, dropping trailing groups ("0923-650 00 15 januari"). */
function trimToValid(s: string, valid: (x: string) => boolean): string | undefined {
  let x = s;
  for (;;) {
    if (valid(x)) return x;
    const cut = x.replace(/[ \u00a0-]+\d+$/, '');
    if (cut === x) return undefined;
    x = cut;
  }
}

/**
 * Phone numbers in a piece of running text. `before` is the text that precedes it in the same
 * paragraph (another piece, e.g. before a **bold** number): it decides whether a short number follows
 * a word for calling.
 */
export function findPhoneNumbers(text: string, before = ''): FoundPhone[] {
  const found: FoundPhone[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const start = m.index;
    let number: string | undefined;
    if (m[1]) number = trimToValid(m[1], validInternational);
    else if (m[2]) number = trimToValid(m[2], validSwedish);
    else if (m[3] && CALL_CONTEXT.test(before + text.slice(0, start))) number = m[3];
    if (number) found.push({ start, end: start + number.length, text: number });
  }
  return found;
}
