// The advice the officer gets for the mistakes people make writing content by hand, word for word in
// Swedish and English: YAML slips (a colon or comma inside a text, a quote never closed, `audience:
// public, staff`, a missing space, wrong indentation, ...), an unfilled template, an untranslated
// stub, and the earlier cases of check-table.test.ts. Each case breaks a copy of the officer fixture
// and reads it as `check` does. A YAML mistake must give exactly one error (no errors that follow
// from it, in the file's translations or elsewhere), and no English parser text.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/lib/content/load-content.ts';
import { messageFor, type MessageLang } from '../src/lib/content/messages.ts';
import { formatReport, type Problem } from '../src/lib/content/problems.ts';
import { findWarnings } from '../src/lib/site/warnings.ts';
import { fileLocator } from '../src/lib/cli/locate.ts';
import { copyFixture } from './helpers/content-tree.ts';

const NOW = new Date('2022-06-01T12:00:00Z');
const IT = 'bulletins/2021-12-16-it-angrepp.md';
const IT_EN = 'bulletins/2021-12-16-it-angrepp.en.md';
const LIB = 'bulletins/2021-12-18-bibliotek.md';
const LIB_EN = 'bulletins/2021-12-18-bibliotek.en.md';

const edit = (file: string, f: (s: string) => string) => (dir: string) => {
  const p = path.join(dir, file);
  writeFileSync(p, f(readFileSync(p, 'utf8')));
};
const replace = (file: string, from: string | RegExp, to: string) => edit(file, (s) => {
  const out = s.replace(from, to);
  if (out === s) throw new Error(`${String(from)} not found in ${file}`);
  return out;
});
const afterTitle = (file: string, line: string) => replace(file, /^(title: .*)$/m, `$1\n${line}`);
const write = (file: string, text: string) => (dir: string) => writeFileSync(path.join(dir, file), text);

interface Case {
  name: string;
  break: (dir: string) => void;
  code: string;
  file: string;
  line?: number;
  field?: string;
  level?: 'error' | 'warning';
  /** The message and what to do, as `text → fix`. */
  sv: string;
  en: string;
  /** The only error in the content: nothing follows from the mistake. */
  alone?: boolean;
}

const yamlCases: Case[] = [
  {
    name: 'a comma inside { } in hours',
    break: replace('site.yaml', '    phone: "+46 923 650 00"', '    phone: "+46 923 650 00"\n    hours: { sv: Vardagar 16–08, helger dygnet runt, en: Weekdays }'),
    code: 'yaml.comma-in-braces', file: 'site.yaml', line: 12, field: 'contacts[0].hours', alone: true,
    sv: 'Ett komma inom { } delar värdet: "helger dygnet runt" blev ett eget fält utan värde. → Sätt texten inom citattecken: sv: "Vardagar 16–08, helger dygnet runt". Eller skriv varje del på en egen rad, utan { }.',
    en: 'A comma inside { } splits the value: "helger dygnet runt" became a field of its own, with no value. → Put the text in quotes: sv: "Vardagar 16–08, helger dygnet runt". Or write each part on a line of its own, without { }.',
  },
  {
    name: 'a comma inside { } in a name of services.yaml',
    break: replace('services.yaml', 'name: { sv: Hemtjänst, en: Home care }', 'name: { sv: Hemtjänst, hemsjukvård, en: Home care }'),
    code: 'yaml.comma-in-braces', file: 'services.yaml', line: 4, field: '[1].name', alone: true,
    sv: 'Ett komma inom { } delar värdet: "hemsjukvård" blev ett eget fält utan värde. → Sätt texten inom citattecken: sv: "Hemtjänst, hemsjukvård". Eller skriv varje del på en egen rad, utan { }.',
    en: 'A comma inside { } splits the value: "hemsjukvård" became a field of its own, with no value. → Put the text in quotes: sv: "Hemtjänst, hemsjukvård". Or write each part on a line of its own, without { }.',
  },
  {
    name: 'a comma inside { } in a bulletin’s services',
    break: replace('bulletins/2021-12-17-hemtjanst.md', 'services: { hemtjanst: manual }', 'services: { hemtjanst: manual, ekonomi }'),
    code: 'yaml.flow-missing-value', file: 'bulletins/2021-12-17-hemtjanst.md', line: 5, field: 'services', alone: true,
    sv: '"ekonomi" inom { } har inget kolon och inget värde. → Skriv värdet efter ett kolon, t.ex. ekonomi: down. Hör kommat till en text, sätt texten inom citattecken.',
    en: '"ekonomi" inside { } has no colon and no value. → Write the value after a colon, e.g. ekonomi: down. If the comma belongs to a text, put the text in quotes.',
  },
  {
    name: 'a forgotten closing quote (the translations get no errors from it)',
    break: replace(IT, /^title: .*$/m, 'title: "Kommunen har drabbats av ett it-angrepp'),
    code: 'yaml.quote-unclosed', file: IT, line: 3, field: 'title', alone: true,
    sv: 'Citattecknet " före texten avslutas aldrig, så allt efter det läses som en del av texten. → Sätt ett " efter texten: title: "Kommunen har drabbats av ett it-angrepp"',
    en: 'The quote " before the text is never closed, so everything after it is read as part of the text. → Put a " after the text: title: "Kommunen har drabbats av ett it-angrepp"',
  },
  {
    name: 'a colon inside an unquoted text',
    break: replace(LIB, /^title: .*$/m, 'title: Varning: falska sms'),
    code: 'yaml.colon-in-value', file: LIB, line: 2, field: 'title', alone: true,
    sv: 'Texten innehåller kolon följt av mellanslag, och då läses resten som ett nytt fält. → Sätt texten inom citattecken: title: "Varning: falska sms"',
    en: 'The text contains a colon followed by a space, so the rest is read as a new field. → Put the text in quotes: title: "Varning: falska sms"',
  },
  {
    name: 'audience: public, staff',
    break: afterTitle(LIB, 'audience: public, staff'),
    code: 'field.list-brackets', file: LIB, line: 3, field: 'audience', alone: true,
    sv: 'Flera värden ska stå inom [ ]; utan dem läses de som en enda text. → Skriv audience: [public, staff]',
    en: 'Several values go inside [ ]; without them they are read as one text. → Write audience: [public, staff]',
  },
  {
    name: 'no space after the colon',
    break: afterTitle(LIB, 'pinned:true'),
    code: 'yaml.missing-space', file: LIB, line: 3, field: 'pinned', alone: true,
    sv: 'Mellanslaget efter kolonet saknas. → Skriv ett mellanslag efter kolonet: pinned: true',
    en: 'The space after the colon is missing. → Write a space after the colon: pinned: true',
  },
  {
    name: 'no colon at all',
    break: afterTitle(LIB, 'pinned true'),
    code: 'yaml.missing-colon', file: LIB, line: 3, field: 'pinned', alone: true,
    sv: 'Kolonet efter fältets namn saknas. → Skriv namnet, ett kolon, ett mellanslag och värdet: pinned: true',
    en: 'The colon after the field name is missing. → Write the name, a colon, a space and the value: pinned: true',
  },
  {
    name: 'a field indented under the one before',
    break: replace(LIB, /^summary:/m, '  summary:'),
    code: 'yaml.indent', file: LIB, line: 4, alone: true,
    sv: 'Raden är indragen fel: den står inte rakt under raderna på samma nivå. → Använd lika många mellanslag som raderna ovanför på samma nivå: fälten i huvudet längst till vänster, raderna under t.ex. services: två mellanslag in.',
    en: 'The line is indented wrongly: it does not line up with the lines at its level. → Use as many spaces as the lines above at the same level: header fields at the left edge, the lines under e.g. services: two spaces in.',
  },
  {
    name: 'an update field out of line',
    break: replace(IT, '    text: >-', '     text: >-'),
    code: 'yaml.indent', file: IT, line: 13, alone: true,
    sv: 'Raden är indragen fel: den står inte rakt under raderna på samma nivå. → Använd lika många mellanslag som raderna ovanför på samma nivå: fälten i huvudet längst till vänster, raderna under t.ex. services: två mellanslag in.',
    en: 'The line is indented wrongly: it does not line up with the lines at its level. → Use as many spaces as the lines above at the same level: header fields at the left edge, the lines under e.g. services: two spaces in.',
  },
  {
    name: 'text after the closing quote',
    break: replace(LIB, /^title: .*$/m, 'title: "Varning" för falska sms'),
    code: 'yaml.text-after-quote', file: LIB, line: 2, field: 'title', alone: true,
    sv: 'Texten fortsätter efter det avslutande citattecknet. → Sätt hela texten inom citattecken: title: \'"Varning" för falska sms\'',
    en: 'The text goes on after the closing quote. → Put the whole text in quotes: title: \'"Varning" för falska sms\'',
  },
  {
    name: 'an apostrophe inside single quotes',
    break: replace(LIB, /^title: .*$/m, "title: 'Kalix' bibliotek har öppet'"),
    code: 'yaml.text-after-quote', file: LIB, line: 2, field: 'title', alone: true,
    sv: 'Texten fortsätter efter det avslutande citattecknet. → Sätt hela texten inom citattecken: title: "Kalix\' bibliotek har öppet"',
    en: 'The text goes on after the closing quote. → Put the whole text in quotes: title: "Kalix\' bibliotek har öppet"',
  },
  {
    name: 'a text starting with *',
    break: replace(LIB, /^title: .*$/m, 'title: *Viktigt* om biblioteket'),
    code: 'yaml.special-start', file: LIB, line: 2, field: 'title', alone: true,
    sv: 'Texten börjar med *, som i YAML betyder något annat än text. → Sätt texten inom citattecken: title: "*Viktigt* om biblioteket"',
    en: 'The text starts with *, which means something other than text in YAML. → Put the text in quotes: title: "*Viktigt* om biblioteket"',
  },
  {
    name: 'a text starting with [',
    break: replace(LIB, /^title: .*$/m, 'title: [Viktigt] Biblioteket har öppet'),
    code: 'yaml.special-start', file: LIB, line: 2, field: 'title', alone: true,
    sv: 'Texten börjar med [, som i YAML betyder något annat än text. → Sätt texten inom citattecken: title: "[Viktigt] Biblioteket har öppet"',
    en: 'The text starts with [, which means something other than text in YAML. → Put the text in quotes: title: "[Viktigt] Biblioteket har öppet"',
  },
  {
    name: 'a list never closed with ]',
    break: afterTitle(LIB, 'audience: [public, staff'),
    code: 'yaml.bracket-unclosed', file: LIB, line: 3, field: 'audience', alone: true,
    sv: 'En ] saknas: listan eller { } som börjar här stängs aldrig. → Avsluta den på samma rad: audience: [public, staff]',
    en: 'A ] is missing: the list or { } that starts here is never closed. → Close it on the same line: audience: [public, staff]',
  },
  {
    name: 'a field written twice',
    break: afterTitle(LIB, 'title: Biblioteket öppnar'),
    code: 'yaml.duplicate-key', file: LIB, line: 3, field: 'title', alone: true,
    sv: 'Fältet "title" står två gånger. → Ta bort det ena och behåll det som ska gälla.',
    en: 'The field "title" is written twice. → Remove one and keep the one that should apply.',
  },
  {
    name: 'a YAML error in site.yaml (services and translations get no errors from it)',
    break: replace('site.yaml', /^sender: .*$/m, 'sender: Kalix kommun: krisledningen'),
    code: 'yaml.colon-in-value', file: 'site.yaml', line: 2, field: 'sender', alone: true,
    sv: 'Texten innehåller kolon följt av mellanslag, och då läses resten som ett nytt fält. → Sätt texten inom citattecken: sender: "Kalix kommun: krisledningen"',
    en: 'The text contains a colon followed by a space, so the rest is read as a new field. → Put the text in quotes: sender: "Kalix kommun: krisledningen"',
  },
  {
    name: 'a language key site.yaml does not list',
    break: replace('site.yaml', '  en: Information about the IT attack', '  en: Information about the IT attack\n  de: Informationen'),
    code: 'lang.unknown-key', file: 'site.yaml', line: 6, field: 'title.de', alone: true,
    sv: 'Språket "de" finns inte bland språken i site.yaml (sv, en, fi). → Rätta språkkoden, ta bort raden eller lägg till språket under languages i site.yaml.',
    en: 'The language "de" is not among the languages in site.yaml (sv, en, fi). → Correct the language code, remove the line or add the language to languages in site.yaml.',
  },
  {
    name: 'a misspelt field (pinnned)',
    break: afterTitle(LIB, 'pinnned: true'),
    code: 'field.unknown-near', file: LIB, line: 3, field: 'pinnned', level: 'warning',
    sv: 'Okänt fält: menar du pinned? → Rätta stavningen till pinned. Ett okänt fält används inte, så det du skrev där gäller inte nu.',
    en: 'Unknown field: did you mean pinned? → Correct the spelling to pinned. An unknown field is not used, so what you wrote there has no effect now.',
  },
];

const templateCases: Case[] = [
  {
    name: 'an empty template heading in a bulletin that is not a draft',
    break: edit(LIB, (s) => `${s}\n## Vad ska jag göra?\n\n_Skriv vad läsaren ska göra, det viktigaste först._\n\n## Vart vänder jag mig?\n\nRing växeln.\n`),
    code: 'body.heading-empty', file: LIB, line: 8, field: 'body', alone: true,
    sv: 'Rubriken "Vad ska jag göra?" har inget svar under sig (ingen text, eller bara mallens hjälptext). → Skriv svaret under rubriken eller ta bort rubriken. Ett meddelande med tomma rubriker publiceras inte (utkast får ha dem).',
    en: 'The heading "Vad ska jag göra?" has no answer under it (no text, or only the template’s guidance). → Write the answer under the heading or remove the heading. A bulletin with empty headings is not published (a draft may have them).',
  },
  {
    name: 'the template’s guidance left beside an answer',
    break: edit(LIB, (s) => `${s}\n## Vad har hänt?\n\n_Skriv kort vad som har hänt, var och när._\n\nBiblioteket öppnade i dag.\n`),
    code: 'body.template-guidance', file: LIB, line: 10, field: 'body', alone: true,
    sv: 'Mallens hjälptext står kvar: "Skriv kort vad som har hänt, var och när." → Ta bort hjälptexten; annars publiceras den som den står.',
    en: 'The template’s guidance is still there: "Skriv kort vad som har hänt, var och när." → Remove the guidance; otherwise it is published as it stands.',
  },
  {
    name: 'a translation stub still in the original’s words',
    break: write(LIB_EN, '---\ntitle: Biblioteket har öppet\nsummary: Biblioteket har öppet som vanligt, men lån registreras för hand.\n---\nTa med lånekortet.\n'),
    code: 'warn.translation-unchanged', file: LIB_EN, level: 'warning',
    sv: 'Översättningen är inte gjord än: title, summary, body är samma som i originalet. Den publiceras inte; läsarna ser originalet med en upplysning om att översättning saknas. → Skriv översättningen över originalets text och spara.',
    en: 'The translation is not done yet: title, summary, body is the same as in the original. It is not published; readers see the original with a notice that a translation is missing. → Write the translation over the original’s text and save.',
  },
];

// The earlier cases (check-table.test.ts), now with their exact words.
const earlierCases: Case[] = [
  {
    name: 'missing required field', break: replace(LIB, /^summary: .*\n/m, ''), code: 'field.required', file: LIB, line: 2, field: 'summary',
    sv: 'Fältet saknas men måste finnas. → Lägg till fältet, t.ex. summary: Fakturor kan betalas igen.',
    en: 'The field is missing but required. → Add the field, e.g. summary: Fakturor kan betalas igen.',
  },
  {
    name: 'unparsable date', break: replace(LIB, /^published: .*$/m, 'published: igår klockan tio'), code: 'date.format', file: LIB, line: 3, field: 'published',
    sv: '"igår klockan tio" är inte ett datum i formen ÅÅÅÅ-MM-DDTHH:MM. → Skriv t.ex. 2022-01-07T16:00 (lokal tid) eller 2022-01-07T16:00:00+01:00.',
    en: '"igår klockan tio" is not a date of the form YYYY-MM-DDTHH:MM. → Write e.g. 2022-01-07T16:00 (local time) or 2022-01-07T16:00:00+01:00.',
  },
  {
    name: '32 december', break: replace(LIB, /^published: .*$/m, 'published: 2021-12-32'), code: 'date.range', file: LIB, line: 3, field: 'published',
    sv: '"2021-12-32" är inget riktigt datum eller klockslag (t.ex. dag 32 eller timme 25). → Kontrollera dag, månad och klockslag.',
    en: '"2021-12-32" is not a real date or time (e.g. day 32 or hour 25). → Check the day, month and time.',
  },
  {
    name: 'unknown severity', break: afterTitle(LIB, 'severity: huge'), code: 'value.unknown', file: LIB, line: 3, field: 'severity',
    sv: '"huge" är inget tillåtet värde. → Välj ett av: info, warning, critical.',
    en: '"huge" is not an allowed value. → Choose one of: info, warning, critical.',
  },
  {
    name: 'unknown status', break: replace(IT, 'ekonomi: down', 'ekonomi: broken'), code: 'value.unknown', file: IT, line: 9, field: 'services.ekonomi',
    sv: '"broken" är inget tillåtet värde. → Välj ett av: down, manual, degraded, operational.',
    en: '"broken" is not an allowed value. → Choose one of: down, manual, degraded, operational.',
  },
  {
    name: 'unknown service id', break: replace(IT, 'ekonomi: down', 'ekonmi: down'), code: 'service.unknown', file: IT, line: 9, field: 'services.ekonmi',
    sv: 'Tjänsten "ekonmi" finns inte i services.yaml. → Använd ett id från services.yaml (ekonomi, hemtjanst) eller lägg till tjänsten där.',
    en: 'The service "ekonmi" is not in services.yaml. → Use an id from services.yaml (ekonomi, hemtjanst) or add the service there.',
  },
  {
    name: 'tab in YAML', break: replace(IT, /^ {2}ekonomi: down/m, '\tekonomi: down'), code: 'yaml.tab', file: IT, line: 9, alone: true,
    sv: 'Raden är indragen med tabb; YAML tillåter bara mellanslag. → Byt tabben mot mellanslag (två per nivå).',
    en: 'The line is indented with a tab; YAML allows only spaces. → Replace the tab with spaces (two per level).',
  },
  {
    name: 'Windows-1252 file',
    break: (d) => writeFileSync(path.join(d, LIB), Buffer.from('---\ntitle: Biblioteket\npublished: 2021-12-18\nsummary: L\xe5n registreras f\xf6r hand.\n---\nText\n', 'latin1')),
    code: 'file.not-utf8', file: LIB, line: 4, alone: true,
    sv: 'Filen är inte sparad som UTF-8 (tecken på rad 4 går inte att läsa). → Spara filen igen med teckenkodningen UTF-8 (i Anteckningar: Spara som → Kodning: UTF-8).',
    en: 'The file is not saved as UTF-8 (characters on line 4 cannot be read). → Save the file again with the UTF-8 encoding (in Notepad: Save as → Encoding: UTF-8).',
  },
  {
    name: 'summary over 300 characters', break: replace(LIB, /^summary: .*$/m, `summary: ${'Lång text. '.repeat(30)}`), code: 'text.too-long', file: LIB, line: 4, field: 'summary',
    sv: 'Texten är 329 tecken lång; högst 300 tecken går. → Korta texten med 29 tecken.',
    en: 'The text is 329 characters long; at most 300 are allowed. → Shorten the text by 29 characters.',
  },
  {
    name: 'phone number without quotes', break: replace('site.yaml', 'phone: "+46 923 650 00"', 'phone: 092365000'), code: 'field.phone-number', file: 'site.yaml', line: 11, field: 'contacts[0].phone',
    sv: 'Telefonnumret står utan citattecken och läses som ett tal (en inledande nolla försvinner). → Sätt numret inom citattecken, t.ex. phone: "0923-650 00".',
    en: 'The phone number is not in quotes and is read as a number (a leading zero is lost). → Put the number in quotes, e.g. phone: "0923-650 00".',
  },
  {
    name: 'unknown time zone', break: replace('site.yaml', /^timezone: .*$/m, 'timezone: Europe/Kalix'), code: 'timezone.invalid', file: 'site.yaml', line: 7, field: 'timezone',
    sv: '"Europe/Kalix" är ingen känd tidszon. → Skriv t.ex. timezone: Europe/Stockholm',
    en: '"Europe/Kalix" is not a known time zone. → Write e.g. timezone: Europe/Stockholm',
  },
  {
    name: 'update without at', break: replace(IT, /- at: 2021-12-17T10:00\n {4}text:/, '- text:'), code: 'field.required', file: IT, line: 12, field: 'updates[0].at',
    sv: 'Fältet saknas men måste finnas. → Lägg till fältet, t.ex. at: 2022-01-07T16:00',
    en: 'The field is missing but required. → Add the field, e.g. at: 2022-01-07T16:00',
  },
  {
    name: 'translation changes published', break: afterTitle(IT_EN, 'published: 2021-12-16T10:00'), code: 'translation.published', file: IT_EN, line: 3, field: 'published',
    sv: 'Översättningen har en annan publiceringstid (2021-12-16T10:00:00+01:00) än originalet (2021-12-16T09:00:00+01:00). → Ta bort published ur översättningen; den ärvs från originalet.',
    en: 'The translation has another publication time (2021-12-16T10:00:00+01:00) than the original (2021-12-16T09:00:00+01:00). → Remove published from the translation; it is taken from the original.',
  },
  {
    name: 'no frontmatter', break: write(LIB, 'title: Biblioteket\n'), code: 'frontmatter.missing', file: LIB, line: 1, alone: true,
    sv: 'Filen börjar inte med ett huvud mellan två rader med ---. → Första raden ska vara --- följd av fälten (title, published, summary) och en rad med ---.',
    en: 'The file does not start with a header between two lines of ---. → The first line must be --- followed by the fields (title, published, summary) and a line with ---.',
  },
  {
    name: 'unclosed frontmatter', break: replace(LIB, /^---\nTa med/m, 'Ta med'), code: 'frontmatter.unclosed', file: LIB, line: 1, alone: true,
    sv: 'Huvudet avslutas aldrig med en rad med ---. → Lägg till en rad med bara --- efter sista fältet.',
    en: 'The header is never closed by a line of ---. → Add a line with only --- after the last field.',
  },
  {
    name: 'empty file', break: write(LIB, ''), code: 'file.empty', file: LIB, alone: true,
    sv: 'Filen är tom. → Skriv innehållet eller ta bort filen. Börja gärna med npm run new.',
    en: 'The file is empty. → Write the content or delete the file. npm run new gives you a template.',
  },
  {
    name: 'field of the wrong type', break: afterTitle(LIB, 'pinned: "ja"'), code: 'field.type', file: LIB, line: 3, field: 'pinned',
    sv: 'Värdet har fel form: här väntades true/false. → Skriv värdet som true/false, t.ex. pinned: true',
    en: 'The value has the wrong form: true/false was expected. → Write the value as true/false, e.g. pinned: true',
  },
  {
    name: 'two updates at the same time', break: replace(IT, /^nextUpdate:/m, '  - at: 2021-12-17T10:00\n    text: Igen.\nnextUpdate:'), code: 'update.duplicate-at', file: IT, line: 16, field: 'updates[1].at',
    sv: 'Två uppdateringar har samma tid (2021-12-17T10:00:00+01:00). → Ge varje uppdatering en egen tid; tiden är uppdateringens id i flödena.',
    en: 'Two updates have the same time (2021-12-17T10:00:00+01:00). → Give every update a time of its own; the time is the update’s id in the feeds.',
  },
  {
    name: 'language suffix not in site.yaml', break: write('bulletins/2021-12-18-bibliotek.de.md', '---\ntitle: Bibliothek\nsummary: Offen.\n---\n'), code: 'lang.unknown-suffix', file: 'bulletins/2021-12-18-bibliotek.de.md',
    sv: 'Språkkoden ".de" i filnamnet finns inte bland språken i site.yaml (sv, en, fi). → Byt filnamnets språkkod eller lägg till språket under languages i site.yaml.',
    en: 'The language code ".de" in the file name is not among the languages in site.yaml (sv, en, fi). → Change the language code in the file name or add the language to languages in site.yaml.',
  },
  {
    name: 'missing site.yaml', break: (d) => rmSync(path.join(d, 'site.yaml')), code: 'file.missing', file: 'site.yaml', alone: true,
    sv: 'Filen saknas. → Skapa filen; se README, avsnittet om innehållet.',
    en: 'The file is missing. → Create the file; see the README section on content.',
  },
];

function problemsOf(dir: string): Problem[] {
  const content = loadContent(dir);
  return [...content.problems, ...findWarnings(content, NOW, fileLocator(dir))];
}

const advice = (p: Problem, lang: MessageLang) => {
  const m = messageFor(p, lang);
  return `${m.text} → ${m.fix}`;
};

// English words of the YAML parser's own messages: none may reach the officer.
const PARSER_WORDS = /\b(mappings?|implicit|scalar|indicator|sequence|token|alias|anchor|flow|compact|nested|closing|unexpected)\b/i;

describe.each([
  ['YAML written by hand', yamlCases],
  ['templates and translations', templateCases],
  ['the earlier cases', earlierCases],
])('the officer’s advice: %s', (_group, cases) => {
  for (const c of cases) {
    it(c.name, () => {
      const dir = copyFixture();
      c.break(dir);
      const problems = problemsOf(dir);
      const match = problems.find((p) => p.code === c.code && p.file === c.file);
      expect(match, `no ${c.code} for ${c.file} in ${JSON.stringify(problems)}`).toBeDefined();
      expect(match!.level).toBe(c.level ?? 'error');
      if (c.line !== undefined) expect(match!.line).toBe(c.line);
      if (c.field !== undefined) expect(match!.field).toBe(c.field);
      expect(advice(match!, 'sv')).toBe(c.sv);
      expect(advice(match!, 'en')).toBe(c.en);
      if (c.alone) expect(problems.filter((p) => p.level === 'error'), 'errors that follow from the mistake').toEqual([match]);
      const report = formatReport(problems, 'sv', 'content');
      expect(report).not.toMatch(PARSER_WORDS);
      expect(report).not.toMatch(/\{\w+\}/);
    });
  }
});

describe('a translation stub', () => {
  it('is published once its texts are translated, with update texts still in the original shown as the original', () => {
    const dir = copyFixture();
    write(LIB_EN, '---\ntitle: The library is open\nsummary: Loans are registered by hand.\n---\nBring your library card.\n')(dir);
    const content = loadContent(dir);
    expect(content.problems.filter((p) => p.file === LIB_EN)).toEqual([]);
    expect(content.bulletins.find((g) => g.slug === '2021-12-18-bibliotek')!.versions.has('en')).toBe(true);

    write(IT_EN, '---\ntitle: The IT attack\nsummary: Systems are shut down.\nupdates:\n  - at: 2021-12-17T10:00\n    text: >-\n      Fakturor kan inte\n      betalas i dag.\n---\nCall the switchboard.\n')(dir);
    const en = loadContent(dir).bulletins.find((g) => g.slug === '2021-12-16-it-angrepp')!.versions.get('en')!;
    expect(en.updates[0]).toMatchObject({ textLang: 'sv' });
  });

  it('untouched, is left out: readers of that language get the original with its notice', () => {
    const dir = copyFixture();
    templateCases[2]!.break(dir);
    expect(loadContent(dir).bulletins.find((g) => g.slug === '2021-12-18-bibliotek')!.versions.has('en')).toBe(false);
  });
});

describe('the template check', () => {
  it('lets a draft keep its empty headings', () => {
    const dir = copyFixture();
    edit(LIB, (s) => s.replace(/^title: .*$/m, '$&\ndraft: true') + '\n## Vad ska jag göra?\n')(dir);
    expect(problemsOf(dir).filter((p) => p.level === 'error')).toEqual([]);
  });
});
