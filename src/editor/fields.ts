// Form fields with their label, hint and the problems `check` finds for them, linked for screen
// readers (aria-describedby, aria-invalid), and the summary of problems at the top of a form.
import { messageFor, type MessageLang } from '../lib/content/messages.ts';
import type { Problem } from '../lib/content/problems.ts';
import { html, Html } from './html.ts';
import type { Texts } from './texts.ts';

/** `updates[2].text` → `updates[2].text`; `services.vatten` → `services`; the form field a problem belongs to. */
export function formFieldOf(p: Problem): string {
  const field = p.field ?? '';
  if (/^updates\[\d+\]\.text/.test(field)) return field.replace(/^(updates\[\d+\]\.text).*$/, '$1');
  return field.split(/[.[]/)[0] ?? '';
}

/** The message and what to do; with the line in the file where the file is named (not in a form). */
export function problemText(p: Problem, lang: MessageLang, t: Texts, withLine = false): string {
  const m = messageFor(p, lang);
  const where = withLine && p.line ? `${t('line', { line: p.line })}: ` : '';
  return `${where}${m.text}${m.fix ? ` ${m.fix}` : ''}`;
}

/** "Fel" or "Varning" (Error, Warning) before a problem's text. */
export function levelWord(p: Problem, lang: MessageLang): string {
  if (lang === 'sv') return p.level === 'error' ? 'Fel' : 'Varning';
  return p.level === 'error' ? 'Error' : 'Warning';
}

export interface FieldOptions {
  id: string;
  label: string;
  hint?: string;
  problems?: Problem[];
  lang: MessageLang;
  t: Texts;
}

function describe(o: FieldOptions): { attrs: Html; hint: Html | string; list: Html | string; invalid: boolean } {
  const problems = o.problems ?? [];
  const ids = [o.hint ? `${o.id}-hint` : '', problems.length ? `${o.id}-problems` : ''].filter(Boolean).join(' ');
  const invalid = problems.some((p) => p.level === 'error');
  const attrs = new Html(`${ids ? ` aria-describedby="${ids}"` : ''}${invalid ? ' aria-invalid="true"' : ''}`);
  const hint = o.hint ? html`<p class="hint" id="${o.id}-hint">${o.hint}</p>` : '';
  const list = problems.length
    ? html`<ul class="problems" id="${o.id}-problems">${problems.map((p) => html`<li class="${p.level}"><strong>${levelWord(p, o.lang)}:</strong> ${problemText(p, o.lang, o.t)}</li>`)}</ul>`
    : '';
  return { attrs, hint, list, invalid };
}

export function textInput(o: FieldOptions & { name: string; value: string; type?: string; max?: number; required?: boolean; autocomplete?: boolean }): Html {
  const d = describe(o);
  const count = o.max ? counter(o.id, o.value, o.max, o.t) : '';
  return html`<div class="${d.invalid ? 'field invalid' : 'field'}"><label for="${o.id}">${o.label}${o.required ? html` <span class="req">${o.t('required')}</span>` : ''}</label>${d.hint}${d.list}
<input id="${o.id}" name="${o.name}" type="${o.type ?? 'text'}" value="${o.value}"${o.max ? new Html(` data-max="${o.max}"`) : ''}${o.required ? new Html(' required') : ''}${d.attrs}>${count}</div>`;
}

export function textArea(o: FieldOptions & { name: string; value: string; rows?: number; max?: number; required?: boolean }): Html {
  const d = describe(o);
  const count = o.max ? counter(o.id, o.value, o.max, o.t) : '';
  return html`<div class="${d.invalid ? 'field invalid' : 'field'}"><label for="${o.id}">${o.label}${o.required ? html` <span class="req">${o.t('required')}</span>` : ''}</label>${d.hint}${d.list}
<textarea id="${o.id}" name="${o.name}" rows="${o.rows ?? 4}"${o.max ? new Html(` data-max="${o.max}"`) : ''}${o.required ? new Html(' required') : ''}${d.attrs}>${o.value}</textarea>${count}</div>`;
}

export function select(o: FieldOptions & { name: string; value: string; options: [string, string][] }): Html {
  const d = describe(o);
  return html`<div class="${d.invalid ? 'field invalid' : 'field'}"><label for="${o.id}">${o.label}</label>${d.hint}${d.list}
<select id="${o.id}" name="${o.name}"${d.attrs}>${o.options.map(([v, label]) => html`<option value="${v}"${v === o.value ? new Html(' selected') : ''}>${label}</option>`)}</select></div>`;
}

export function checkbox(o: FieldOptions & { name: string; checked: boolean }): Html {
  const d = describe(o);
  return html`<div class="${d.invalid ? 'field check invalid' : 'field check'}">${d.list}<input type="checkbox" id="${o.id}" name="${o.name}" value="true"${o.checked ? new Html(' checked') : ''}${d.attrs}> <label for="${o.id}">${o.label}</label>${d.hint}</div>`;
}

/** A group of radio buttons or checkboxes under a legend. */
export function choices(o: FieldOptions & { name: string; type: 'radio' | 'checkbox'; values: string[]; options: [string, string][] }): Html {
  const d = describe(o);
  return html`<fieldset id="${o.id}" class="${d.invalid ? 'field invalid' : 'field'}"${d.attrs}><legend>${o.label}</legend>${d.hint}${d.list}
${o.options.map(([v, label], i) => html`<div class="choice"><input type="${o.type}" id="${o.id}-${i}" name="${o.name}" value="${v}"${o.values.includes(v) ? new Html(' checked') : ''}> <label for="${o.id}-${i}">${label}</label></div>`)}</fieldset>`;
}

/** "120 av 300 tecken": right from the server, kept current by editor.js as the officer types. */
export function counter(id: string, value: string, max: number, t: Texts): Html {
  const n = [...value.replace(/\r\n/g, '\n')].length;
  const text = n > max ? t('countOver', { n, max, over: n - max }) : t('count', { n, max });
  return html`<p class="${n > max ? 'count over' : 'count'}" id="${id}-count" data-count-for="${id}" aria-live="polite">${text}</p>`;
}

/** The problems of a form at its top, each linking to its field. */
export function problemSummary(problems: Problem[], lang: MessageLang, t: Texts, idOf: (p: Problem) => string | undefined, labelOf: (p: Problem) => string | undefined = () => undefined): Html | string {
  const errors = problems.filter((p) => p.level === 'error');
  const warnings = problems.filter((p) => p.level === 'warning');
  if (!problems.length) return '';
  const item = (p: Problem) => {
    const id = idOf(p);
    const label = labelOf(p) ?? p.field;
    const text = `${label ? `${label}: ` : ''}${problemText(p, lang, t)}`;
    return html`<li>${id ? html`<a href="#${id}">${text}</a>` : text}</li>`;
  };
  return html`${errors.length ? html`<div class="summary error" role="alert" tabindex="-1" id="problems"><h2>${t('errorsTitle')}</h2><ul>${errors.map(item)}</ul></div>` : ''}
${warnings.length ? html`<div class="summary warning"><h2>${t('warningsTitle')}</h2><ul>${warnings.map(item)}</ul></div>` : ''}`;
}

export function hidden(name: string, value: string): Html {
  return html`<input type="hidden" name="${name}" value="${value}">`;
}
