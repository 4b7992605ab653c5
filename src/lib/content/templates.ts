// The body every new bulletin starts from: the five questions a crisis bulletin answers, in the
// site's default language, each with a line of guidance under it. Languages without a template get
// the Swedish one. A heading left with nothing but its guidance is an unfilled template: the check
// in template-check.ts refuses to publish it.
import { ownValue } from '../model/own.ts';
export const BODY_QUESTIONS: Record<string, readonly string[]> = {
  sv: ['Vad har hänt?', 'Vad betyder det för mig?', 'Vad gör kommunen?', 'Vad ska jag göra?', 'Vart vänder jag mig?'],
  en: ['What has happened?', 'What does it mean for me?', 'What is the municipality doing?', 'What should I do?', 'Where can I turn?'],
  fi: ['Mitä on tapahtunut?', 'Mitä se merkitsee minulle?', 'Mitä kunta tekee?', 'Mitä minun pitää tehdä?', 'Mihin voin ottaa yhteyttä?'],
};

/** One line under each question, saying what the answer holds; the officer writes over it. */
export const BODY_GUIDANCE: Record<string, readonly string[]> = {
  sv: [
    'Skriv kort vad som har hänt, var och när.',
    'Skriv vad som inte fungerar och vilka som berörs.',
    'Skriv vad kommunen gör nu och när nästa besked kommer.',
    'Skriv vad läsaren ska göra, det viktigaste först.',
    'Skriv telefonnummer, adresser och öppettider som fungerar nu.',
  ],
  en: [
    'Write briefly what has happened, where and when.',
    'Write what does not work and who is affected.',
    'Write what the municipality is doing now and when the next update comes.',
    'Write what readers should do, the most important first.',
    'Write phone numbers, addresses and opening hours that work now.',
  ],
  fi: [
    'Kerro lyhyesti, mitä on tapahtunut, missä ja milloin.',
    'Kerro, mikä ei toimi ja keitä asia koskee.',
    'Kerro, mitä kunta tekee nyt ja milloin seuraava tiedote tulee.',
    'Kerro, mitä lukijan pitää tehdä, tärkein ensin.',
    'Kerro puhelinnumerot, osoitteet ja aukioloajat, jotka toimivat nyt.',
  ],
};

function forLang<T>(table: Record<string, T>, lang: string): T {
  return ownValue(table, lang) ?? ownValue(table, lang.split('-')[0]!) ?? table.sv!;
}

export function bodyTemplate(lang: string): string {
  const questions = forLang(BODY_QUESTIONS, lang);
  const guidance = forLang(BODY_GUIDANCE, lang);
  return questions.map((q, i) => `## ${q}\n\n_${guidance[i]}_\n\n`).join('');
}
