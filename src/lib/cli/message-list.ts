// The full list of messages, as Markdown for docs/officer.md: `npm run check -- --messages`
// prints it, and a test keeps the document in step with src/lib/content/messages.ts.
import { MESSAGE_CODES, messageFor, type MessageLang } from '../content/messages.ts';

export const MESSAGE_LIST_START = '<!-- messages:start (npm run check -- --messages) -->';
export const MESSAGE_LIST_END = '<!-- messages:end -->';

export function messageListMarkdown(lang: MessageLang = 'sv'): string {
  const rows = MESSAGE_CODES.map((code) => {
    const m = messageFor({ code, params: {} }, lang);
    const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\{(\w+)\}/g, '‹$1›');
    return `| \`${code}\` | ${cell(m.text)} | ${cell(m.fix ?? '')} |`;
  });
  const head = lang === 'sv' ? '| Kod | Meddelande | Vad du gör |' : '| Code | Message | What to do |';
  return [MESSAGE_LIST_START, '', head, '|---|---|---|', ...rows, '', MESSAGE_LIST_END].join('\n');
}
