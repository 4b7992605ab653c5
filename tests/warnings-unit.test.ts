// The phishing warning for staff bulletins: requests are flagged, the reassuring line is not. And
// the build's closing line about its warnings, in the grammar of one warning and of several.
import { describe, expect, it } from 'vitest';
import { shortWarnings } from '../src/lib/cli/build-report.ts';
import type { Problem } from '../src/lib/content/problems.ts';
import { phishingMatch } from '../src/lib/site/warnings.ts';

describe('phishingMatch', () => {
  it.each([
    ['Logga in och byt ditt lösenord i dag.', 'lösenord'],
    ['Skicka ditt lösenord till IT.', 'lösenord'],
    ['Please confirm your password here.', 'password'],
    ['Anna salasanasi.', 'salasanasi'],
    ['Vi ber aldrig om lösenord. Gå till https://kalix.example.org/sso/start', 'https://kalix.example.org/sso/start'],
  ])('flags %j', (text, hit) => {
    expect(phishingMatch(text)).toBe(hit);
  });

  it.each([
    'Kommunen ber aldrig om ditt lösenord via länk eller sms.',
    'The municipality never asks for your password by link or SMS.',
    'Kunta ei koskaan kysy salasanaasi linkillä tai tekstiviestillä.',
    'Lönebesked delas ut på papper.',
    'Anställda har fått falska sms som säger att de måste byta lösenord via en länk.',
  ])('lets %j through', (text) => {
    expect(phishingMatch(text)).toBeUndefined();
  });
});

describe('shortWarnings: the last line of the build', () => {
  const warning: Problem = { level: 'warning', file: 'bulletins/a.md', line: 3, field: 'pinnned', code: 'field.unknown-near', params: { suggestion: 'pinned' } };
  it.each([
    [1, 'sv', '1 varning; den stoppar inte bygget. npm run check visar vad du gör åt den.'],
    [2, 'sv', '2 varningar; de stoppar inte bygget. npm run check visar vad du gör åt dem.'],
    [1, 'en', '1 warning; it does not stop the build. npm run check shows what to do about it.'],
    [2, 'en', '2 warnings; they do not stop the build. npm run check shows what to do about them.'],
  ] as const)('%i warning(s) in %s', (n, lang, last) => {
    const lines = shortWarnings(Array(n).fill(warning), lang, 'content').split('\n');
    expect(lines).toHaveLength(n + 1);
    expect(lines.at(-1)).toBe(last);
  });
});
