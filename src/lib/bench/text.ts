// Word material for synthetic bulletins: sentences a communications officer would plausibly write,
// per language, combined by a seeded random choice. Realistic length and structure matter for the
// benchmark (Markdown parsing, page weight, search index size); the exact words do not.

export interface Phrasebook {
  sections: [string, string, string, string, string];
  sentences: string[];
  bullets: string[];
  titles: string[];
  summaries: string[];
  updates: string[];
  contactLine: string;
}

export const PHRASES: Record<'sv' | 'en' | 'fi', Phrasebook> = {
  sv: {
    sections: ['Vad har hänt?', 'Vad betyder det för mig?', 'Vad gör kommunen?', 'Vad ska jag göra?', 'Vart vänder jag mig?'],
    sentences: [
      'Kommunens datorsystem stängdes av efter it-angreppet och startas nu upp ett i taget.',
      'Arbetet sker i samarbete med leverantören och med stöd av Myndigheten för samhällsskydd och beredskap.',
      'Personalen använder utskrivna listor och manuella rutiner tills systemet fungerar igen.',
      'Det kan ta längre tid än vanligt att få svar, men ingen ska bli utan hjälp.',
      'Vi vet ännu inte när systemet är i gång igen; vi berättar här så snart vi vet mer.',
      'Uppgifter om enskilda personer har inte spridits, enligt det vi vet i dag.',
      'Kontrollen görs av två personer oberoende av varandra för att undvika fel.',
      'Extra personal från andra förvaltningar hjälper till under de kommande veckorna.',
      'Besök och möten blir av som planerat om du inte får annat besked per telefon.',
      'Kommunen får aldrig be dig om lösenord eller kortuppgifter via länk eller sms.',
      'Ändringar i planeringen meddelas i första hand per telefon och här på sidan.',
      'Polisen utreder angreppet och kommunen har gjort en anmälan till Integritetsskyddsmyndigheten.',
    ],
    bullets: [
      'Ring växeln om du har frågor om ditt ärende.',
      'Spara kvitton och papper tills systemen fungerar igen.',
      'Betala inte fakturor som ser konstiga ut: ring oss först.',
      'Ha din läkemedelslista framme när personalen kommer.',
      'Läs den här sidan i stället för kommunens vanliga webbplats.',
      'Svara inte på sms eller e-post som ber om lösenord.',
      'Hör av dig om ett besök inte blir av inom en timme.',
    ],
    titles: ['Läget för {svc}', 'Ny information om {svc}', '{svc} fungerar med begränsningar', '{svc} är i gång igen', 'Störningar i {svc}'],
    summaries: [
      '{svc} arbetar med manuella rutiner efter it-angreppet. Ring växeln om du har frågor om ditt ärende.',
      'Det går nu att använda {svc} igen, men det kan ta längre tid än vanligt att få svar.',
      'Vi har fortfarande problem med {svc}. Här berättar vi vad det betyder för dig och vad du kan göra.',
    ],
    updates: [
      'Systemet för {svc} är nu delvis i gång. Vissa ärenden hanteras fortfarande på papper.',
      'Arbetet med {svc} tar längre tid än väntat. Nästa besked kommer i morgon.',
      'Alla ärenden från förra veckan inom {svc} är nu registrerade.',
    ],
    contactLine: 'Tillfällig växel: 0923-650 00, vardagar 8–16.',
  },
  en: {
    sections: ['What happened?', 'What does it mean for me?', 'What is the municipality doing?', 'What should I do?', 'Where can I turn?'],
    sentences: [
      "The municipality's computer systems were shut down after the IT attack and are now being started one at a time.",
      'The work is done together with the supplier and with support from the Swedish Civil Contingencies Agency.',
      'Staff use printed lists and manual routines until the system works again.',
      'It may take longer than usual to get an answer, but nobody will be left without help.',
      'We do not yet know when the system will be back; we will tell you here as soon as we know more.',
      'As far as we know today, information about individuals has not been spread.',
      'Two people check every list independently of each other to avoid mistakes.',
      'Extra staff from other departments are helping out over the coming weeks.',
    ],
    bullets: [
      'Call the switchboard if you have questions about your case.',
      'Keep receipts and papers until the systems work again.',
      'Do not pay invoices that look odd: call us first.',
      'Do not answer text messages or e-mails that ask for passwords.',
    ],
    titles: ['The situation for {svc}', 'News about {svc}'],
    summaries: ['{svc} works with manual routines after the IT attack. Call the switchboard if you have questions.'],
    updates: ['The system for {svc} is partly running again. Some cases are still handled on paper.', 'All cases from last week are now registered.'],
    contactLine: 'Temporary switchboard: 0923-650 00, weekdays 8–16.',
  },
  fi: {
    sections: ['Mitä tapahtui?', 'Mitä se tarkoittaa minulle?', 'Mitä kunta tekee?', 'Mitä minun pitää tehdä?', 'Mihin voin ottaa yhteyttä?'],
    sentences: [
      'Kunnan tietojärjestelmät suljettiin tietoverkkohyökkäyksen jälkeen, ja niitä käynnistetään nyt yksi kerrallaan.',
      'Työtä tehdään yhdessä toimittajan kanssa.',
      'Henkilöstö käyttää tulostettuja listoja, kunnes järjestelmä toimii taas.',
      'Vastauksen saaminen voi kestää tavallista kauemmin, mutta kukaan ei jää ilman apua.',
      'Emme vielä tiedä, milloin järjestelmä toimii taas; kerromme täällä heti, kun tiedämme enemmän.',
      'Kaksi henkilöä tarkistaa jokaisen listan toisistaan riippumatta.',
    ],
    bullets: ['Soita vaihteeseen, jos sinulla on kysyttävää asiastasi.', 'Älä vastaa viesteihin, joissa kysytään salasanaa.', 'Säilytä kuitit ja paperit.'],
    titles: ['Tilanne: {svc}', 'Uutta tietoa: {svc}'],
    summaries: ['{svc} toimii käsin tehtävin rutiinein tietoverkkohyökkäyksen jälkeen. Soita vaihteeseen, jos sinulla on kysyttävää.'],
    updates: ['Järjestelmä toimii taas osittain. Osa asioista käsitellään yhä paperilla.', 'Kaikki viime viikon asiat on nyt kirjattu.'],
    contactLine: 'Väliaikainen vaihde: 0923-650 00, arkisin 8–16.',
  },
};
