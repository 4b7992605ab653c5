// Every message the officer can get has Swedish and English text and a fix, and docs/officer.md
// lists them all as `npm run check -- --messages` prints them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGE_CODES, messageFor } from '../src/lib/content/messages.ts';
import { MESSAGE_LIST_END, MESSAGE_LIST_START, messageListMarkdown } from '../src/lib/cli/message-list.ts';
import { ROOT } from './helpers/build.ts';

describe('messages', () => {
  it.each(MESSAGE_CODES)('%s has text and a fix in sv and en', (code) => {
    for (const lang of ['sv', 'en'] as const) {
      const m = messageFor({ code, params: {} }, lang);
      expect(m.text.trim().length).toBeGreaterThan(5);
      expect(m.fix?.trim().length ?? 0).toBeGreaterThan(5);
    }
    expect(messageFor({ code, params: {} }, 'sv').text).not.toBe(messageFor({ code, params: {} }, 'en').text);
  });

  it('docs/officer.md has the full, current list', () => {
    const doc = readFileSync(path.join(ROOT, 'docs/officer.md'), 'utf8');
    const start = doc.indexOf(MESSAGE_LIST_START);
    const end = doc.indexOf(MESSAGE_LIST_END);
    expect(start, 'the list markers are missing').toBeGreaterThanOrEqual(0);
    expect(doc.slice(start, end + MESSAGE_LIST_END.length), 'regenerate with: npm run --silent check -- --messages').toBe(messageListMarkdown('sv'));
    for (const code of MESSAGE_CODES) expect(doc).toContain(`\`${code}\``);
  });

  it('docs/officer.en.md, the English twin, has the full, current list in English', () => {
    const doc = readFileSync(path.join(ROOT, 'docs/officer.en.md'), 'utf8');
    const start = doc.indexOf(MESSAGE_LIST_START);
    const end = doc.indexOf(MESSAGE_LIST_END);
    expect(start, 'the list markers are missing').toBeGreaterThanOrEqual(0);
    expect(doc.slice(start, end + MESSAGE_LIST_END.length), 'regenerate with: npm run --silent check -- --messages --lang en').toBe(messageListMarkdown('en'));
  });
});
