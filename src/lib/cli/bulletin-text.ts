// The text of a new bulletin file: frontmatter with what the officer gave, then the body template.
import type { Audience, Severity, Status } from '../model/types.ts';
import { bodyTemplate } from '../content/templates.ts';
import { yamlString } from './yaml-text.ts';

export interface NewBulletin {
  title: string;
  /** Local time as written, `YYYY-MM-DDTHH:MM`. */
  published: string;
  summary: string;
  severity: Severity;
  audience: Audience[];
  services: Record<string, Status>;
  pinned: boolean;
  nextUpdate?: string;
  draft: boolean;
  sms?: string;
  /** Lead image, relative to the bulletin file, with its alt text and credit (the editor sets them). */
  image?: string;
  imageAlt?: string;
  imageCredit?: string;
  /** The body; the five questions when not given. */
  body?: string;
}

export function newBulletinText(b: NewBulletin, lang: string): string {
  const lines = ['---', `title: ${yamlString(b.title)}`, `published: ${b.published}`, `summary: ${yamlString(b.summary)}`, `severity: ${b.severity}`, `audience: [${b.audience.join(', ')}]`];
  const services = Object.entries(b.services);
  if (services.length) lines.push('services:', ...services.map(([id, status]) => `  ${id}: ${status}`));
  if (b.pinned) lines.push('pinned: true');
  if (b.nextUpdate) lines.push(`nextUpdate: ${b.nextUpdate}`);
  if (b.image) lines.push(`image: ${yamlString(b.image)}`);
  if (b.imageAlt) lines.push(`imageAlt: ${yamlString(b.imageAlt)}`);
  if (b.imageCredit) lines.push(`imageCredit: ${yamlString(b.imageCredit)}`);
  if (b.sms) lines.push(`sms: ${yamlString(b.sms)}`);
  if (b.draft) lines.push('draft: true');
  lines.push('---', '');
  return lines.join('\n') + (b.body ?? bodyTemplate(lang));
}
