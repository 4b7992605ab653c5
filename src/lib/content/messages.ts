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
    sv: { text: 'YAML-koden på raden går inte att läsa.', fix: 'Kontrollera indrag, kolon och citattecken på raden och raden före. Sätt en text som innehåller kolon, komma eller citattecken inom citattecken.' },
    en: { text: 'The YAML on this line cannot be read.', fix: 'Check indentation, colons and quotes on this line and the one before. Put a text that contains a colon, a comma or quotes in quotes.' },
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
  'field.required-empty': {
    sv: { text: 'Fältet är tomt, men det måste ha en text.', fix: 'Skriv texten efter kolonet, t.ex. {example}' },
    en: { text: 'The field is empty, but it must have a text.', fix: 'Write the text after the colon, e.g. {example}' },
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
    sv: { text: 'Kritiskt meddelande utan översättning till {value}.', fix: 'Skapa översättningen med npm run translate -- <namn> --to <språk>.' },
    en: { text: 'A critical bulletin without a translation into {value}.', fix: 'Create the translation with npm run translate -- <name> --to <language>.' },
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
  // The build's notice when it cannot render through the server bundle (src/lib/build/render/).
  'build.fallback': {
    sv: { text: 'Snabbygget gick inte att använda ({detail}); bygger på det vanliga sättet i stället, det tar längre tid men ger samma webbplats.', fix: 'Inget behöver göras nu. Säg till den som sköter tekniken om meddelandet kommer vid varje bygge.' },
    en: { text: 'The fast build could not be used ({detail}); building the usual way instead, which takes longer but makes the same site.', fix: 'Nothing to do now. Tell whoever looks after the technical side if it appears at every build.' },
  },
  // Messages of the command-line tools (npm run new, update, translate, check).
  'cli.unknown-option': {
    sv: { text: 'Okänt val: {value}.', fix: 'Kör npm run {command} -- --help för att se vilka val som finns.' },
    en: { text: 'Unknown option: {value}.', fix: 'Run npm run {command} -- --help to see the options.' },
  },
  'cli.option-needs-value': {
    sv: { text: 'Valet {value} behöver ett värde efter sig.', fix: 'Skriv värdet direkt efter valet, t.ex. {value} dist. npm run {command} -- --help visar vad som ska stå där.' },
    en: { text: 'The option {value} needs a value after it.', fix: 'Write the value right after the option, e.g. {value} dist. npm run {command} -- --help shows what goes there.' },
  },
  'cli.option-takes-no-value': {
    sv: { text: 'Valet {value} tar inget värde.', fix: 'Skriv bara {value}, utan = och värde.' },
    en: { text: 'The option {value} takes no value.', fix: 'Write just {value}, without = and a value.' },
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
    sv: { text: '"{value}" ska skrivas som id=status.', fix: 'Skriv t.ex. --service vatten=operational (id:n står i services.yaml).' },
    en: { text: '"{value}" must be written as id=status.', fix: 'Write e.g. --service vatten=operational (the ids are in services.yaml).' },
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
  // Messages of the editor in the browser (npm run editor).
  'editor.stale': {
    sv: { text: 'Filen {value} har ändrats sedan du öppnade den (i en annan flik eller ett annat program), så den skrevs inte över.', fix: 'Läs in filen igen och gör din ändring på nytt. Det du skrev står nedan så att du kan kopiera det.' },
    en: { text: 'The file {value} has changed since you opened it (in another tab or program), so it was not overwritten.', fix: 'Load the file again and make your change anew. What you wrote is below so that you can copy it.' },
  },
  'editor.refused': {
    sv: { text: 'Begäran kom inte från redigerarens egen sida och avvisades. Inget ändrades.', fix: 'Öppna adressen som npm run editor skrev ut i terminalen (den med ?token=).' },
    en: { text: 'The request did not come from the editor’s own page and was refused. Nothing was changed.', fix: 'Open the address npm run editor printed in the terminal (the one with ?token=).' },
  },
  'editor.cannot-edit': {
    sv: { text: 'Fältet {value} är skrivet på ett sätt som redigeraren inte kan ändra utan att skriva om resten av huvudet.', fix: 'Ändra fältet i en textredigerare, eller skriv det som namn: värde på en egen rad.' },
    en: { text: 'The field {value} is written in a way the editor cannot change without rewriting the rest of the header.', fix: 'Change the field in a text editor, or write it as name: value on a line of its own.' },
  },
  'editor.image-format': {
    sv: { text: 'Filen "{value}" är ingen bild i ett format som webbplatsen publicerar.', fix: 'Välj en bild i JPEG, PNG, WebP, GIF, AVIF eller SVG.' },
    en: { text: 'The file "{value}" is not an image in a format the site publishes.', fix: 'Choose a JPEG, PNG, WebP, GIF, AVIF or SVG image.' },
  },
  // Hardening (issue 12): hostile or careless content. Added at the end, in the same form as above.
  'date.year': {
    sv: { text: '"{value}": året {year} går inte att använda (bara 1900–2999); det är nästan alltid ett skrivfel.', fix: 'Skriv året med fyra siffror, t.ex. 2022-01-07T16:00.' },
    en: { text: '"{value}": the year {year} cannot be used (only 1900–2999); it is almost always a typing mistake.', fix: 'Write the year with four digits, e.g. 2022-01-07T16:00.' },
  },
  'id.non-ascii': {
    sv: { text: '"{value}" innehåller {chars}: tecken som inte är a–z, 0–9 eller bindestreck, även om de kan se likadana ut.', fix: 'Skriv namnet för hand med bara a–z, 0–9 och bindestreck (klistra inte in det).' },
    en: { text: '"{value}" contains {chars}: characters that are not a–z, 0–9 or hyphens, even if they look the same.', fix: 'Type the name by hand with only a–z, 0–9 and hyphens (do not paste it).' },
  },
  'text.control-character': {
    sv: { text: 'Texten innehåller ett osynligt styrtecken ({chars}), t.ex. en radbrytning, i ett fält som bara får ha en rad.', fix: 'Skriv texten på en enda rad (utan | eller >) och ta bort tecknet.' },
    en: { text: 'The text contains an invisible control character ({chars}), such as a line break, in a field that must be one line.', fix: 'Write the text on a single line (without | or >) and remove the character.' },
  },
  'warn.invisible-characters': {
    sv: { text: 'Texten innehåller osynliga tecken som kan ändra hur den visas: {chars}.', fix: 'Ta bort tecknen (skriv om texten, eller klistra in den som oformaterad text). Tecken som vänder skriftriktningen kan t.ex. få ett telefonnummer att visas baklänges.' },
    en: { text: 'The text contains invisible characters that can change how it is shown: {chars}.', fix: 'Remove the characters (retype the text, or paste it as plain text). Characters that reverse the writing direction can, for example, show a phone number backwards.' },
  },
  'url.credentials': {
    sv: { text: '"{value}" innehåller ett användarnamn eller lösenord.', fix: 'Skriv adressen utan namn@ eller namn:lösenord@, t.ex. https://kalix-info.example.org/' },
    en: { text: '"{value}" contains a user name or password.', fix: 'Write the address without name@ or name:password@, e.g. https://kalix-info.example.org/' },
  },
  'warn.url-http': {
    sv: { text: '"{value}" börjar med http:// och är alltså inte krypterad: någon på vägen kan ändra sidorna.', fix: 'Använd https:// (nästan alla webbhotell har det).' },
    en: { text: '"{value}" starts with http://, so it is not encrypted: anyone on the way can change the pages.', fix: 'Use https:// (almost every host has it).' },
  },
  'security-contact.invalid': {
    sv: { text: '"{value}" är varken en e-postadress eller en adress som börjar med https://.', fix: 'Skriv t.ex. securityContact: sakerhet@kalix-info.example.org, mailto:… eller https://….' },
    en: { text: '"{value}" is neither an e-mail address nor an address starting with https://.', fix: 'Write e.g. securityContact: security@kalix-info.example.org, mailto:… or https://….' },
  },
  'file.symlink-outside': {
    sv: { text: '"{value}" är en länk till {target}, som ligger utanför mappen content/. Den används inte.', fix: 'Kopiera filen in i content/ i stället för att länka till den.' },
    en: { text: '"{value}" is a link to {target}, which is outside the content/ folder. It is not used.', fix: 'Copy the file into content/ instead of linking to it.' },
  },
  'file.symlink-broken': {
    sv: { text: '"{value}" är en länk till {target}, som inte finns.', fix: 'Ta bort länken, eller lägg filen på plats.' },
    en: { text: '"{value}" is a link to {target}, which does not exist.', fix: 'Remove the link, or put the file in place.' },
  },
  'image.not-image': {
    sv: { text: 'Filen "{value}" är ingen bild som går att läsa, fast namnet slutar som en bilds.', fix: 'Öppna filen i ett bildprogram och spara den som JPEG eller PNG, eller välj rätt fil.' },
    en: { text: 'The file "{value}" is not a readable image, although its name ends like one.', fix: 'Open the file in an image program and save it as JPEG or PNG, or choose the right file.' },
  },
  'image.damaged': {
    sv: { text: 'Bilden "{value}" är skadad eller ofullständig och går inte att visa (tekniskt: {detail}).', fix: 'Hämta eller kopiera bilden igen, eller öppna den i ett bildprogram och spara den igen som JPEG eller PNG.' },
    en: { text: 'The image "{value}" is damaged or incomplete and cannot be shown (technically: {detail}).', fix: 'Fetch or copy the image again, or open it in an image program and save it again as JPEG or PNG.' },
  },
  'image.too-many-pixels': {
    sv: { text: 'Bilden "{value}" är {width} × {height} bildpunkter, mer än de {max} miljoner bildpunkter som går att bearbeta.', fix: 'Förminska bilden (t.ex. till 2000 bildpunkter bred) och spara den igen.' },
    en: { text: 'The image "{value}" is {width} × {height} pixels, more than the {max} million pixels that can be processed.', fix: 'Make the image smaller (e.g. 2000 pixels wide) and save it again.' },
  },
  'image.svg-invalid': {
    sv: { text: 'SVG-filen "{value}" går inte att läsa: den är inte giltig XML, eller inte en SVG-bild.', fix: 'Spara bilden igen som SVG från ritprogrammet, eller som PNG.' },
    en: { text: 'The SVG file "{value}" cannot be read: it is not valid XML, or not an SVG image.', fix: 'Save the image again as SVG from the drawing program, or as PNG.' },
  },
  'image.svg-no-size': {
    sv: { text: 'SVG-bilden "{value}" anger inte sin storlek (width och height i bildpunkter, eller viewBox).', fix: 'Spara bilden igen med en storlek, eller skriv t.ex. viewBox="0 0 64 64" i <svg>-taggen.' },
    en: { text: 'The SVG image "{value}" does not give its size (width and height in pixels, or viewBox).', fix: 'Save the image again with a size, or write e.g. viewBox="0 0 64 64" in the <svg> tag.' },
  },
  'warn.svg-sanitised': {
    sv: { text: 'SVG-bilden "{value}" innehöll delar som kan köra kod eller hämta filer från andra webbplatser: {removed}. De tas bort, och den rensade bilden publiceras.', fix: 'Kontrollera att bilden ser rätt ut på webbplatsen. Vet du inte var delarna kommer ifrån: fråga den som gjorde bilden.' },
    en: { text: 'The SVG image "{value}" contained parts that can run code or fetch files from other sites: {removed}. They are removed, and the cleaned image is published.', fix: 'Check that the image looks right on the site. If you do not know where the parts come from, ask whoever made the image.' },
  },
  'image.processing-failed': {
    sv: { text: 'Bilden "{value}" kunde inte bearbetas när webbplatsen byggdes (tekniskt: {detail}).', fix: 'Kör npm run check, spara bilden igen som JPEG eller PNG och bygg igen.' },
    en: { text: 'The image "{value}" could not be processed while the site was built (technically: {detail}).', fix: 'Run npm run check, save the image again as JPEG or PNG and build again.' },
  },
  // Messages of npm run build about the output folder, the clock and moving folders (issue 12).
  'build.out-protected': {
    sv: { text: 'Bygget får inte skriva till {folder}: mappen är eller innehåller {protected}, och den skulle ersättas av webbplatsen.', fix: 'Välj en egen mapp för webbplatsen, t.ex. --out dist (standard).' },
    en: { text: 'The build may not write to {folder}: it is or contains {protected}, which the site would replace.', fix: 'Choose a folder of its own for the site, e.g. --out dist (the default).' },
  },
  'build.out-inside-content': {
    sv: { text: 'Utmappen {folder} ligger inuti innehållsmappen {content}.', fix: 'Bygg till en mapp utanför innehållet, t.ex. --out dist (standard).' },
    en: { text: 'The output folder {folder} is inside the content folder {content}.', fix: 'Build into a folder outside the content, e.g. --out dist (the default).' },
  },
  'build.out-is-file': {
    sv: { text: '{folder} är en fil, inte en mapp; bygget skriver aldrig över den.', fix: 'Välj en annan utmapp med --out, eller flytta filen själv.' },
    en: { text: '{folder} is a file, not a folder; the build never overwrites it.', fix: 'Choose another output folder with --out, or move the file yourself.' },
  },
  'build.out-not-a-build': {
    sv: { text: 'Mappen {folder} finns redan och är inte en webbplats som npm run build har gjort; bygget ersätter den inte.', fix: 'Välj en ny eller tom mapp med --out. Ska mappen bort: flytta eller töm den själv och bygg igen.' },
    en: { text: 'The folder {folder} already exists and is not a site made by npm run build; the build does not replace it.', fix: 'Choose a new or empty folder with --out. If the folder can go: move or empty it yourself and build again.' },
  },
  'build.out-link-broken': {
    sv: { text: '{folder} är en länk till {target}, och mappen där den skulle ligga finns inte.', fix: 'Skapa mappen ovanför {target}, eller ta bort länken och bygg igen.' },
    en: { text: '{folder} is a link to {target}, and the folder it would be in does not exist.', fix: 'Create the folder above {target}, or remove the link and build again.' },
  },
  'build.out-link': {
    sv: { text: '{folder} är en länk till {target}: webbplatsen läggs där, länken står kvar.', fix: 'Ska webbplatsen ligga i projektet i stället: ta bort länken och bygg igen.' },
    en: { text: '{folder} is a link to {target}: the site goes there, the link stays.', fix: 'If the site should be in the project instead: remove the link and build again.' },
  },
  'build.locked': {
    sv: { text: 'Ett annat bygge (process {pid}) skriver redan till {folder}.', fix: 'Vänta tills det är klart och bygg sedan igen.' },
    en: { text: 'Another build (process {pid}) is already writing to {folder}.', fix: 'Wait until it has finished, then build again.' },
  },
  'build.restored': {
    sv: { text: 'Ett avbrutet bygge hade lämnat {folder} borta: den förra webbplatsen är tillbaka (från {from}).', fix: 'Inget att göra; bygget fortsätter.' },
    en: { text: 'An interrupted build had left {folder} missing: the previous site is back (from {from}).', fix: 'Nothing to do; the build goes on.' },
  },
  'build.now-invalid': {
    sv: { text: '{source} är ingen tidpunkt: "{value}".', fix: 'Skriv tiden med tidszon, t.ex. 2022-01-21T12:00:00+01:00, eller ta bort den för att använda datorns klocka.' },
    en: { text: '{source} is not a point in time: "{value}".', fix: 'Write the time with its offset, e.g. 2022-01-21T12:00:00+01:00, or leave it out to use the computer’s clock.' },
  },
  'build.clock-implausible': {
    sv: { text: 'Datorns klocka visar {now}, vilket inte kan stämma (det är före {earliest}). Med den tiden skulle inga meddelanden visas och alla tjänster se ut att fungera.', fix: 'Ställ datorns klocka rätt (automatisk tid) och bygg igen.' },
    en: { text: 'The computer’s clock says {now}, which cannot be right (it is before {earliest}). With that time no bulletins would show and every service would look fine.', fix: 'Set the computer’s clock right (automatic time) and build again.' },
  },
  'build.clock-before-previous': {
    sv: { text: 'Tiden för bygget, {now}, ligger före förra bygget i {folder} ({previous}). Webbplatsen skulle gå tillbaka till ett äldre läge.', fix: 'Ställ datorns klocka rätt och bygg igen. Var det förra bygget som hade fel tid (eller en förhandsvisning): bygg med --allow-earlier-time.' },
    en: { text: 'The build’s time, {now}, is before the previous build in {folder} ({previous}). The site would go back to an older state.', fix: 'Set the computer’s clock right and build again. If the previous build had the wrong time (or was a preview): build with --allow-earlier-time.' },
  },
  'build.clock-before-bulletin': {
    sv: { text: 'Tiden för bygget, {now}, ligger före det senaste som publicerades i {folder} ({slug}, {at}). Det skulle försvinna från webbplatsen.', fix: 'Ställ datorns klocka rätt och bygg igen. Är tiden avsiktlig: bygg med --allow-earlier-time, eller till en ny mapp med --out.' },
    en: { text: 'The build’s time, {now}, is before the latest news published in {folder} ({slug}, {at}). It would disappear from the site.', fix: 'Set the computer’s clock right and build again. If the time is deliberate: build with --allow-earlier-time, or into a new folder with --out.' },
  },
  'build.now-system': {
    sv: { text: 'Tid för bygget: {now} (datorns klocka).', fix: 'Stämmer inte tiden: avbryt, ställ datorns klocka rätt och bygg igen.' },
    en: { text: 'Time of the build: {now} (the computer’s clock).', fix: 'If the time is wrong: stop, set the computer’s clock right and build again.' },
  },
  'build.now-fixed': {
    sv: { text: 'Tid för bygget: {now}, fast tid från {source}, inte datorns klocka. Det är till för test och förhandsvisning.', fix: 'Bygg utan --now och KRISINFO_NOW när webbplatsen ska publiceras.' },
    en: { text: 'Time of the build: {now}, a fixed time from {source}, not the computer’s clock. That is for tests and previews.', fix: 'Build without --now and KRISINFO_NOW when the site is to be published.' },
  },
  'build.now-earlier-allowed': {
    sv: { text: 'Tiden ligger före förra bygget ({previous}), men --allow-earlier-time är angivet: webbplatsen ersätts ändå.', fix: 'Kontrollera på webbplatsen att rätt meddelanden och tjänstelägen visas.' },
    en: { text: 'The time is before the previous build ({previous}), but --allow-earlier-time is given: the site is replaced anyway.', fix: 'Check on the site that the right bulletins and service statuses show.' },
  },
  'build.fs-busy': {
    sv: { text: 'Mappen {folder} används av ett annat program och kunde inte flyttas eller ändras ({code}).', fix: 'Stäng program som har mappen öppen (filhanteraren, en terminal i mappen, en webbserver) och bygg igen.' },
    en: { text: 'The folder {folder} is in use by another program and could not be moved or changed ({code}).', fix: 'Close programs that have the folder open (the file manager, a terminal in it, a web server) and build again.' },
  },
  'build.fs-permission': {
    sv: { text: 'Du har inte behörighet att flytta eller ändra {folder} ({code}).', fix: 'Kontrollera behörigheterna på mappen och mappen ovanför den, eller välj en annan utmapp med --out.' },
    en: { text: 'You are not allowed to move or change {folder} ({code}).', fix: 'Check the permissions of the folder and the folder above it, or choose another output folder with --out.' },
  },
  'build.fs-full': {
    sv: { text: 'Disken är full: {folder} kunde inte skrivas ({code}).', fix: 'Frigör utrymme (t.ex. gamla mappar i release/) och bygg igen.' },
    en: { text: 'The disk is full: {folder} could not be written ({code}).', fix: 'Free some space (e.g. old folders in release/) and build again.' },
  },
  'build.fs-other-disk': {
    sv: { text: '{folder} kunde inte flyttas: den nya platsen ligger på en annan disk ({code}).', fix: 'Välj en utmapp på samma disk som projektet, eller bygg till dist och kopiera därifrån.' },
    en: { text: '{folder} could not be moved: the new place is on another disk ({code}).', fix: 'Choose an output folder on the same disk as the project, or build into dist and copy from there.' },
  },
  'build.fs-failed': {
    sv: { text: '{folder} kunde inte flyttas eller ändras ({code}).', fix: 'Kontrollera mappen och disken och bygg igen.' },
    en: { text: '{folder} could not be moved or changed ({code}).', fix: 'Check the folder and the disk and build again.' },
  },
  // Messages of npm run package.
  'package.not-built': {
    sv: { text: '{folder} saknar byggets förteckning över sina filer ({record}), så det går inte att se att filerna är de som npm run build skrev.', fix: 'Kör npm run build och sedan npm run package igen.' },
    en: { text: '{folder} lacks the build’s list of its files ({record}), so there is no telling that the files are those npm run build wrote.', fix: 'Run npm run build, then npm run package again.' },
  },
  'package.changed': {
    sv: { text: 'Filer i {folder} skiljer sig från det som bygget skrev ({count}): {files}. Inget signerades.', fix: 'Ändra aldrig filer i den byggda mappen för hand: ändra i content/, kör npm run build och sedan npm run package igen.' },
    en: { text: 'Files in {folder} differ from what the build wrote ({count}): {files}. Nothing was signed.', fix: 'Never change files in the built folder by hand: change content/, run npm run build, then npm run package again.' },
  },
  // YAML written by hand: the usual mistakes, recognised by yaml-advice.ts, with the line written right.
  'yaml.colon-in-value': {
    sv: { text: 'Texten innehåller kolon följt av mellanslag, och då läses resten som ett nytt fält.', fix: 'Sätt texten inom citattecken: {example}' },
    en: { text: 'The text contains a colon followed by a space, so the rest is read as a new field.', fix: 'Put the text in quotes: {example}' },
  },
  'yaml.comma-in-braces': {
    sv: { text: 'Ett komma inom { } delar värdet: "{value}" blev ett eget fält utan värde.', fix: 'Sätt texten inom citattecken: {example}. Eller skriv varje del på en egen rad, utan { }.' },
    en: { text: 'A comma inside { } splits the value: "{value}" became a field of its own, with no value.', fix: 'Put the text in quotes: {example}. Or write each part on a line of its own, without { }.' },
  },
  'yaml.flow-missing-value': {
    sv: { text: '"{value}" inom { } har inget kolon och inget värde.', fix: 'Skriv värdet efter ett kolon, t.ex. {example}. Hör kommat till en text, sätt texten inom citattecken.' },
    en: { text: '"{value}" inside { } has no colon and no value.', fix: 'Write the value after a colon, e.g. {example}. If the comma belongs to a text, put the text in quotes.' },
  },
  'field.list-brackets': {
    sv: { text: 'Flera värden ska stå inom [ ]; utan dem läses de som en enda text.', fix: 'Skriv {example}' },
    en: { text: 'Several values go inside [ ]; without them they are read as one text.', fix: 'Write {example}' },
  },
  'yaml.quote-unclosed': {
    sv: { text: 'Citattecknet {value} före texten avslutas aldrig, så allt efter det läses som en del av texten.', fix: 'Sätt ett {value} efter texten: {example}' },
    en: { text: 'The quote {value} before the text is never closed, so everything after it is read as part of the text.', fix: 'Put a {value} after the text: {example}' },
  },
  'yaml.text-after-quote': {
    sv: { text: 'Texten fortsätter efter det avslutande citattecknet.', fix: 'Sätt hela texten inom citattecken: {example}' },
    en: { text: 'The text goes on after the closing quote.', fix: 'Put the whole text in quotes: {example}' },
  },
  'yaml.special-start': {
    sv: { text: 'Texten börjar med {value}, som i YAML betyder något annat än text.', fix: 'Sätt texten inom citattecken: {example}' },
    en: { text: 'The text starts with {value}, which means something other than text in YAML.', fix: 'Put the text in quotes: {example}' },
  },
  'yaml.missing-space': {
    sv: { text: 'Mellanslaget efter kolonet saknas.', fix: 'Skriv ett mellanslag efter kolonet: {example}' },
    en: { text: 'The space after the colon is missing.', fix: 'Write a space after the colon: {example}' },
  },
  'yaml.missing-colon': {
    sv: { text: 'Kolonet efter fältets namn saknas.', fix: 'Skriv namnet, ett kolon, ett mellanslag och värdet: {example}' },
    en: { text: 'The colon after the field name is missing.', fix: 'Write the name, a colon, a space and the value: {example}' },
  },
  'yaml.indent': {
    sv: { text: 'Raden är indragen fel: den står inte rakt under raderna på samma nivå.', fix: 'Använd lika många mellanslag som raderna ovanför på samma nivå: fälten i huvudet längst till vänster, raderna under t.ex. services: två mellanslag in.' },
    en: { text: 'The line is indented wrongly: it does not line up with the lines at its level.', fix: 'Use as many spaces as the lines above at the same level: header fields at the left edge, the lines under e.g. services: two spaces in.' },
  },
  'yaml.bracket-unclosed': {
    sv: { text: 'En {value} saknas: listan eller { } som börjar här stängs aldrig.', fix: 'Avsluta den på samma rad: {example}' },
    en: { text: 'A {value} is missing: the list or { } that starts here is never closed.', fix: 'Close it on the same line: {example}' },
  },
  'yaml.duplicate-key': {
    sv: { text: 'Fältet "{value}" står två gånger.', fix: 'Ta bort det ena och behåll det som ska gälla.' },
    en: { text: 'The field "{value}" is written twice.', fix: 'Remove one and keep the one that should apply.' },
  },
  'yaml.document-separator': {
    sv: { text: 'En rad med --- mitt i filen delar den i två.', fix: 'Ta bort raden med ---.' },
    en: { text: 'A line of --- in the middle of the file splits it in two.', fix: 'Remove the line of ---.' },
  },
  'field.unknown-near': {
    sv: { text: 'Okänt fält: menar du {suggestion}?', fix: 'Rätta stavningen till {suggestion}. Ett okänt fält används inte, så det du skrev där gäller inte nu.' },
    en: { text: 'Unknown field: did you mean {suggestion}?', fix: 'Correct the spelling to {suggestion}. An unknown field is not used, so what you wrote there has no effect now.' },
  },
  'lang.unknown-key': {
    sv: { text: 'Språket "{value}" finns inte bland språken i site.yaml ({allowed}).', fix: 'Rätta språkkoden, ta bort raden eller lägg till språket under languages i site.yaml.' },
    en: { text: 'The language "{value}" is not among the languages in site.yaml ({allowed}).', fix: 'Correct the language code, remove the line or add the language to languages in site.yaml.' },
  },
  // An unfilled template and an untranslated translation stub (template-check.ts, translation-check.ts).
  'body.heading-empty': {
    sv: { text: 'Rubriken "{value}" har inget svar under sig (ingen text, eller bara mallens hjälptext).', fix: 'Skriv svaret under rubriken eller ta bort rubriken. Ett meddelande med tomma rubriker publiceras inte (utkast får ha dem).' },
    en: { text: 'The heading "{value}" has no answer under it (no text, or only the template’s guidance).', fix: 'Write the answer under the heading or remove the heading. A bulletin with empty headings is not published (a draft may have them).' },
  },
  'body.template-guidance': {
    sv: { text: 'Mallens hjälptext står kvar: "{value}"', fix: 'Ta bort hjälptexten; annars publiceras den som den står.' },
    en: { text: 'The template’s guidance is still there: "{value}"', fix: 'Remove the guidance; otherwise it is published as it stands.' },
  },
  'warn.translation-unchanged': {
    sv: { text: 'Översättningen är inte gjord än: {value} är samma som i originalet. Den publiceras inte; läsarna ser originalet med en upplysning om att översättning saknas.', fix: 'Skriv översättningen över originalets text och spara.' },
    en: { text: 'The translation is not done yet: {value} is the same as in the original. It is not published; readers see the original with a notice that a translation is missing.', fix: 'Write the translation over the original’s text and save.' },
  },
  // The command-line tools: translate's target language, keygen and package.
  'cli.translate-to': {
    sv: { text: 'Vilket språk ska översättningen vara på?', fix: 'Ange språket med --to, t.ex. --to en (ett av: {allowed}). --lang är språket för verktygets meddelanden.' },
    en: { text: 'Which language is the translation in?', fix: 'Give the language with --to, e.g. --to en (one of: {allowed}). --lang is the language of the tool’s messages.' },
  },
  'keygen.secret-inside': {
    sv: { text: 'Den hemliga nyckeln får inte sparas i {value}: allt där kan hamna i git eller på webbservern.', fix: 'Välj en plats utanför projektet, t.ex. standardplatsen ~/.krisinfo/minisign.key.' },
    en: { text: 'The secret key must not be saved in {value}: anything there may end up in git or on the web server.', fix: 'Choose a place outside the project, e.g. the default ~/.krisinfo/minisign.key.' },
  },
  'keygen.exists': {
    sv: { text: '{value} finns redan. En ny nyckel gör alla tidigare publicerade nyckel-id ogiltiga.', fix: 'Lägg till --force om du verkligen vill ersätta nyckeln.' },
    en: { text: '{value} already exists. A new key makes every key id published so far invalid.', fix: 'Add --force if you really want to replace the key.' },
  },
  'keygen.no-password': {
    sv: { text: 'Inget lösenord angavs. Ingen nyckel skapades.', fix: 'Ange ett lösenord, eller använd --without-password (nyckeln sparas då okrypterad).' },
    en: { text: 'No password was given. No key was made.', fix: 'Give a password, or use --without-password (the key is then saved unencrypted).' },
  },
  'keygen.password-mismatch': {
    sv: { text: 'Lösenorden är inte lika. Ingen nyckel skapades.', fix: 'Kör kommandot igen och skriv samma lösenord två gånger.' },
    en: { text: 'The passwords differ. No key was made.', fix: 'Run the command again and type the same password twice.' },
  },
  'package.no-site': {
    sv: { text: '{value}/ innehåller ingen byggd webbplats (index.html saknas).', fix: 'Kör npm run build först.' },
    en: { text: '{value}/ holds no built site (index.html is missing).', fix: 'Run npm run build first.' },
  },
  'package.no-public-key': {
    sv: { text: 'Den publika nyckeln {value} saknas.', fix: 'Skapa ett nyckelpar med npm run keygen.' },
    en: { text: 'The public key {value} is missing.', fix: 'Make a key pair with npm run keygen.' },
  },
  'package.no-secret-key': {
    sv: { text: 'Den hemliga nyckeln {value} saknas.', fix: 'Ange den med --secret-key, eller skapa ett nyckelpar med npm run keygen.' },
    en: { text: 'The secret key {value} is missing.', fix: 'Give it with --secret-key, or make a key pair with npm run keygen.' },
  },
  'package.out-exists': {
    sv: { text: '{value} finns redan; en release skrivs aldrig över.', fix: 'Välj en annan mapp med --out.' },
    en: { text: '{value} already exists; a release is never overwritten.', fix: 'Choose another folder with --out.' },
  },
  'package.wrong-password': {
    sv: { text: 'Fel lösenord för den hemliga nyckeln. Ingenting skrevs.', fix: 'Kör kommandot igen med rätt lösenord.' },
    en: { text: 'Wrong password for the secret key. Nothing was written.', fix: 'Run the command again with the right password.' },
  },
  'package.bad-key': {
    sv: { text: 'Nyckelfilen {value} kan inte användas: den är ingen minisign-nyckel, eller den är skadad.', fix: 'Kontrollera att du angav rätt fil; skapa annars ett nytt nyckelpar med npm run keygen.' },
    en: { text: 'The key file {value} cannot be used: it is not a minisign key, or it is damaged.', fix: 'Check that you gave the right file; otherwise make a new key pair with npm run keygen.' },
  },
  'package.key-mismatch': {
    sv: { text: 'Den hemliga nyckeln (id {value}) hör inte till {file} (id {other}): signaturen skulle inte gå att kontrollera.', fix: 'Använd rätt nyckelfil.' },
    en: { text: 'The secret key (id {value}) does not belong to {file} (id {other}): the signature could not be checked.', fix: 'Use the right key file.' },
  },
  // content/publish.yaml, and the messages of npm run publish, npm run verify and npm run package.
  'publish.kind': {
    sv: { text: 'Ett mål ska ha exakt ett av folder, rclone och git (här: {value}).', fix: 'Skriv ett per mål: folder: /var/www/krisinfo, rclone: reserv:/var/www/krisinfo eller git: git@github.com:kalix/krisinfo.git gh-pages.' },
    en: { text: 'A target needs exactly one of folder, rclone and git (here: {value}).', fix: 'Write one per target: folder: /var/www/krisinfo, rclone: backup:/var/www/krisinfo or git: git@github.com:kalix/krisinfo.git gh-pages.' },
  },
  'publish.duplicate': {
    sv: { text: 'Två mål heter "{value}".', fix: 'Ge varje mål ett eget namn.' },
    en: { text: 'Two targets are called "{value}".', fix: 'Give every target a name of its own.' },
  },
  'publish.url-path': {
    sv: { text: 'Adressen {value} visar webbplatsen under {path}, men den byggs för {expected} (url i site.yaml).', fix: 'Alla adresser måste visa webbplatsen under samma sökväg som url i site.yaml ({expected}): ändra adressen här eller url i site.yaml.' },
    en: { text: 'The address {value} serves the site under {path}, but it is built for {expected} (url in site.yaml).', fix: 'Every address must serve the site under the same path as url in site.yaml ({expected}): change the address here or url in site.yaml.' },
  },
  'publish.rclone-format': {
    sv: { text: '"{value}" är inte på formen FJÄRR:SÖKVÄG.', fix: 'Skriv namnet på en fjärr från rclone config, ett kolon och sökvägen, t.ex. rclone: reserv:/var/www/krisinfo.' },
    en: { text: '"{value}" is not of the form REMOTE:PATH.', fix: 'Write the name of a remote from rclone config, a colon and the path, e.g. rclone: backup:/var/www/krisinfo.' },
  },
  'publish.git-format': {
    sv: { text: '"{value}" är inte på formen REPO GREN.', fix: 'Skriv repots adress, ett mellanslag och grenen, t.ex. git: git@github.com:kalix/krisinfo.git gh-pages.' },
    en: { text: '"{value}" is not of the form REPO BRANCH.', fix: 'Write the repository address, a space and the branch, e.g. git: git@github.com:kalix/krisinfo.git gh-pages.' },
  },
  'publish.credentials': {
    sv: { text: 'Fältet innehåller inloggningsuppgifter (lösenord eller token). Sådant får aldrig stå i content/: allt där hamnar i git och kan publiceras.', fix: 'Ta bort dem härifrån och byt lösenordet. Lägg inloggningen i rclone config (rclone) eller i git:s egen inloggning (ssh-nyckel), och skriv bara fjärrens namn eller repots adress här.' },
    en: { text: 'The field contains credentials (a password or token). They must never be in content/: everything there goes into git and may be published.', fix: 'Remove them from here and change the password. Put the login in rclone config (rclone) or in git’s own login (an ssh key), and write only the remote’s name or the repository address here.' },
  },
  'publish.no-targets': {
    sv: { text: 'Det finns inga mål att publicera till: {value} saknas eller är tom.', fix: 'Skapa content/publish.yaml med minst ett mål (se docs/publishing.md), eller ladda upp release-mappen för hand.' },
    en: { text: 'There are no targets to publish to: {value} is missing or empty.', fix: 'Create content/publish.yaml with at least one target (see docs/publishing.md), or upload the release folder by hand.' },
  },
  'publish.unknown-target': {
    sv: { text: 'Inget mål heter "{value}".', fix: 'Välj ett av målen i publish.yaml: {allowed}.' },
    en: { text: 'No target is called "{value}".', fix: 'Choose one of the targets in publish.yaml: {allowed}.' },
  },
  'publish.tool-missing': {
    sv: { text: 'Programmet {value} behövs för målet {name} men finns inte på den här datorn.', fix: 'Installera det (Debian och Ubuntu: sudo apt install {value}) och försök igen.' },
    en: { text: 'The program {value} is needed for the target {name} but is not installed on this computer.', fix: 'Install it (Debian and Ubuntu: sudo apt install {value}) and try again.' },
  },
  'publish.stopped': {
    sv: { text: 'Publiceringen stoppades vid steget "{value}": ingenting laddades upp.', fix: 'Rätta felet som visas ovanför och kör npm run publish igen.' },
    en: { text: 'Publishing stopped at the step "{value}": nothing was uploaded.', fix: 'Fix the error shown above and run npm run publish again.' },
  },
  'publish.upload-failed': {
    sv: { text: 'Uppladdningen till {name} misslyckades: {detail}', fix: 'Kontrollera att servern svarar och att inloggningen fungerar (rclone config, ssh-nyckel), och kör npm run publish igen. De andra målen påverkas inte, och filer som redan kom fram skickas inte om.' },
    en: { text: 'The upload to {name} failed: {detail}', fix: 'Check that the server answers and that the login works (rclone config, ssh key), and run npm run publish again. The other targets are not affected, and files that already arrived are not sent again.' },
  },
  'publish.foreign-files': {
    sv: { text: '{name} innehåller redan filer som inte hör till webbplatsen (t.ex. {value}) och ingen tidigare release (SHA256SUMS saknas). Publiceringen skulle radera dem, så den rör inte målet.', fix: 'Kontrollera att sökvägen i publish.yaml är rätt. Ska mappen användas för webbplatsen: töm den själv och publicera igen.' },
    en: { text: '{name} already holds files that are not part of the site (e.g. {value}) and no earlier release (SHA256SUMS is missing). Publishing would delete them, so it leaves the target alone.', fix: 'Check that the path in publish.yaml is right. If the folder is meant for the site: empty it yourself and publish again.' },
  },
  'publish.not-verified': {
    sv: { text: '{name} ({value}) visar inte den nya releasen: {detail}', fix: 'Kör npm run verify -- {value} för att se vad som skiljer, åtgärda det och publicera igen.' },
    en: { text: '{name} ({value}) does not serve the new release: {detail}', fix: 'Run npm run verify -- {value} to see what differs, fix it and publish again.' },
  },
  'publish.not-a-release': {
    sv: { text: '{value} är ingen release: site/SHA256SUMS eller site/SHA256SUMS.minisig saknas.', fix: 'Ange en mapp som npm run package har gjort, t.ex. --release release/2022-01-20T150211Z, eller utelämna --release så görs en ny.' },
    en: { text: '{value} is not a release: site/SHA256SUMS or site/SHA256SUMS.minisig is missing.', fix: 'Give a folder made by npm run package, e.g. --release release/2022-01-20T150211Z, or leave out --release to make a new one.' },
  },
  'verify.key': {
    sv: { text: 'Den publika nyckeln i {value} går inte att läsa: det är ingen minisign-nyckel (RW…).', fix: 'Ange nyckeln från kommunens officiella kanaler med --key RW… eller --key-file FIL.' },
    en: { text: 'The public key in {value} cannot be read: it is not a minisign key (RW…).', fix: 'Give the key from the municipality’s official channels with --key RW… or --key-file FILE.' },
  },
  'verify.no-key': {
    sv: { text: 'Den publika nyckeln {value} finns inte.', fix: 'Ange nyckeln från kommunens officiella kanaler med --key RW… eller --key-file FIL.' },
    en: { text: 'The public key {value} does not exist.', fix: 'Give the key from the municipality’s official channels with --key RW… or --key-file FILE.' },
  },
  'package.secret-key': {
    sv: { text: 'Webbplatsmappen innehåller en hemlig nyckel: {value}. Den skulle publiceras för alla, och då kan vem som helst signera i kommunens namn.', fix: 'Ta bort filen (och ur public/ eller content/ om den kom därifrån) och bygg igen. Har nyckeln redan publicerats: skapa ett nytt nyckelpar med npm run keygen -- --force och publicera det nya nyckel-id:t.' },
    en: { text: 'The site folder contains a secret key: {value}. It would be published for everyone, and anyone could then sign in the municipality’s name.', fix: 'Remove the file (and from public/ or content/ if it came from there) and build again. If the key has been published already: make a new key pair with npm run keygen -- --force and publish the new key id.' },
  },
} satisfies Record<string, Record<MessageLang, Message>>;

export type MessageCode = keyof typeof catalog;

export const MESSAGE_CODES = Object.keys(catalog) as MessageCode[];

/** `{name}` placeholders filled from `params`; one that has no value stays as it is. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = Object.hasOwn(params, key) ? params[key] : undefined;
    return value === undefined ? `{${key}}` : String(value);
  });
}

export function messageFor(p: Pick<Problem, 'code' | 'params'>, lang: MessageLang): Message {
  const entry = catalog[p.code][lang];
  const fix = (entry as Message).fix;
  return { text: fill(entry.text, p.params), fix: fix ? fill(fix, p.params) : undefined };
}
