// The bulletin form: every field of the format, its values as written in the file (or as the
// officer typed them), and the step from a submitted form to the file's new text: a new file from
// newBulletinText, or line edits of the existing one (frontmatter-edit.ts) for the fields that
// changed, so the rest of the file stays as it was.
import { newBulletinText } from '../lib/cli/bulletin-text.ts';
import { bodyTemplate, BODY_QUESTIONS } from '../lib/content/templates.ts';
import { toLocalMinute } from '../lib/model/dates.ts';
import { localize } from '../lib/model/i18n.ts';
import { setBody, setField, setMap, readFrontmatter } from '../lib/editor/frontmatter-edit.ts';
import type { MessageLang } from '../lib/content/messages.ts';
import type { Problem } from '../lib/content/problems.ts';
import { BULLETIN_FIELDS, SMS_MAX, SUMMARY_MAX } from '../lib/content/read-bulletin.ts';
import { AUDIENCES, SEVERITIES, STATUSES, type Audience, type Service, type Severity, type Site, type Status } from '../lib/model/types.ts';
import { checkbox, choices, formFieldOf, hidden, problemText, select, textArea, textInput } from './fields.ts';
import type { FormData } from './form-data.ts';
import { html, Html } from './html.ts';
import type { Texts } from './texts.ts';

export interface BulletinValues {
  title: string;
  published: string;
  updated: string;
  summary: string;
  severity: string;
  audience: string[];
  /** Service id → status, only the services the bulletin names. */
  services: Record<string, string>;
  pinned: boolean;
  nextUpdate: string;
  draft: boolean;
  /** Relative to the bulletin file, as written (`images/x.jpg`). */
  image: string;
  imageAlt: string;
  imageCredit: string;
  sms: string;
  body: string;
}

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));

export function emptyValues(siteLang: string, now: Date, timeZone: string): BulletinValues {
  return {
    title: '', published: toLocalMinute(now, timeZone), updated: '', summary: '', severity: 'info', audience: ['public'], services: {},
    pinned: false, nextUpdate: '', draft: false, image: '', imageAlt: '', imageCredit: '', sms: '', body: bodyTemplate(siteLang),
  };
}

/** The values as the file writes them (dates as typed, not converted). */
export function valuesFromFile(fileText: string): BulletinValues {
  const { fields: f, body } = readFrontmatter(fileText);
  const services = f.services && typeof f.services === 'object' && !Array.isArray(f.services) ? Object.fromEntries(Object.entries(f.services).map(([k, v]) => [k, text(v)])) : {};
  const audience = Array.isArray(f.audience) ? f.audience.map(text) : typeof f.audience === 'string' ? [f.audience] : ['public'];
  return {
    title: text(f.title), published: text(f.published), updated: text(f.updated), summary: text(f.summary), severity: text(f.severity) || 'info',
    audience, services, pinned: f.pinned === true, nextUpdate: text(f.nextUpdate), draft: f.draft === true, image: text(f.image),
    imageAlt: text(f.imageAlt), imageCredit: text(f.imageCredit), sms: text(f.sms), body,
  };
}

/** The values as submitted. Browsers send text areas with CRLF: made LF here. */
export function valuesFromForm(form: FormData, services: Service[]): BulletinValues {
  const lf = (s: string) => s.replace(/\r\n?/g, '\n');
  const chosen: Record<string, string> = {};
  for (const s of services) {
    const v = form.get(`service.${s.id}`);
    if (v) chosen[s.id] = v;
  }
  return {
    title: form.get('title').trim(), published: form.get('published').trim(), updated: form.get('updated').trim(), summary: form.get('summary').trim(),
    severity: form.get('severity') || 'info', audience: form.all('audience'), services: chosen, pinned: form.get('pinned') === 'true',
    nextUpdate: form.get('nextUpdate').trim(), draft: form.get('draft') === 'true', image: form.get('removeImage') === 'true' ? '' : form.get('image'),
    imageAlt: form.get('imageAlt').trim(), imageCredit: form.get('imageCredit').trim(), sms: lf(form.get('sms')).trim(), body: lf(form.get('body')),
  };
}

export function newFileText(v: BulletinValues, siteLang: string, now: Date, timeZone: string): string {
  const body = v.body.endsWith('\n') || v.body === '' ? v.body : v.body + '\n';
  return newBulletinText(
    {
      title: v.title, published: v.published || toLocalMinute(now, timeZone), summary: v.summary, severity: v.severity as Severity,
      audience: (v.audience.length ? v.audience : ['public']) as Audience[], services: v.services as Record<string, Status>,
      pinned: v.pinned, nextUpdate: v.nextUpdate || undefined, draft: v.draft, sms: v.sms || undefined,
      image: v.image || undefined, imageAlt: v.image ? v.imageAlt || undefined : undefined, imageCredit: v.image ? v.imageCredit || undefined : undefined, body,
    },
    siteLang,
  );
}

/** Fields a new field reads best after, nearest first: the order of the format. */
function after(key: string): string[] {
  const order = BULLETIN_FIELDS as readonly string[];
  return order.slice(0, Math.max(0, order.indexOf(key))).reverse();
}

/** The file with the changed fields edited in place; unchanged fields are not touched at all. */
export function editedFileText(fileText: string, v: BulletinValues): string {
  const was = valuesFromFile(fileText);
  let out = fileText;
  const scalar = (key: keyof BulletinValues & string, value: string) => {
    if (value !== was[key]) out = setField(out, [key], value === '' ? null : value, after(key));
  };
  scalar('title', v.title);
  scalar('published', v.published);
  scalar('updated', v.updated);
  scalar('summary', v.summary);
  const { fields } = readFrontmatter(fileText);
  if (v.severity !== was.severity) out = setField(out, ['severity'], v.severity, after('severity'));
  const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
  if (!sameSet(v.audience.length ? v.audience : ['public'], was.audience)) out = setField(out, ['audience'], v.audience.length ? v.audience : ['public'], after('audience'));
  const sameMap = JSON.stringify(Object.entries(v.services).sort()) === JSON.stringify(Object.entries(was.services).sort());
  if (!sameMap) out = setMap(out, 'services', v.services, after('services'));
  const flag = (key: 'pinned' | 'draft', value: boolean) => {
    if (value !== was[key]) out = setField(out, [key], value || key in fields ? value : null, after(key));
  };
  flag('pinned', v.pinned);
  scalar('nextUpdate', v.nextUpdate);
  flag('draft', v.draft);
  scalar('image', v.image);
  scalar('imageAlt', v.image ? v.imageAlt : '');
  scalar('imageCredit', v.image ? v.imageCredit : '');
  scalar('sms', v.sms);
  if (v.body !== was.body && v.body.replace(/\n*$/, '') !== was.body.replace(/\n*$/, '')) out = setBody(out, v.body);
  return out;
}

export interface FormContext {
  lang: MessageLang;
  t: Texts;
  site: Site;
  services: Service[];
}

/** Form field ids: the problem's field name prefixed, so `#f-imageAlt` links from the summary. */
export const fieldId = (field: string) => `f-${field.replace(/[^A-Za-z0-9]+/g, '-')}`;

export function bulletinForm(c: FormContext, v: BulletinValues, problems: Problem[], hidden_: Html, submit: string): Html {
  const { t, lang } = c;
  const zone = c.site.timezone;
  const by = (field: string) => problems.filter((p) => formFieldOf(p) === field);
  const base = (field: string) => ({ id: fieldId(field), lang, t, problems: by(field) });
  const dateType = (value: string) => (value === '' || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? 'datetime-local' : 'text');
  const statusOptions = (none: string): [string, string][] => [['', none], ...STATUSES.map((s): [string, string] => [s, t(`status_${s}`)])];
  const questions = BODY_QUESTIONS[c.site.languages[0]!] ?? BODY_QUESTIONS.sv!;
  return html`<form method="post" enctype="multipart/form-data" class="bulletin" novalidate>${hidden_}
${textInput({ ...base('title'), name: 'title', label: t('fieldTitle'), value: v.title, required: true })}
${textInput({ ...base('summary'), name: 'summary', label: t('fieldSummary'), hint: t('hintSummary', { max: SUMMARY_MAX }), value: v.summary, max: SUMMARY_MAX, required: true })}
${choices({ ...base('severity'), name: 'severity', type: 'radio', label: t('fieldSeverity'), values: [v.severity], options: SEVERITIES.map((s) => [s, t(`severity_${s}`)]) })}
${choices({ ...base('audience'), name: 'audience', type: 'checkbox', label: t('fieldAudience'), values: v.audience, options: AUDIENCES.map((a) => [a, t(`audience_${a}`)]) })}
<fieldset id="${fieldId('services')}" class="field services"><legend>${t('fieldServices')}</legend><p class="hint">${t('hintServices')}</p>
${by('services').length ? html`<ul class="problems">${by('services').map((p) => html`<li class="${p.level}">${p.field}: ${problemText(p, c.lang, c.t)}</li>`)}</ul>` : ''}
${c.services.map((s) => select({ id: `f-service-${s.id}`, lang, t, name: `service.${s.id}`, label: localize(s.name, c.site.languages[0]!, c.site), value: v.services[s.id] ?? '', options: statusOptions(t('serviceUnchanged')) }))}
</fieldset>
${checkbox({ ...base('pinned'), name: 'pinned', label: t('fieldPinned'), checked: v.pinned })}
${textInput({ ...base('published'), name: 'published', type: dateType(v.published), label: t('fieldPublished'), hint: t('hintDate', { zone }), value: v.published })}
${v.updated || by('updated').length ? textInput({ ...base('updated'), name: 'updated', type: dateType(v.updated), label: t('fieldUpdated'), hint: t('hintDateAny', { zone }), value: v.updated }) : hidden('updated', v.updated)}
${textInput({ ...base('nextUpdate'), name: 'nextUpdate', type: dateType(v.nextUpdate), label: t('fieldNextUpdate'), hint: t('hintDateAny', { zone }), value: v.nextUpdate })}
${checkbox({ ...base('draft'), name: 'draft', label: t('fieldDraft'), checked: v.draft })}
<fieldset class="field image"><legend>${t('fieldImage')}</legend>
${v.image ? html`<p>${t('currentImage', { src: v.image })}</p>${hidden('image', v.image)}${checkbox({ id: 'f-removeImage', lang, t, name: 'removeImage', label: t('removeImage'), checked: false })}` : hidden('image', '')}
<div class="${by('image').length ? 'field invalid' : 'field'}"><label for="${fieldId('image')}">${v.image ? t('fieldImageReplace') : t('fieldImageFile')}</label><p class="hint" id="f-image-hint">${t('hintImage')}</p>
${by('image').length ? html`<ul class="problems" id="f-image-problems">${by('image').map((p) => html`<li class="${p.level}">${problemText(p, c.lang, c.t)}</li>`)}</ul>` : ''}
<input type="file" id="${fieldId('image')}" name="imageFile" accept="image/jpeg,image/png,image/webp,image/gif,image/avif,image/svg+xml" aria-describedby="f-image-hint${by('image').length ? ' f-image-problems' : ''}"></div>
${textInput({ ...base('imageAlt'), name: 'imageAlt', label: t('fieldImageAlt'), hint: t('hintImageAlt'), value: v.imageAlt })}
${textInput({ ...base('imageCredit'), name: 'imageCredit', label: t('fieldImageCredit'), value: v.imageCredit })}
</fieldset>
${textArea({ ...base('sms'), name: 'sms', label: t('fieldSms'), hint: t('hintSms', { max: SMS_MAX }), value: v.sms, rows: 3, max: SMS_MAX })}
<div class="body-with-guide">
${textArea({ ...base('body'), name: 'body', label: t('fieldBody'), hint: t('hintBody'), value: v.body, rows: 18 })}
<div class="guide"><h2>${t('questions')}</h2><ol>${questions.map((q) => html`<li>${q}</li>`)}</ol></div>
</div>
<p><button type="submit">${submit}</button></p>
</form>`;
}

