// Translating a bulletin: the original beside each field, and the translation file's text. A new
// translation carries only what the officer translated (title, summary, the body, update texts with
// the original's `at` as written, imageAlt and sms if given); an existing one is edited in place.
import { appendUpdate } from '../lib/cli/append-update.ts';
import { yamlString } from '../lib/cli/yaml-text.ts';
import { parseContentDate } from '../lib/model/dates.ts';
import { pairLines, readFrontmatter, setBody, setField } from '../lib/editor/frontmatter-edit.ts';
import type { MessageLang } from '../lib/content/messages.ts';
import type { Problem } from '../lib/content/problems.ts';
import { SMS_MAX, SUMMARY_MAX } from '../lib/content/read-bulletin.ts';
import { fieldId } from './bulletin-form.ts';
import { formFieldOf, textArea, textInput } from './fields.ts';
import type { FormData } from './form-data.ts';
import { html, type Html } from './html.ts';
import type { Texts } from './texts.ts';

interface RawUpdate {
  at: string;
  text: string;
}

export interface OriginalTexts {
  title: string;
  summary: string;
  imageAlt: string;
  sms: string;
  body: string;
  /** The original's updates, `at` as written. */
  updates: RawUpdate[];
}

export interface TranslationValues {
  title: string;
  summary: string;
  imageAlt: string;
  sms: string;
  body: string;
  /** Translated text by index of the original's update; '' for not translated. */
  updates: string[];
}

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

function updatesOf(fields: Record<string, unknown>): RawUpdate[] {
  return Array.isArray(fields.updates) ? (fields.updates as Record<string, unknown>[]).map((u) => ({ at: str(u?.at), text: str(u?.text) })) : [];
}

export function originalTexts(fileText: string): OriginalTexts {
  const { fields, body } = readFrontmatter(fileText);
  return { title: str(fields.title), summary: str(fields.summary), imageAlt: str(fields.imageAlt), sms: str(fields.sms), body, updates: updatesOf(fields) };
}

const instant = (at: string, zone: string) => {
  const r = parseContentDate(at, zone);
  return r.ok ? r.date.getTime() : NaN;
};

/** What a translation file says, lined up with the original's updates. */
export function translationValues(fileText: string, original: OriginalTexts, zone: string): TranslationValues {
  const { fields, body } = readFrontmatter(fileText);
  const own = updatesOf(fields);
  return {
    title: str(fields.title), summary: str(fields.summary), imageAlt: str(fields.imageAlt), sms: str(fields.sms), body,
    updates: original.updates.map((u) => own.find((o) => instant(o.at, zone) === instant(u.at, zone))?.text ?? ''),
  };
}

export function translationFromForm(form: FormData, original: OriginalTexts): TranslationValues {
  const lf = (s: string) => s.replace(/\r\n?/g, '\n');
  return {
    title: form.get('title').trim(), summary: form.get('summary').trim(), imageAlt: form.get('imageAlt').trim(), sms: lf(form.get('sms')).trim(),
    body: lf(form.get('body')), updates: original.updates.map((_, i) => lf(form.get(`update.${i}`)).trim()),
  };
}

export function newTranslationText(v: TranslationValues, original: OriginalTexts): string {
  const lines = ['---', `title: ${yamlString(v.title)}`, `summary: ${yamlString(v.summary)}`];
  if (v.imageAlt) lines.push(`imageAlt: ${yamlString(v.imageAlt)}`);
  if (v.sms) lines.push(...pairLines('sms', v.sms, ''));
  const translated = original.updates.map((u, i) => ({ at: u.at, text: v.updates[i] ?? '' })).filter((u) => u.text);
  if (translated.length) {
    lines.push('updates:');
    for (const u of translated) lines.push(`  - at: ${u.at}`, ...pairLines('text', u.text, '    '));
  }
  lines.push('---');
  const body = v.body === '' || v.body.endsWith('\n') ? v.body : v.body + '\n';
  return `${lines.join('\n')}\n${body}`;
}

/** The translation file with what changed edited in place; new update texts are appended. */
export function editedTranslationText(fileText: string, v: TranslationValues, original: OriginalTexts, zone: string): string {
  const was = translationValues(fileText, original, zone);
  let out = fileText;
  const order = ['title', 'summary', 'imageAlt', 'sms'];
  for (const key of order as (keyof TranslationValues & string)[]) {
    const value = v[key] as string;
    if (value !== was[key]) out = setField(out, [key], value === '' ? null : value, order.slice(0, order.indexOf(key)).reverse());
  }
  original.updates.forEach((u, i) => {
    const text = v.updates[i] ?? '';
    if (text === was.updates[i] || text === '') return;
    const own = updatesOf(readFrontmatter(out).fields);
    const index = own.findIndex((o) => instant(o.at, zone) === instant(u.at, zone));
    out = index >= 0 ? setField(out, ['updates', index, 'text'], text) : appendUpdate(out, { at: u.at, text, services: {} });
  });
  if (v.body.replace(/\n*$/, '') !== was.body.replace(/\n*$/, '')) out = setBody(out, v.body);
  return out;
}

export interface TranslationFormContext {
  lang: MessageLang;
  t: Texts;
  /** Names of the original's and the translation's languages, in the officer's language. */
  fromName: string;
  fromCode: string;
  toName: string;
  toCode: string;
}

export function translationForm(c: TranslationFormContext, original: OriginalTexts, v: TranslationValues, problems: Problem[], hiddenFields: Html, submit: string): Html {
  const { t, lang } = c;
  const by = (field: string) => problems.filter((p) => formFieldOf(p) === field);
  const row = (label: string, originalText: string, control: Html) =>
    html`<div class="pair"><div class="original"><p class="label">${t('original')} (${c.fromName}): ${label}</p><div class="text" lang="${c.fromCode}">${originalText}</div></div><div class="translation">${control}</div></div>`;
  // Problems of update texts are reported with the index in the translation file; shown at the top.
  return html`<form method="post" class="translation" novalidate>${hiddenFields}
${row(t('fieldTitle'), original.title, textInput({ id: fieldId('title'), lang, t, problems: by('title'), name: 'title', label: `${t('fieldTitle')} (${c.toName})`, value: v.title, required: true }))}
${row(t('fieldSummary'), original.summary, textInput({ id: fieldId('summary'), lang, t, problems: by('summary'), name: 'summary', label: `${t('fieldSummary')} (${c.toName})`, hint: t('hintSummary', { max: SUMMARY_MAX }), value: v.summary, max: SUMMARY_MAX, required: true }))}
${original.imageAlt ? row(t('fieldImageAlt'), original.imageAlt, textInput({ id: fieldId('imageAlt'), lang, t, problems: by('imageAlt'), name: 'imageAlt', label: `${t('fieldImageAlt')} (${c.toName})`, value: v.imageAlt })) : ''}
${original.sms ? row(t('fieldSms'), original.sms, textArea({ id: fieldId('sms'), lang, t, problems: by('sms'), name: 'sms', label: `${t('fieldSms')} (${c.toName})`, value: v.sms, rows: 3, max: SMS_MAX })) : ''}
${original.updates.length ? html`<h2>${t('updatesTitle')}</h2>` : ''}
${original.updates.map((u, i) => row(t('fieldUpdateTranslation', { at: u.at }), u.text, textArea({ id: `f-update-${i}`, lang, t, name: `update.${i}`, label: `${t('fieldUpdateTranslation', { at: u.at })} (${c.toName})`, value: v.updates[i] ?? '', rows: 3 })))}
${row(t('fieldBody'), original.body, textArea({ id: fieldId('body'), lang, t, problems: by('body'), name: 'body', label: `${t('fieldBody')} (${c.toName})`, value: v.body, rows: 16 }))}
<p><button type="submit">${submit}</button></p>
</form>`;
}
