// What `verify` (and the table of `publish`) says about a result, in Swedish or English: one line
// per file that differs, then a verdict in one line.
import { fill, type MessageLang } from '../content/messages.ts';
import type { VerifyResult } from './verify-release.ts';

const WORDS = {
  sv: {
    genuine: 'ÄKTA',
    notGenuine: 'INTE ÄKTA',
    unchecked: 'KAN INTE KONTROLLERAS',
    changed: 'ändrad',
    missing: 'saknas',
    unlisted: 'olistad',
    count: 'antal',
    linkedFrom: 'länkas från',
    countText: 'signaturen säger {signed} filer, SHA256SUMS listar {listed}',
    ok: '{location} är releasen från {date} ({files} filer), signerad med nyckel {key}; alla filer stämmer.',
    unreachable: '{location} svarar inte ({detail}).',
    noRelease: '{location} har ingen signerad release ({detail} saknas).',
    signature: 'signaturen på {sums} stämmer inte med nyckel {key} ({detail}).',
    sumsFormat: 'SHA256SUMS på {location} går inte att läsa ({detail}).',
    mismatch: '{location}: {counts} (release från {date}, nyckel {key}).',
    nChanged: ['{n} ändrad', '{n} ändrade'],
    nMissing: ['{n} saknas', '{n} saknas'],
    nUnlisted: ['{n} olistad', '{n} olistade'],
    nCount: 'fel antal filer',
    unknownDate: 'okänd tid',
    reasons: {
      'signed with another key': 'signerad med en annan nyckel',
      'signature verification failed': 'signaturen hör inte till filen',
      'trusted comment verification failed': 'den betrodda kommentaren är ändrad',
      'not a minisign signature': 'ingen minisign-signatur',
      'unsupported signature algorithm': 'okänd signaturalgoritm',
    } as Record<string, string>,
  },
  en: {
    genuine: 'GENUINE',
    notGenuine: 'NOT GENUINE',
    unchecked: 'CANNOT BE CHECKED',
    changed: 'changed',
    missing: 'missing',
    unlisted: 'unlisted',
    count: 'count',
    linkedFrom: 'linked from',
    countText: 'the signature says {signed} files, SHA256SUMS lists {listed}',
    ok: '{location} is the release of {date} ({files} files), signed with key {key}; every file matches.',
    unreachable: '{location} does not answer ({detail}).',
    noRelease: '{location} has no signed release ({detail} is missing).',
    signature: 'the signature of {sums} does not match key {key} ({detail}).',
    sumsFormat: 'SHA256SUMS at {location} cannot be read ({detail}).',
    mismatch: '{location}: {counts} (release of {date}, key {key}).',
    nChanged: ['{n} changed', '{n} changed'],
    nMissing: ['{n} missing', '{n} missing'],
    nUnlisted: ['{n} unlisted', '{n} unlisted'],
    nCount: 'wrong file count',
    unknownDate: 'unknown time',
    reasons: {} as Record<string, string>,
  },
} satisfies Record<MessageLang, unknown>;

function count([one, many]: string[], n: number): string {
  return fill(n === 1 ? one! : many!, { n });
}

/** One line per file that differs (and for a wrong count), e.g. `  ändrad   index.html`. */
export function differenceLines(r: VerifyResult, lang: MessageLang = 'sv'): string[] {
  const w = WORDS[lang];
  const width = Math.max(w.changed.length, w.missing.length, w.unlisted.length, w.count.length) + 2;
  const line = (label: string, text: string) => `  ${label.padEnd(width)}${text}`;
  return [
    ...r.changed.map((f) => line(w.changed, f)),
    ...r.missing.map((f) => line(w.missing, f)),
    ...r.unlisted.map((u) => line(w.unlisted, u.linkedFrom ? `${u.path} (${w.linkedFrom} ${u.linkedFrom})` : u.path)),
    ...(r.countMismatch ? [line(w.count, fill(w.countText, r.countMismatch))] : []),
  ];
}

/** Why the result is not the release, in a few words (no verdict word): for publish's table. */
export function shortReason(r: VerifyResult, lang: MessageLang = 'sv'): string {
  const w = WORDS[lang];
  if (r.failure) return verdictLine(r, lang).replace(/^[^:]+: /, '');
  const counts = [
    r.changed.length && count(w.nChanged, r.changed.length),
    r.missing.length && count(w.nMissing, r.missing.length),
    r.unlisted.length && count(w.nUnlisted, r.unlisted.length),
    r.countMismatch && w.nCount,
  ].filter(Boolean);
  return counts.join(', ');
}

export function verdictLine(r: VerifyResult, lang: MessageLang = 'sv'): string {
  const w = WORDS[lang];
  const detail = r.failure ? (w.reasons[r.failure.detail] ?? r.failure.detail) : '';
  const params = { location: r.location, sums: `${r.location.replace(/\/?$/, '/')}SHA256SUMS`, key: r.keyId, date: r.release?.date ?? w.unknownDate, files: r.listed, detail };
  if (r.failure) {
    if (r.failure.kind === 'unreachable') return `${w.unchecked}: ${fill(w.unreachable, params)}`;
    if (r.failure.kind === 'no-release') return `${w.notGenuine}: ${fill(w.noRelease, params)}`;
    if (r.failure.kind === 'signature') return `${w.notGenuine}: ${fill(w.signature, params)}`;
    return `${w.notGenuine}: ${fill(w.sumsFormat, params)}`;
  }
  if (r.ok) return `${w.genuine}: ${fill(w.ok, params)}`;
  return `${w.notGenuine}: ${fill(w.mismatch, { ...params, counts: shortReason(r, lang) })}`;
}
