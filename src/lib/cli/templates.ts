// The body every new bulletin starts from: the five questions a crisis bulletin answers, in the
// site's default language. Languages without a template get the Swedish one.
import { ownValue } from '../own.ts';
export const BODY_QUESTIONS: Record<string, readonly string[]> = {
  sv: ['Vad har hänt?', 'Vad betyder det för mig?', 'Vad gör kommunen?', 'Vad ska jag göra?', 'Vart vänder jag mig?'],
  en: ['What has happened?', 'What does it mean for me?', 'What is the municipality doing?', 'What should I do?', 'Where can I turn?'],
  fi: ['Mitä on tapahtunut?', 'Mitä se merkitsee minulle?', 'Mitä kunta tekee?', 'Mitä minun pitää tehdä?', 'Mihin voin ottaa yhteyttä?'],
};

export function bodyTemplate(lang: string): string {
  const questions = ownValue(BODY_QUESTIONS, lang) ?? ownValue(BODY_QUESTIONS, lang.split('-')[0]!) ?? BODY_QUESTIONS.sv!;
  return questions.map((q) => `## ${q}\n\n`).join('');
}
