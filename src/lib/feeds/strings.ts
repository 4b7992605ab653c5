// Words the feeds and the plain-text edition need. Where the pages already have the words
// (src/i18n/*.json: status names, "published", "next update"...) those are used, so a feed says
// exactly what the status board says; the rest live here because only the feeds need them. A
// language without its own entry here gets the Swedish words (the product's fallback UI
// language), never a blank or a key.
import { FALLBACK_UI_LANG, t } from '../model/i18n.ts';
import { ownValue } from '../model/own.ts';
import type { Status } from '../model/types.ts';

interface FeedStrings {
  update: string;
  staffFeed: string;
  serviceFeed: string;
  untranslated: string;
  nextUpdate: string;
  published: string;
  updated: string;
  readMore: string;
  updateOf: string;
  servicesChanged: string;
  statusNow: string;
  bulletins: string;
  noBulletins: string;
  updates: string;
  since: string;
  contacts: string;
  generated: string;
  status: Record<Status, string>;
}

const STRINGS: Record<string, FeedStrings> = {
  sv: {
    update: 'Uppdatering',
    staffFeed: 'För personal',
    serviceFeed: 'Tjänst',
    untranslated: 'Det här meddelandet finns inte översatt ännu.',
    nextUpdate: 'Nästa uppdatering',
    published: 'Publicerad',
    updated: 'Uppdaterad',
    readMore: 'Läs på webbplatsen',
    updateOf: 'Uppdatering av',
    servicesChanged: 'Läget för tjänster',
    statusNow: 'Läget just nu',
    bulletins: 'Meddelanden, nyast först',
    noBulletins: 'Inga meddelanden.',
    updates: 'Uppdateringar',
    since: 'sedan',
    contacts: 'Kontakt',
    generated: 'Sammanställt',
    status: { down: 'Fungerar inte', manual: 'Manuella rutiner', degraded: 'Fungerar delvis', operational: 'Fungerar' },
  },
  en: {
    update: 'Update',
    staffFeed: 'For staff',
    serviceFeed: 'Service',
    untranslated: 'This bulletin has not been translated yet.',
    nextUpdate: 'Next update',
    published: 'Published',
    updated: 'Updated',
    readMore: 'Read on the website',
    updateOf: 'Update of',
    servicesChanged: 'Service status',
    statusNow: 'Current status',
    bulletins: 'Bulletins, newest first',
    noBulletins: 'No bulletins.',
    updates: 'Updates',
    since: 'since',
    contacts: 'Contact',
    generated: 'Compiled',
    status: { down: 'Not working', manual: 'Manual routines', degraded: 'Partly working', operational: 'Working' },
  },
  fi: {
    update: 'Päivitys',
    staffFeed: 'Henkilöstölle',
    serviceFeed: 'Palvelu',
    untranslated: 'Tätä tiedotetta ei ole vielä käännetty.',
    nextUpdate: 'Seuraava päivitys',
    published: 'Julkaistu',
    updated: 'Päivitetty',
    readMore: 'Lue verkkosivuilla',
    updateOf: 'Päivitys tiedotteeseen',
    servicesChanged: 'Palveluiden tilanne',
    statusNow: 'Tilanne nyt',
    bulletins: 'Tiedotteet, uusin ensin',
    noBulletins: 'Ei tiedotteita.',
    updates: 'Päivitykset',
    since: 'alkaen',
    contacts: 'Yhteystiedot',
    generated: 'Koottu',
    status: { down: 'Ei toimi', manual: 'Manuaaliset rutiinit', degraded: 'Toimii osittain', operational: 'Toimii' },
  },
};

/** Fields whose words the pages already have (src/i18n/*.json): feeds say the same thing the same way. */
const SHARED_KEYS: Partial<Record<keyof Omit<FeedStrings, 'status'>, string>> = {
  update: 'service.update',
  staffFeed: 'audience.staff',
  untranslated: 'untranslated.short',
  nextUpdate: 'bulletin.nextUpdate',
  published: 'bulletin.published',
  updated: 'bulletin.updated',
  statusNow: 'front.board',
  since: 'status.since',
  contacts: 'front.contacts',
};

function shared(lang: string, key: string): string | undefined {
  const text = t(lang, key);
  return text !== key ? text : undefined;
}

const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

// Asked for once per feed item and plain-text line: made once per language (the UI strings they
// draw on are read once per process too).
const made = new Map<string, FeedStrings>();

export function feedStrings(lang: string): FeedStrings {
  let strings = made.get(lang);
  if (!strings) made.set(lang, (strings = makeFeedStrings(lang)));
  return strings;
}

function makeFeedStrings(lang: string): FeedStrings {
  const own = ownValue(STRINGS, lang) ?? ownValue(STRINGS, lang.split('-')[0]!) ?? STRINGS[FALLBACK_UI_LANG]!;
  const out: FeedStrings = { ...own, status: { ...own.status } };
  for (const [field, key] of Object.entries(SHARED_KEYS) as [keyof typeof SHARED_KEYS, string][]) {
    const text = shared(lang, key);
    // "uppdatering" is a word inside a sentence on the pages; here it starts a title.
    if (text) out[field] = field === 'update' ? capitalize(text) : text;
  }
  for (const status of Object.keys(out.status) as Status[]) out.status[status] = shared(lang, `status.${status}`) ?? out.status[status];
  return out;
}

/** The status in words, as the status board says it. */
export function statusLabel(status: Status, lang: string): string {
  return feedStrings(lang).status[status];
}
