// Every message `check` and the build can give, in Swedish (the officer's default) and English.
// Each has the problem in plain words and what to do about it. Placeholders: {name}.
import type { Problem } from './problems.ts';

export type MessageLang = 'sv' | 'en';

interface Message {
  text: string;
  fix?: string;
}

const catalog = {
  'content.missing': {
    sv: { text: 'Mappen med innehåll saknas: {dir}.', fix: 'Kontrollera att du står i projektmappen och att mappen content/ finns.' },
    en: { text: 'The content folder is missing: {dir}.', fix: 'Make sure you are in the project folder and that content/ exists.' },
  },
  'file.missing': {
    sv: { text: 'Filen saknas.', fix: 'Skapa filen; se README, avsnittet om innehållet.' },
    en: { text: 'The file is missing.', fix: 'Create the file; see the README section on content.' },
  },
  'file.unreadable': {
    sv: { text: 'Filen går inte att läsa ({detail}).', fix: 'Kontrollera att filen finns och att du har rätt att läsa den.' },
    en: { text: 'The file cannot be read ({detail}).', fix: 'Check that the file exists and that you may read it.' },
  },
  'file.not-utf8': {
    sv: { text: 'Filen är inte sparad som UTF-8 (tecken på rad {line} går inte att läsa).', fix: 'Spara filen igen med teckenkodningen UTF-8 (i Anteckningar: Spara som → Kodning: UTF-8).' },
    en: { text: 'The file is not saved as UTF-8 (characters on line {line} cannot be read).', fix: 'Save the file again with the UTF-8 encoding (in Notepad: Save as → Encoding: UTF-8).' },
  },
  'file.empty': {
    sv: { text: 'Filen är tom.', fix: 'Skriv innehållet eller ta bort filen. Börja gärna med npm run new.' },
    en: { text: 'The file is empty.', fix: 'Write the content or delete the file. npm run new gives you a template.' },
  },
  'file.too-large': {
    sv: { text: 'Filen är för stor ({size} kB, högst {max} kB).', fix: 'Dela upp texten, och lägg bilder som egna filer i stället för i texten.' },
    en: { text: 'The file is too large ({size} kB, at most {max} kB).', fix: 'Split the text, and put images in files of their own instead of in the text.' },
  },
  'file.name': {
    sv: { text: 'Filnamnet "{name}" går inte att använda i en webbadress.', fix: 'Använd bara a–z, 0–9 och bindestreck, t.ex. 2022-01-07-ekonomi.md.' },
    en: { text: 'The file name "{name}" cannot be used in a web address.', fix: 'Use only a–z, 0–9 and hyphens, e.g. 2022-01-07-finance.md.' },
  },
  'yaml.invalid': {
    sv: { text: 'YAML-koden går inte att läsa: {detail}', fix: 'Kontrollera indrag, kolon och citattecken på raden och raden före.' },
    en: { text: 'The YAML cannot be read: {detail}', fix: 'Check indentation, colons and quotes on this line and the one before.' },
  },
  'yaml.tab': {
    sv: { text: 'Raden är indragen med tabb; YAML tillåter bara mellanslag.', fix: 'Byt tabben mot mellanslag (två per nivå).' },
    en: { text: 'The line is indented with a tab; YAML allows only spaces.', fix: 'Replace the tab with spaces (two per level).' },
  },
  'frontmatter.missing': {
    sv: { text: 'Filen börjar inte med ett huvud mellan två rader med ---.', fix: 'Första raden ska vara --- följd av fälten (title, published, summary) och en rad med ---.' },
    en: { text: 'The file does not start with a header between two lines of ---.', fix: 'The first line must be --- followed by the fields (title, published, summary) and a line with ---.' },
  },
  'frontmatter.unclosed': {
    sv: { text: 'Huvudet avslutas aldrig med en rad med ---.', fix: 'Lägg till en rad med bara --- efter sista fältet.' },
    en: { text: 'The header is never closed by a line of ---.', fix: 'Add a line with only --- after the last field.' },
  },
  'yaml.not-map': {
    sv: { text: 'Här väntades fält med namn och värde (namn: värde), men något annat står här.', fix: 'Skriv varje fält på en egen rad som namn: värde.' },
    en: { text: 'Fields (name: value) were expected here, but something else is written.', fix: 'Write every field on a line of its own as name: value.' },
  },
  'yaml.not-list': {
    sv: { text: 'Här väntades en lista (rader som börjar med "- ").', fix: 'Skriv varje post på en egen rad som börjar med "- ".' },
    en: { text: 'A list was expected here (lines starting with "- ").', fix: 'Write every entry on a line of its own starting with "- ".' },
  },
  'field.required': {
    sv: { text: 'Fältet saknas men måste finnas.', fix: 'Lägg till fältet, t.ex. {example}' },
    en: { text: 'The field is missing but required.', fix: 'Add the field, e.g. {example}' },
  },
  'field.type': {
    sv: { text: 'Värdet har fel form: här väntades {expected}.', fix: 'Skriv värdet som {expected}, t.ex. {example}' },
    en: { text: 'The value has the wrong form: {expected} was expected.', fix: 'Write the value as {expected}, e.g. {example}' },
  },
  'field.unknown': {
    sv: { text: 'Fältet är okänt och används inte.', fix: 'Kontrollera stavningen. Kända fält: {known}.' },
    en: { text: 'The field is unknown and is not used.', fix: 'Check the spelling. Known fields: {known}.' },
  },
  'field.phone-number': {
    sv: { text: 'Telefonnumret står utan citattecken och läses som ett tal (en inledande nolla försvinner).', fix: 'Sätt numret inom citattecken, t.ex. phone: "0923-650 00".' },
    en: { text: 'The phone number is not in quotes and is read as a number (a leading zero is lost).', fix: 'Put the number in quotes, e.g. phone: "0923-650 00".' },
  },
  'field.empty': {
    sv: { text: 'Fältet är tomt.', fix: 'Skriv en text i fältet eller ta bort det.' },
    en: { text: 'The field is empty.', fix: 'Write a text in the field or remove it.' },
  },
  'text.too-long': {
    sv: { text: 'Texten är {length} tecken lång; högst {max} tecken går.', fix: 'Korta texten med {over} tecken.' },
    en: { text: 'The text is {length} characters long; at most {max} are allowed.', fix: 'Shorten the text by {over} characters.' },
  },
  'date.format': {
    sv: { text: '"{value}" är inte ett datum i formen ÅÅÅÅ-MM-DDTHH:MM.', fix: 'Skriv t.ex. 2022-01-07T16:00 (lokal tid) eller 2022-01-07T16:00:00+01:00.' },
    en: { text: '"{value}" is not a date of the form YYYY-MM-DDTHH:MM.', fix: 'Write e.g. 2022-01-07T16:00 (local time) or 2022-01-07T16:00:00+01:00.' },
  },
  'date.range': {
    sv: { text: '"{value}" är inget riktigt datum eller klockslag (t.ex. dag 32 eller timme 25).', fix: 'Kontrollera dag, månad och klockslag.' },
    en: { text: '"{value}" is not a real date or time (e.g. day 32 or hour 25).', fix: 'Check the day, month and time.' },
  },
  'date.updated-before-published': {
    sv: { text: 'Uppdaterad ({updated}) ligger före publicerad ({published}).', fix: 'Rätta datumen: updated kan inte vara före published.' },
    en: { text: 'Updated ({updated}) is before published ({published}).', fix: 'Correct the dates: updated cannot be before published.' },
  },
  'value.unknown': {
    sv: { text: '"{value}" är inget tillåtet värde.', fix: 'Välj ett av: {allowed}.' },
    en: { text: '"{value}" is not an allowed value.', fix: 'Choose one of: {allowed}.' },
  },
  'service.unknown': {
    sv: { text: 'Tjänsten "{value}" finns inte i services.yaml.', fix: 'Använd ett id från services.yaml ({allowed}) eller lägg till tjänsten där.' },
    en: { text: 'The service "{value}" is not in services.yaml.', fix: 'Use an id from services.yaml ({allowed}) or add the service there.' },
  },
  'service.id-format': {
    sv: { text: 'Id "{value}" får bara innehålla a–z, 0–9 och bindestreck.', fix: 'Skriv t.ex. id: hemtjanst.' },
    en: { text: 'The id "{value}" may only contain a–z, 0–9 and hyphens.', fix: 'Write e.g. id: home-care.' },
  },
  'service.duplicate': {
    sv: { text: 'Id "{value}" används av mer än en tjänst.', fix: 'Ge varje tjänst ett eget id.' },
    en: { text: 'The id "{value}" is used by more than one service.', fix: 'Give every service an id of its own.' },
  },
  'image.alt-missing': {
    sv: { text: 'Bilden saknar alternativtext (beskrivning för den som inte ser bilden).', fix: 'Beskriv bilden med några ord: i imageAlt för huvudbilden, mellan [ ] i ![text](bild.jpg) i texten. Skriv imageDecorative: true (bara huvudbilden) om bilden inte säger något som texten inte redan säger.' },
    en: { text: 'The image has no alternative text (a description for those who cannot see it).', fix: 'Describe the image in a few words: in imageAlt for the lead image, between [ ] in ![text](image.jpg) in the body. Write imageDecorative: true (lead image only) if the image says nothing the text does not.' },
  },
  'image.missing-file': {
    sv: { text: 'Bildfilen "{value}" finns inte.', fix: 'Kontrollera namnet och att bilden ligger i rätt mapp (sökvägen räknas från filen).' },
    en: { text: 'The image file "{value}" does not exist.', fix: 'Check the name and that the image is in the right folder (the path is relative to the file).' },
  },
  'image.outside-content': {
    sv: { text: 'Bilden "{value}" ligger utanför mappen content/.', fix: 'Lägg bilden i content/bulletins/images/ och hänvisa till den därifrån.' },
    en: { text: 'The image "{value}" is outside the content/ folder.', fix: 'Put the image in content/bulletins/images/ and refer to it from there.' },
  },
  'image.format': {
    sv: { text: 'Filen "{value}" är ingen bild som kan visas (jpg, png, webp, gif, avif eller svg går).', fix: 'Spara bilden som JPG eller PNG.' },
    en: { text: 'The file "{value}" is not an image that can be shown (jpg, png, webp, gif, avif or svg work).', fix: 'Save the image as JPG or PNG.' },
  },
  'lang.unknown-suffix': {
    sv: { text: 'Språkkoden ".{value}" i filnamnet finns inte bland språken i site.yaml ({allowed}).', fix: 'Byt filnamnets språkkod eller lägg till språket under languages i site.yaml.' },
    en: { text: 'The language code ".{value}" in the file name is not among the languages in site.yaml ({allowed}).', fix: 'Change the language code in the file name or add the language to languages in site.yaml.' },
  },
  'lang.code': {
    sv: { text: '"{value}" är ingen språkkod.', fix: 'Använd koder som sv, en, fi, fit.' },
    en: { text: '"{value}" is not a language code.', fix: 'Use codes such as sv, en, fi, fit.' },
  },
  'lang.duplicate': {
    sv: { text: 'Språket "{value}" står mer än en gång.', fix: 'Ta bort dubbletten.' },
    en: { text: 'The language "{value}" is listed more than once.', fix: 'Remove the duplicate.' },
  },
  'slug.duplicate': {
    sv: { text: 'Två filer har samma namn och språk: {other} och den här.', fix: 'Byt namn på den ena filen eller ta bort den.' },
    en: { text: 'Two files have the same name and language: {other} and this one.', fix: 'Rename one of the files or remove it.' },
  },
  'slug.reserved': {
    sv: { text: 'Sidnamnet "{value}" är upptaget av webbplatsen själv.', fix: 'Byt namn på filen (upptagna: {allowed}).' },
    en: { text: 'The page name "{value}" is taken by the site itself.', fix: 'Rename the file (taken: {allowed}).' },
  },
  'translation.published': {
    sv: { text: 'Översättningen har en annan publiceringstid ({value}) än originalet ({original}).', fix: 'Ta bort published ur översättningen; den ärvs från originalet.' },
    en: { text: 'The translation has another publication time ({value}) than the original ({original}).', fix: 'Remove published from the translation; it is taken from the original.' },
  },
  'translation.services': {
    sv: { text: 'Tjänsternas status anges bara i originalet; här används den inte.', fix: 'Ta bort services ur översättningen.' },
    en: { text: 'Service statuses are set in the original only; here they are not used.', fix: 'Remove services from the translation.' },
  },
  'translation.update-unknown': {
    sv: { text: 'Originalet har ingen uppdatering med tiden {value}.', fix: 'Använd samma tid (at) som uppdateringen i originalet.' },
    en: { text: 'The original has no update at {value}.', fix: 'Use the same time (at) as the update in the original.' },
  },
  'update.duplicate-at': {
    sv: { text: 'Två uppdateringar har samma tid ({value}).', fix: 'Ge varje uppdatering en egen tid; tiden är uppdateringens id i flödena.' },
    en: { text: 'Two updates have the same time ({value}).', fix: 'Give every update a time of its own; the time is the update’s id in the feeds.' },
  },
  'url.invalid': {
    sv: { text: '"{value}" är ingen fullständig webbadress.', fix: 'Skriv adressen med https://, t.ex. https://kalix-info.example.org/' },
    en: { text: '"{value}" is not a complete web address.', fix: 'Write the address with https://, e.g. https://kalix-info.example.org/' },
  },
  'timezone.invalid': {
    sv: { text: '"{value}" är ingen känd tidszon.', fix: 'Skriv t.ex. timezone: Europe/Stockholm' },
    en: { text: '"{value}" is not a known time zone.', fix: 'Write e.g. timezone: Europe/Stockholm' },
  },
  'list.empty': {
    sv: { text: 'Listan är tom men måste ha minst en post.', fix: 'Lägg till minst en post.' },
    en: { text: 'The list is empty but needs at least one entry.', fix: 'Add at least one entry.' },
  },
  'email.invalid': {
    sv: { text: '"{value}" är ingen e-postadress.', fix: 'Skriv adressen som namn@exempel.se.' },
    en: { text: '"{value}" is not an e-mail address.', fix: 'Write the address as name@example.org.' },
  },
  'phone.invalid': {
    sv: { text: '"{value}" ser inte ut som ett telefonnummer.', fix: 'Skriv numret med siffror, mellanslag och bindestreck, t.ex. "0923-650 00" eller "+46 923 650 00".' },
    en: { text: '"{value}" does not look like a phone number.', fix: 'Write the number with digits, spaces and hyphens, e.g. "+46 923 650 00".' },
  },
  'logo.missing': {
    sv: { text: 'Logotypen "{value}" finns inte.', fix: 'Lägg filen i content/ eller ta bort raden logo.' },
    en: { text: 'The logo "{value}" does not exist.', fix: 'Put the file in content/ or remove the logo line.' },
  },
  'warn.critical-no-action': {
    sv: { text: 'Ett kritiskt meddelande utan avsnittet "Vad ska jag göra?".', fix: 'Berätta vad läsaren ska göra, under en rubrik som ## Vad ska jag göra?' },
    en: { text: 'A critical bulletin without a "What should I do?" section.', fix: 'Tell readers what to do, under a heading such as ## What should I do?' },
  },
  'warn.pinned-stale': {
    sv: { text: 'Meddelandet är fäst på förstasidan men nästa uppdatering ({value}) har redan passerat.', fix: 'Skriv en uppdatering, flytta nextUpdate framåt eller ta bort pinned.' },
    en: { text: 'The bulletin is pinned, but its next update ({value}) has already passed.', fix: 'Write an update, move nextUpdate forward or remove pinned.' },
  },
  'warn.next-update-past': {
    sv: { text: 'Nästa uppdatering ({value}) ligger i det förflutna.', fix: 'Skriv en uppdatering eller flytta nextUpdate framåt.' },
    en: { text: 'The next update ({value}) lies in the past.', fix: 'Write an update or move nextUpdate forward.' },
  },
  'warn.critical-untranslated': {
    sv: { text: 'Kritiskt meddelande utan översättning till {value}.', fix: 'Skapa översättningen med npm run translate.' },
    en: { text: 'A critical bulletin without a translation into {value}.', fix: 'Create the translation with npm run translate.' },
  },
  'warn.contact-unreachable': {
    sv: { text: 'Kontakten har varken telefon eller e-post.', fix: 'Lägg till phone eller email så att man kan nå den.' },
    en: { text: 'The contact has neither phone nor e-mail.', fix: 'Add phone or email so that people can reach it.' },
  },
  'warn.staff-phishing': {
    sv: { text: 'Ett meddelande till personal innehåller "{value}", vilket liknar nätfiske (inloggningslänk eller fråga om lösenord).', fix: 'Länka aldrig till inloggning och be aldrig om lösenord; hänvisa till IT-supporten per telefon.' },
    en: { text: 'A staff bulletin contains "{value}", which looks like phishing (a login link or a request for a password).', fix: 'Never link to a login page or ask for a password; refer staff to IT support by phone.' },
  },
  'warn.update-before-published': {
    sv: { text: 'Uppdateringen ({value}) ligger före meddelandets publicering.', fix: 'Kontrollera tiden (at).' },
    en: { text: 'The update ({value}) is before the bulletin was published.', fix: 'Check the time (at).' },
  },
  'warn.image-large': {
    sv: { text: 'Bilden "{value}" är {size} MB; över {max} MB tar lång tid att bearbeta.', fix: 'Förminska bilden innan du lägger in den.' },
    en: { text: 'The image "{value}" is {size} MB; over {max} MB takes long to process.', fix: 'Make the image smaller before adding it.' },
  },
  'warn.image-small': {
    sv: { text: 'Bilden "{value}" är bara {width} bildpunkter bred; sidan visar upp till {max}.', fix: 'Använd en större bild om du har en.' },
    en: { text: 'The image "{value}" is only {width} pixels wide; the page shows up to {max}.', fix: 'Use a larger image if you have one.' },
  },
  // The build's notice when it cannot render through the server bundle (src/lib/render/).
  'build.fallback': {
    sv: { text: 'Snabbygget gick inte att använda ({detail}); bygger på det vanliga sättet i stället, det tar längre tid men ger samma webbplats.', fix: 'Inget behöver göras nu. Säg till den som sköter tekniken om meddelandet kommer vid varje bygge.' },
    en: { text: 'The fast build could not be used ({detail}); building the usual way instead, which takes longer but makes the same site.', fix: 'Nothing to do now. Tell whoever looks after the technical side if it appears at every build.' },
  },
  // Messages of the command-line tools (npm run new, update, translate, check).
  'cli.unknown-option': {
    sv: { text: 'Okänt val: {value}.', fix: 'Kör npm run {command} -- --help för att se vilka val som finns.' },
    en: { text: 'Unknown option: {value}.', fix: 'Run npm run {command} -- --help to see the options.' },
  },
  'cli.missing-answer': {
    sv: { text: 'Uppgiften "{value}" saknas, och det finns ingen terminal att fråga i.', fix: 'Ange den med --{value} "…" på kommandoraden.' },
    en: { text: 'The answer "{value}" is missing, and there is no terminal to ask on.', fix: 'Give it with --{value} "…" on the command line.' },
  },
  'cli.not-found': {
    sv: { text: 'Hittar inget meddelande som heter "{value}".', fix: 'Ange filen (content/bulletins/….md) eller namnet utan .md, t.ex. 2021-12-16-it-angrepp.' },
    en: { text: 'No bulletin is called "{value}".', fix: 'Give the file (content/bulletins/….md) or its name without .md, e.g. 2021-12-16-it-angrepp.' },
  },
  'cli.exists': {
    sv: { text: 'Filen {value} finns redan och skrivs inte över.', fix: 'Öppna och redigera filen i stället.' },
    en: { text: 'The file {value} already exists and is not overwritten.', fix: 'Open and edit that file instead.' },
  },
  'cli.lang-default': {
    sv: { text: '"{value}" är webbplatsens huvudspråk: originalet är redan skrivet på det.', fix: 'Välj ett av de andra språken: {allowed}.' },
    en: { text: '"{value}" is the site’s main language: the original is already written in it.', fix: 'Choose one of the other languages: {allowed}.' },
  },
  'cli.service-format': {
    sv: { text: '"{value}" ska skrivas som id=status.', fix: 'Skriv t.ex. --service ekonomi=operational.' },
    en: { text: '"{value}" must be written as id=status.', fix: 'Write e.g. --service finance=operational.' },
  },
  'cli.updates-flow': {
    sv: { text: 'updates står på en enda rad ([ … ]) och kan inte fyllas på utan att raden skrivs om.', fix: 'Skriv updates som en lista med en post per rad (  - at: …) och försök igen.' },
    en: { text: 'updates is written on one line ([ … ]) and cannot be extended without rewriting that line.', fix: 'Write updates as a list with one entry per line (  - at: …) and try again.' },
  },
  'cli.translation-target': {
    sv: { text: 'Uppdateringar skrivs i originalet, inte i en översättning.', fix: 'Kör kommandot med originalet, {value}; översätt sedan texten i översättningen.' },
    en: { text: 'Updates are written in the original, not in a translation.', fix: 'Run the command on the original, {value}; then translate the text in the translation.' },
  },
  'cli.no-site': {
    sv: { text: 'site.yaml går inte att läsa, så språk och tidszon är okända.', fix: 'Rätta felen i site.yaml först (npm run check visar dem).' },
    en: { text: 'site.yaml cannot be read, so the languages and time zone are unknown.', fix: 'Fix the errors in site.yaml first (npm run check shows them).' },
  },
} satisfies Record<string, Record<MessageLang, Message>>;

export type MessageCode = keyof typeof catalog;

export const MESSAGE_CODES = Object.keys(catalog) as MessageCode[];

function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => (key in params ? String(params[key]) : `{${key}}`));
}

export function messageFor(p: Pick<Problem, 'code' | 'params'>, lang: MessageLang): Message {
  const entry = catalog[p.code][lang];
  const fix = (entry as Message).fix;
  return { text: fill(entry.text, p.params), fix: fix ? fill(fix, p.params) : undefined };
}
