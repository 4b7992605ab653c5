// The starting point of a translation: the fields a translation carries (title, summary, body and
// the update texts with their `at`), pre-filled with the original as a guide, and comments that
// say what to translate and that every other field is taken from the original.
import { parseContentDate, toIsoWithOffset, toLocalMinute } from '../model/dates.ts';
import type { MessageLang } from '../content/messages.ts';
import type { Bulletin } from '../model/types.ts';
import { yamlString } from './yaml-text.ts';

function languageName(code: string, inLang: MessageLang): string {
  try {
    const name = new Intl.DisplayNames([inLang], { type: 'language', fallback: 'none' }).of(code);
    return name ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** `at` as the officer would write it, unless local time would not name the same instant. */
function atText(at: Date, timeZone: string): string {
  const local = toLocalMinute(at, timeZone);
  const back = parseContentDate(local, timeZone);
  return back.ok && back.date.getTime() === at.getTime() ? local : toIsoWithOffset(at, timeZone);
}

function textValue(key: string, text: string, indent: string): string[] {
  if (!text.includes('\n')) return [`${indent}${key}: ${yamlString(text)}`];
  return [`${indent}${key}: |-`, ...text.split('\n').map((l) => (l ? `${indent}  ${l}` : ''))];
}

export function translationStub(original: Bulletin, lang: string, timeZone: string, officerLang: MessageLang): string {
  const name = languageName(lang, officerLang);
  const from = languageName(original.lang, officerLang);
  const comments =
    officerLang === 'sv'
      ? [
          `# Översättning till ${name} av ${original.file}.`,
          `# Översätt title, summary, texten efter den andra raden med --- och varje uppdaterings text.`,
          `# Texten nedan är originalet (${from}), som stöd: skriv över den.`,
          `# Låt at stå som den står: den kopplar översättningen till rätt uppdatering.`,
          `# Alla andra fält (published, severity, audience, services, pinned, image ...) ärvs från originalet:`,
          `# skriv dem inte här. Saknas en uppdatering här visas originalets text för den.`,
          `# Så länge title, summary eller texten är samma som i originalet publiceras översättningen inte:`,
          `# läsarna ser då originalet med en upplysning om att översättning saknas.`,
        ]
      : [
          `# Translation into ${name} of ${original.file}.`,
          `# Translate title, summary, the text after the second line of --- and the text of every update.`,
          `# The text below is the original (${from}), as a guide: write over it.`,
          `# Leave each at as it is: it ties the translation to the right update.`,
          `# Every other field (published, severity, audience, services, pinned, image ...) is taken from`,
          `# the original: do not write them here. An update missing here shows the original's text.`,
          `# While title, summary or the text is the same as the original's, the translation is not published:`,
          `# readers then see the original with a notice that the translation is missing.`,
        ];
  const lines = ['---', ...comments, ...textValue('title', original.title, ''), ...textValue('summary', original.summary, '')];
  // Oldest first, the way updates are usually written.
  const updates = [...original.updates].sort((a, b) => a.at.getTime() - b.at.getTime());
  if (updates.length) {
    lines.push('updates:');
    for (const u of updates) lines.push(`  - at: ${atText(u.at, timeZone)}`, ...textValue('text', u.text, '    '));
  }
  lines.push('---');
  const body = original.body.replace(/^\n+/, '');
  return `${lines.join('\n')}\n${body}${body.endsWith('\n') ? '' : '\n'}`;
}
