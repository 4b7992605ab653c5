// The phishing warning for staff bulletins: requests are flagged, the reassuring line is not.
import { describe, expect, it } from 'vitest';
import { phishingMatch } from '../src/lib/warnings.ts';

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
