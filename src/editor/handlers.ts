// What each address of the editor does. Every handler reads content/ afresh (files are the source
// of truth: the officer may also edit them by hand), checks a change with checkDraft before it is
// written, and writes only files whose names it made itself from known slugs and language codes.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { appendUpdate } from '../lib/cli/append-update.ts';
import { slugify } from '../lib/cli/file-name.ts';
import { toLocalMinute } from '../lib/model/dates.ts';
import { buildSiteModel } from '../lib/site/derive.ts';
import { checkDraft, checkFolder, contentProblems } from '../lib/editor/check-draft.ts';
import { bulletinFile, changedSince, createContentFile, imageName, IMAGE_TYPES, isLangCode, isSlug, loadFile, replaceContentFile } from '../lib/editor/content-files.ts';
import { FrontmatterEditError, readFrontmatter } from '../lib/editor/frontmatter-edit.ts';
import { formatDateTime, languageName, localize } from '../lib/model/i18n.ts';
import { shownPath } from '../lib/build/fs-errors.ts';
import { CliError } from '../lib/cli/output.ts';
import { readImageHeader } from '../lib/images/image-header.ts';
import { loadContent, splitFileName, type BulletinGroup, type Content, type ValidContent } from '../lib/content/load-content.ts';
import { messageFor, type MessageLang } from '../lib/content/messages.ts';
import { hasErrors, type Problem } from '../lib/content/problems.ts';
import { STATUSES, type Site, type Status } from '../lib/model/types.ts';
import { paths } from '../lib/model/urls.ts';
import { bulletinForm, editedFileText, emptyValues, fieldId, newFileText, valuesFromFile, valuesFromForm, type BulletinValues } from './bulletin-form.ts';
import { formFieldOf, hidden, levelWord, problemSummary, problemText, select, textArea, textInput, choices } from './fields.ts';
import type { FormData } from './form-data.ts';
import { html, Html, page, type PageOptions } from './html.ts';
import { keyState, type Publisher, type PublishRun } from './publish.ts';
import { editedTranslationText, newTranslationText, originalTexts, translationForm, translationFromForm, translationValues } from './translation-form.ts';
import type { TextKey, Texts } from './texts.ts';

export interface EditorState {
  dir: string;
  lang: MessageLang;
  t: Texts;
  now: () => Date;
  token: string;
  previewOrigin?: string;
  publisher: Publisher;
}

export type Reply = { status: number; body: string } | { redirect: string };

export interface Request {
  method: string;
  /** Path segments, decoded. */
  parts: string[];
  query: URLSearchParams;
  form?: FormData;
}

const ok = (body: string): Reply => ({ status: 200, body });

function frame(s: EditorState, title: string, main: Html, extra: Partial<PageOptions> = {}): string {
  return page({ lang: s.lang, t: s.t, title, ...extra }, main);
}

function previewOf(s: EditorState, site: Site, rest?: { slug: string; lang?: string }): string | undefined {
  if (!s.previewOrigin) return undefined;
  return s.previewOrigin + (rest ? paths.bulletin(site, rest.lang ?? site.languages[0]!, rest.slug) : paths.home(site, site.languages[0]!));
}

function tokenField(s: EditorState): Html {
  return hidden('token', s.token);
}

export function notFound(s: EditorState): Reply {
  return { status: 404, body: frame(s, s.t('notFound'), html`<h1>${s.t('notFound')}</h1><p><a href="/">${s.t('back')}</a></p>`) };
}

/** The content, or a page saying site.yaml must be fixed first. */
function contentOr(s: EditorState): { content: ValidContent } | { reply: Reply } {
  const content = loadContent(s.dir);
  if (content.site) return { content: content as ValidContent };
  const problems = content.problems.filter((p) => p.file === 'site.yaml' || p.file === '.');
  const m = messageFor({ code: 'cli.no-site' }, s.lang);
  return { reply: { status: 500, body: frame(s, m.text, html`<h1>${m.text}</h1><p>${m.fix}</p><ul>${problems.map((p) => html`<li>${p.file}: ${problemText(p, s.lang, s.t, true)}</li>`)}</ul>`) } };
}

function group(content: Content, slug: string | undefined): BulletinGroup | undefined {
  if (!slug || !isSlug(slug)) return undefined;
  return content.bulletins.find((g) => g.slug === slug);
}

const langName = (code: string, inLang: MessageLang) => {
  try {
    return new Intl.DisplayNames([inLang], { type: 'language', fallback: 'none' }).of(code) ?? languageName(code);
  } catch {
    return code;
  }
};

// --- The list and the status board -----------------------------------------------------------

export function listPage(s: EditorState): Reply {
  const c = contentOr(s);
  if ('reply' in c) return c.reply;
  const { content } = c;
  const site = content.site;
  const t = s.t;
  const now = s.now();
  const [defaultLang, ...others] = site.languages as [string, ...string[]];
  const model = buildSiteModel(content, now);
  const groups = [...content.bulletins].sort((a, b) => b.original.published.getTime() - a.original.published.getTime() || a.slug.localeCompare(b.slug));
  const errorFiles = new Set(content.problems.filter((p) => p.level === 'error').map((p) => p.file));
  const rows = groups.map((g) => {
    const b = g.original;
    const state = b.draft ? t('stateDraft') : b.published > now ? t('stateScheduled') : t('statePublished');
    const hasError = [...g.versions.values()].some((v) => errorFiles.has(v.file));
    return html`<tr><td><a href="/b/${g.slug}">${b.title}</a></td><td>${formatDateTime(b.published, s.lang, site.timezone)}</td>
<td><span class="state ${b.draft ? 'draft' : b.published > now ? 'scheduled' : 'published'}">${state}</span>${hasError ? html` <span class="state errors">${t('stateErrors')}</span>` : ''}</td>
<td>${others.length ? html`<ul class="langs">${others.map((l) => html`<li><a href="/b/${g.slug}/translate/${l}">${g.versions.has(l) ? t('editTranslation', { lang: langName(l, s.lang) }) : t('translateTo', { lang: langName(l, s.lang) })}</a></li>`)}</ul>` : ''}</td>
<td><a href="/b/${g.slug}/update">${t('actionUpdate')}<span class="visually-hidden">: ${b.title}</span></a></td></tr>`;
  });
  const board = model.services.map(
    (st) => html`<tr><td>${localize(st.service.name, defaultLang, site)}</td><td><span class="status ${st.status}">${t(`status_${st.status}`)}</span></td>
<td>${st.since ? formatDateTime(st.since, s.lang, site.timezone) : t('statusBefore')}</td>
<td><a href="/status?service=${st.service.id}">${t('changeStatusOf', { name: localize(st.service.name, defaultLang, site) })}</a></td></tr>`,
  );
  const broken = [...errorFiles].filter((f) => f.startsWith('bulletins/') && !content.bulletins.some((g) => [...g.versions.values()].some((v) => v.file === f)));
  const main = html`<h1>${t('listTitle')}</h1><p>${t('listIntro')}</p>
<p><a class="button" href="/new">${t('navNew')}</a></p>
${broken.length ? html`<div class="summary error"><h2>${t('brokenTitle')}</h2><p>${t('brokenIntro')}</p><ul>${broken.map((f) => html`<li><a href="/raw/${f.slice('bulletins/'.length)}">content/${f}</a></li>`)}</ul></div>` : ''}
${groups.length ? html`<table class="list"><caption class="visually-hidden">${t('listTitle')}</caption><thead><tr><th scope="col">${t('colTitle')}</th><th scope="col">${t('colPublished')}</th><th scope="col">${t('colState')}</th><th scope="col">${t('colLanguages')}</th><th scope="col">${t('colActions')}</th></tr></thead><tbody>${rows}</tbody></table>` : html`<p>${t('listEmpty')}</p>`}
<h2 id="board">${t('boardTitle')}</h2>
<table class="board"><caption class="visually-hidden">${t('boardTitle')}</caption><thead><tr><th scope="col">${t('colService')}</th><th scope="col">${t('colStatus')}</th><th scope="col">${t('colSince')}</th><th scope="col">${t('colActions')}</th></tr></thead><tbody>${board}</tbody></table>`;
  return ok(frame(s, t('listTitle'), main, { current: 'list', preview: previewOf(s, site) }));
}

// --- New bulletin and editing ----------------------------------------------------------------

/** Saves an uploaded lead image under a free name; returns its path relative to the bulletin. */
function saveImage(s: EditorState, form: FormData, problems: Problem[], file: string): string | undefined {
  const upload = form.file('imageFile');
  if (!upload) return undefined;
  const header = readImageHeader(upload.data);
  if (!header) {
    problems.push({ level: 'error', file, field: 'image', code: 'editor.image-format', params: { value: upload.name } });
    return undefined;
  }
  const rel = imageName(s.dir, upload.name, IMAGE_TYPES[header.format]!);
  createContentFile(s.dir, rel, upload.data);
  return path.posix.relative('bulletins', rel);
}

function bulletinPage(s: EditorState, content: ValidContent, v: BulletinValues, problems: Problem[], mode: { slug?: string; hash: string; notice?: string; status?: number; file: string }): Reply {
  const t = s.t;
  const title = mode.slug ? t('editTitleOf', { title: v.title }) : t('newTitle');
  const fields = ['title', 'summary', 'severity', 'audience', 'services', 'pinned', 'published', 'updated', 'nextUpdate', 'draft', 'image', 'imageAlt', 'imageCredit', 'sms', 'body'];
  const idOf = (p: Problem) => (fields.includes(formFieldOf(p)) ? fieldId(formFieldOf(p)) : undefined);
  const own = problems.filter((p) => p.file === mode.file);
  const main = html`<h1>${title}</h1>
${mode.notice ? html`<p class="notice" role="status">${mode.notice}</p>` : ''}
${mode.slug ? html`<p><a href="/b/${mode.slug}/update">${t('actionUpdate')}</a></p>` : ''}
${problemSummary(own, s.lang, t, idOf, (p) => BULLETIN_LABELS[formFieldOf(p)] && t(BULLETIN_LABELS[formFieldOf(p)]!))}
${bulletinForm({ lang: s.lang, t, site: content.site, services: content.services }, v, own, html`${tokenField(s)}${hidden('hash', mode.hash)}`, mode.slug ? t('save') : t('create'))}`;
  return { status: mode.status ?? 200, body: frame(s, title, main, { current: mode.slug ? undefined : 'new', preview: previewOf(s, content.site, mode.slug ? { slug: mode.slug } : undefined) }) };
}

/** The form's label for each field, to name it in the summary of problems. */
const BULLETIN_LABELS: Record<string, TextKey> = {
  title: 'fieldTitle', summary: 'fieldSummary', severity: 'fieldSeverity', audience: 'fieldAudience', services: 'fieldServices', pinned: 'fieldPinned',
  published: 'fieldPublished', updated: 'fieldUpdated', nextUpdate: 'fieldNextUpdate', draft: 'fieldDraft', image: 'fieldImage', imageAlt: 'fieldImageAlt',
  imageCredit: 'fieldImageCredit', sms: 'fieldSms', body: 'fieldBody',
};

export function newBulletin(s: EditorState, req: Request): Reply {
  const c = contentOr(s);
  if ('reply' in c) return c.reply;
  const { content } = c;
  const site = content.site;
  const siteLang = site.languages[0]!;
  if (req.method !== 'POST') return bulletinPage(s, content, emptyValues(siteLang, s.now(), site.timezone), [], { hash: '', file: '' });
  const form = req.form!;
  const v = valuesFromForm(form, content.services);
  const published = v.published || toLocalMinute(s.now(), site.timezone);
  v.published = published;
  const base = `${published.slice(0, 10)}-${slugify(v.title) || (s.lang === 'sv' ? 'meddelande' : 'bulletin')}`;
  const slug = uniqueSlug(content, base);
  const file = bulletinFile(slug, siteLang, siteLang);
  const problems: Problem[] = [];
  const image = saveImage(s, form, problems, file);
  if (image) v.image = image;
  const text = newFileText(v, siteLang, s.now(), site.timezone);
  problems.push(...checkDraft(s.dir, file, text, s.now()));
  if (hasErrors(problems.filter((p) => p.file === file))) {
    return bulletinPage(s, content, v, problems, { hash: '', file, status: 422, notice: s.t('notSaved') });
  }
  createContentFile(s.dir, file, text);
  return { redirect: `/b/${slug}?saved=1` };
}

/** A slug no bulletin uses in any language (a broken file that was not read counts too). */
function uniqueSlug(content: Content, base: string): string {
  const dir = path.join(content.dir, 'bulletins');
  const names = existsSync(dir) ? readdirSync(dir) : [];
  const taken = new Set([...content.bulletins.map((g) => g.slug), ...names.map((n) => splitFileName(n).slug)]);
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(slug)) return slug;
  }
}

export function editBulletin(s: EditorState, req: Request, slug: string): Reply {
  const c = contentOr(s);
  if ('reply' in c) return c.reply;
  const { content } = c;
  const g = group(content, slug);
  if (!g) return notFound(s);
  const file = g.original.file;
  const loaded = loadFile(s.dir, file);
  const t = s.t;
  if (req.method !== 'POST') {
    const problems = contentProblems(content, s.now()).filter((p) => p.file === file);
    const notice = req.query.get('saved') ? (problems.length ? t('savedWithWarnings', { file: `content/${file}` }) : t('saved', { file: `content/${file}` })) : undefined;
    return bulletinPage(s, content, valuesFromFile(loaded.text), problems, { slug, hash: loaded.hash, file, notice });
  }
  const form = req.form!;
  const v = valuesFromForm(form, content.services);
  if (changedSince(s.dir, file, form.get('hash'))) return stale(s, file, `/b/${slug}`, v);
  const problems: Problem[] = [];
  const image = saveImage(s, form, problems, file);
  if (image) v.image = image;
  let text: string;
  try {
    text = editedFileText(loaded.text, v);
  } catch (e) {
    if (!(e instanceof FrontmatterEditError)) throw e;
    problems.push({ level: 'error', file, field: e.field || undefined, code: 'editor.cannot-edit', params: { value: e.field || '---' } });
    return bulletinPage(s, content, v, problems, { slug, hash: form.get('hash'), file, status: 422, notice: t('notSaved') });
  }
  problems.push(...checkDraft(s.dir, file, text, s.now()));
  if (hasErrors(problems.filter((p) => p.file === file))) return bulletinPage(s, content, v, problems, { slug, hash: form.get('hash'), file, status: 422, notice: t('notSaved') });
  if (text !== loaded.text) replaceContentFile(s.dir, file, text);
  return { redirect: `/b/${slug}?saved=1` };
}

/** The file changed on disk since the form was made: nothing is written; the officer's text is shown. */
function stale(s: EditorState, file: string, reload: string, submitted: object): Reply {
  const m = messageFor({ code: 'editor.stale', params: { value: `content/${file}` } }, s.lang);
  const lines = Object.entries(submitted)
    .filter(([, v]) => v !== '' && v !== false && !(Array.isArray(v) && !v.length))
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('\n');
  const main = html`<h1>${s.t('staleTitle')}</h1><div class="summary error" role="alert"><p>${m.text}</p><p>${m.fix}</p></div>
<p><a class="button" href="${reload}">${s.t('reload')}</a></p>
<label for="yours">${s.t('yourText')}</label><textarea id="yours" readonly rows="16">${lines}</textarea>`;
  return { status: 409, body: frame(s, s.t('staleTitle'), main) };
}

// --- Updates -------------------------------------------------------------------------------------

export function addUpdate(s: EditorState, req: Request, slug: string): Reply {
  const c = contentOr(s);
  if ('reply' in c) return c.reply;
  const { content } = c;
  const g = group(content, slug);
  if (!g) return notFound(s);
  const site = content.site;
  const file = g.original.file;
  const t = s.t;
  let values = { text: '', at: toLocalMinute(s.now(), site.timezone), services: {} as Record<string, string> };
  let problems: Problem[] = [];
  let status = 200;
  if (req.method === 'POST') {
    const form = req.form!;
    const services: Record<string, string> = {};
    for (const sv of content.services) if (form.get(`service.${sv.id}`)) services[sv.id] = form.get(`service.${sv.id}`);
    values = { text: form.get('text').replace(/\r\n?/g, '\n').trim(), at: form.get('at').trim() || toLocalMinute(s.now(), site.timezone), services };
    const loaded = loadFile(s.dir, file);
    let text: string | undefined;
    if (!values.text) problems.push({ level: 'error', file, field: 'text', code: 'field.required', params: { example: 'text: …' } });
    else {
      try {
        text = appendUpdate(loaded.text, { at: values.at, text: values.text, services: values.services as Record<string, Status> });
      } catch (e) {
        problems.push(...appendRefusal(e, file));
      }
    }
    if (text !== undefined) {
      problems.push(...checkDraft(s.dir, file, text, s.now()).filter((p) => p.file === file));
      if (!hasErrors(problems)) {
        replaceContentFile(s.dir, file, text);
        return { redirect: `/b/${slug}?saved=1` };
      }
    }
    status = 422;
  }
  // The new entry is the last of `updates`: its problems belong to the fields of this form.
  const count = countUpdates(loadFile(s.dir, file).text);
  const map = (p: Problem) => {
    const m = new RegExp(`^updates\\[${count}\\]\\.(at|text|services)`).exec(p.field ?? '');
    return m ? m[1]! : p.field === 'text' ? 'text' : '';
  };
  const by = (f: string) => problems.filter((p) => map(p) === f);
  const title = t('updateTitle', { title: g.original.title });
  const main = html`<h1>${title}</h1><p>${t('updateIntro')}</p>
${status !== 200 ? html`<p class="notice" role="status">${t('notSaved')}</p>` : ''}
${problemSummary(problems, s.lang, t, (p) => (map(p) ? `u-${map(p)}` : undefined))}
<form method="post" novalidate>${tokenField(s)}
${textArea({ id: 'u-text', lang: s.lang, t, problems: by('text'), name: 'text', label: t('fieldUpdateText'), value: values.text, rows: 5, required: true })}
${textInput({ id: 'u-at', lang: s.lang, t, problems: by('at'), name: 'at', type: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(values.at) ? 'datetime-local' : 'text', label: t('fieldAt'), hint: t('hintDate', { zone: site.timezone }), value: values.at })}
<fieldset id="u-services" class="field services"><legend>${t('fieldUpdateServices')}</legend>
${content.services.map((sv) => select({ id: `u-service-${sv.id}`, lang: s.lang, t, problems: [], name: `service.${sv.id}`, label: localize(sv.name, site.languages[0]!, site), value: values.services[sv.id] ?? '', options: [['', t('serviceNoChange')], ...STATUSES.map((st): [string, string] => [st, t(`status_${st}`)])] }))}
</fieldset>
<p><button type="submit">${t('addUpdate')}</button></p></form>`;
  return { status, body: frame(s, title, main, { preview: previewOf(s, site, { slug }) }) };
}

/** Why appendUpdate refused the file, as errors of the file; anything else is thrown on. */
function appendRefusal(e: unknown, file: string): Problem[] {
  if (!(e instanceof CliError)) throw e;
  return e.messages.map((m) => ({ level: 'error' as const, file, code: m.code, params: m.params }));
}

function countUpdates(text: string): number {
  const u = readFrontmatter(text).fields.updates;
  return Array.isArray(u) ? u.length : 0;
}

// --- Translations ---------------------------------------------------------------------------------

export function translate(s: EditorState, req: Request, slug: string, lang: string): Reply {
  const c = contentOr(s);
  if ('reply' in c) return c.reply;
  const { content } = c;
  const site = content.site;
  const g = group(content, slug);
  const [defaultLang] = site.languages as [string];
  if (!g || !isLangCode(lang) || !site.languages.includes(lang) || lang === defaultLang) return notFound(s);
  const t = s.t;
  const originalFile = g.original.file;
  const original = originalTexts(loadFile(s.dir, originalFile).text);
  const file = bulletinFile(slug, lang, defaultLang);
  const exists = g.versions.has(lang);
  const loaded = exists ? loadFile(s.dir, file) : undefined;
  const toName = langName(lang, s.lang);
  const ctx = { lang: s.lang, t, fromName: langName(g.original.lang, s.lang), fromCode: g.original.lang, toName, toCode: lang };
  const render = (v: ReturnType<typeof translationFromForm>, problems: Problem[], hash: string, status = 200, notice?: string): Reply => {
    const title = t('translateTitle', { lang: toName, title: g.original.title });
    const own = problems.filter((p) => p.file === file);
    const main = html`<h1>${title}</h1><p>${t('translateIntro', { lang: ctx.fromName })}</p>
${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
${problemSummary(own, s.lang, t, (p) => (['title', 'summary', 'imageAlt', 'sms', 'body'].includes(formFieldOf(p)) ? fieldId(formFieldOf(p)) : undefined))}
${translationForm(ctx, original, v, own, html`${tokenField(s)}${hidden('hash', hash)}`, exists ? t('save') : t('createTranslation'))}`;
    return { status, body: frame(s, title, main, { preview: previewOf(s, site, { slug, lang }) }) };
  };
  if (req.method !== 'POST') {
    const v = loaded ? translationValues(loaded.text, original, site.timezone) : { title: '', summary: '', imageAlt: '', sms: '', body: '', updates: original.updates.map(() => '') };
    const problems = req.query.get('saved') ? contentProblems(content, s.now()) : [];
    const notice = req.query.get('saved') ? t(problems.some((p) => p.file === file) ? 'savedWithWarnings' : 'saved', { file: `content/${file}` }) : undefined;
    return render(v, problems, loaded?.hash ?? '', 200, notice);
  }
  const form = req.form!;
  const v = translationFromForm(form, original);
  if (changedSince(s.dir, file, form.get('hash'))) return stale(s, file, `/b/${slug}/translate/${lang}`, v);
  let text: string;
  try {
    text = loaded ? editedTranslationText(loaded.text, v, original, site.timezone) : newTranslationText(v, original);
  } catch (e) {
    if (!(e instanceof FrontmatterEditError)) throw e;
    return render(v, [{ level: 'error', file, code: 'editor.cannot-edit', params: { value: e.field || '---' } }], form.get('hash'), 422, t('notSaved'));
  }
  const problems = checkDraft(s.dir, file, text, s.now());
  if (hasErrors(problems.filter((p) => p.file === file))) return render(v, problems, form.get('hash'), 422, t('notSaved'));
  if (loaded) {
    if (text !== loaded.text) replaceContentFile(s.dir, file, text);
  } else createContentFile(s.dir, file, text);
  return { redirect: `/b/${slug}/translate/${lang}?saved=1` };
}

// --- A service's status in one step --------------------------------------------------------------

export function changeStatus(s: EditorState, req: Request): Reply {
  const c = contentOr(s);
  if ('reply' in c) return c.reply;
  const { content } = c;
  const site = content.site;
  const siteLang = site.languages[0]!;
  const t = s.t;
  const now = s.now();
  const model = buildSiteModel(content, now);
  const form = req.form;
  const serviceId = form?.get('service') || req.query.get('service') || content.services[0]?.id || '';
  const service = content.services.find((x) => x.id === serviceId);
  const groups = [...content.bulletins].sort((a, b) => b.original.published.getTime() - a.original.published.getTime());
  // The bulletin that last set this service's status is the likeliest one to update.
  const setBy = model.services.find((x) => x.service.id === serviceId)?.setBy?.slug;
  const values = {
    service: serviceId,
    status: form?.get('status') || '',
    where: form?.get('where') || (groups.length ? 'update' : 'new'),
    bulletin: form?.get('bulletin') || setBy || groups[0]?.slug || '',
    text: (form?.get('text') ?? '').replace(/\r\n?/g, '\n').trim(),
    title: (form?.get('title') ?? '').trim(),
  };
  const problems: Problem[] = [];
  let status = 200;
  if (req.method === 'POST') {
    const at = toLocalMinute(now, site.timezone);
    if (!service) problems.push({ level: 'error', file: 'services.yaml', field: 'service', code: 'service.unknown', params: { value: serviceId, allowed: content.services.map((x) => x.id).join(', ') } });
    if (!(STATUSES as readonly string[]).includes(values.status)) problems.push({ level: 'error', file: '', field: 'status', code: 'value.unknown', params: { value: values.status, allowed: STATUSES.join(', ') } });
    if (!values.text) problems.push({ level: 'error', file: '', field: 'text', code: 'field.required', params: { example: t('hintStatusText') } });
    if (!problems.length && values.where === 'update') {
      const g = group(content, values.bulletin);
      if (!g) return notFound(s);
      const file = g.original.file;
      try {
        const text = appendUpdate(loadFile(s.dir, file).text, { at, text: values.text, services: { [serviceId]: values.status as Status } });
        problems.push(...checkDraft(s.dir, file, text, now).filter((p) => p.file === file && p.level === 'error'));
        if (!problems.length) {
          replaceContentFile(s.dir, file, text);
          return { redirect: `/b/${g.slug}?saved=1` };
        }
      } catch (e) {
        problems.push(...appendRefusal(e, file));
      }
    } else if (!problems.length) {
      if (!values.title) problems.push({ level: 'error', file: '', field: 'title', code: 'field.required', params: { example: t('fieldNewTitle') } });
      else {
        const v: BulletinValues = { ...emptyValues(siteLang, now, site.timezone), title: values.title, summary: values.text, services: { [serviceId]: values.status }, body: values.text + '\n' };
        const slug = uniqueSlug(content, `${v.published.slice(0, 10)}-${slugify(v.title) || 'status'}`);
        const file = bulletinFile(slug, siteLang, siteLang);
        const text = newFileText(v, siteLang, now, site.timezone);
        problems.push(...checkDraft(s.dir, file, text, now).filter((p) => p.file === file && p.level === 'error'));
        if (!problems.length) {
          createContentFile(s.dir, file, text);
          return { redirect: `/b/${slug}?saved=1` };
        }
      }
    }
    status = 422;
  }
  const fieldOf = (p: Problem) => (['service', 'status', 'text', 'title'].includes(p.field ?? '') ? p.field! : p.field?.startsWith('summary') ? 'text' : '');
  const by = (f: string) => problems.filter((p) => fieldOf(p) === f);
  const main = html`<h1>${t('statusTitle')}</h1><p>${t('statusIntro')}</p>
${status !== 200 ? html`<p class="notice" role="status">${t('notSaved')}</p>` : ''}
${problemSummary(problems, s.lang, t, (p) => (fieldOf(p) ? `st-${fieldOf(p)}` : undefined))}
<form method="post" action="/status" novalidate>${tokenField(s)}
${select({ id: 'st-service', lang: s.lang, t, problems: by('service'), name: 'service', label: t('fieldService'), value: values.service, options: content.services.map((x) => [x.id, localize(x.name, siteLang, site)]) })}
${select({ id: 'st-status', lang: s.lang, t, problems: by('status'), name: 'status', label: t('fieldNewStatus'), value: values.status, options: [['', '—'], ...STATUSES.map((st): [string, string] => [st, t(`status_${st}`)])] })}
${textArea({ id: 'st-text', lang: s.lang, t, problems: by('text'), name: 'text', label: t('fieldText'), hint: t('hintStatusText'), value: values.text, rows: 3, required: true })}
${choices({ id: 'st-where', lang: s.lang, t, name: 'where', type: 'radio', label: t('fieldWhere'), values: [values.where], options: [['update', t('whereUpdate')], ['new', t('whereNew')]] })}
${select({ id: 'st-bulletin', lang: s.lang, t, name: 'bulletin', label: t('fieldTargetBulletin'), value: values.bulletin, options: groups.map((g) => [g.slug, `${g.original.title} (${toLocalMinute(g.original.published, site.timezone).replace('T', ' ')})`]) })}
${textInput({ id: 'st-title', lang: s.lang, t, problems: by('title'), name: 'title', label: t('fieldNewTitle'), value: values.title })}
<p><button type="submit">${t('changeStatus')}</button></p></form>`;
  return { status, body: frame(s, t('statusTitle'), main, { current: 'status', preview: previewOf(s, site) }) };
}

// --- Check and publish ---------------------------------------------------------------------------

function problemList(s: EditorState, content: Content, problems: Problem[]): Html {
  const files = [...new Set(problems.map((p) => p.file))];
  const linkOf = (file: string) => {
    const g = content.bulletins.find((x) => [...x.versions.values()].some((v) => v.file === file));
    if (!g) return /^bulletins\/[^/]+\.md$/.test(file) ? `/raw/${file.slice('bulletins/'.length)}` : undefined;
    const v = [...g.versions.values()].find((x) => x.file === file)!;
    return v.lang === g.original.lang ? `/b/${g.slug}` : `/b/${g.slug}/translate/${v.lang}`;
  };
  return html`${files.map((file) => {
    const link = linkOf(file);
    return html`<section class="file" id="${fieldId(file)}"><h2>${link ? html`<a href="${link}">content/${file}</a>` : `content/${file}`}</h2><ul class="problems">${problems
      .filter((p) => p.file === file)
      .map((p) => html`<li class="${p.level}"><strong>${levelWord(p, s.lang)}</strong>${p.field ? html` (${s.t('fieldName', { field: p.field })})` : ''}: ${problemText(p, s.lang, s.t, true)}</li>`)}</ul></section>`;
  })}`;
}

export function checkPage(s: EditorState): Reply {
  const content = loadContent(s.dir);
  const problems = contentProblems(content, s.now());
  const errors = problems.filter((p) => p.level === 'error').length;
  const t = s.t;
  const main = html`<h1>${t('checkTitle')}</h1><p>${t('checkIntro')}</p>
<p class="${errors ? 'notice error' : 'notice'}" role="status">${problems.length ? t('checkSummary', { errors, warnings: problems.length - errors }) : t('checkOk')}</p>
${problemList(s, content, problems)}`;
  return ok(frame(s, t('checkTitle'), main, { current: 'check' }));
}

export function publishPage(s: EditorState, req: Request): Reply {
  const t = s.t;
  let refused: Problem[] = [];
  let keyRefusal: Html | undefined;
  const command = s.publisher.command;
  // npm run publish signs: the key pair is checked before anything is built (src/lib/publish/signing-keys.ts).
  const keys = command.signs ? keyState(s.dir) : undefined;
  const keyProblem = keys?.problem ? messageFor(keys.problem, s.lang) : undefined;
  const needsPassword = keys?.problem === undefined && keys?.encrypted === true;
  if (req.method === 'POST') {
    const content = loadContent(s.dir);
    refused = content.problems.filter((p) => p.level === 'error');
    // The password goes straight from the form to the child's standard input; it is not kept.
    const password = needsPassword ? req.form?.get('password') ?? '' : undefined;
    if (refused.length) {
      // the content's problems, below
    } else if (keyProblem) keyRefusal = html`<p>${t('publishKeyProblem')}</p>`;
    else if (password === '') keyRefusal = html`<p>${t('publishNoPassword')}</p>`;
    else {
      s.publisher.start(password);
      return { redirect: '/publish' };
    }
  }
  const run = s.publisher.current;
  const seconds = (to: number | undefined) => (((to ?? Date.now()) - (run?.startedAt ?? Date.now())) / 1000).toFixed(0);
  const content = loadContent(s.dir);
  const outcome = (r: PublishRun) => {
    const params = { seconds: seconds(r.finishedAt), out: shownPath(r.out), release: r.release ? shownPath(r.release) : '' };
    switch (r.outcome) {
      case 'published':
        return html`<p class="notice ok" role="status">${t('publishUploaded', params)}</p>`;
      case 'built-only':
        return html`<p class="notice ok" role="status">${t('publishOk', params)}</p>`;
      case 'signed':
        return html`<div class="summary error" role="alert"><p>${t('publishSigned', params)}</p></div>`;
      case 'built':
        return html`<div class="summary error" role="alert"><p>${t('publishBuilt', params)}</p></div>`;
      default:
        return html`<div class="summary error" role="alert"><p>${t('publishUnchanged', params)}</p></div>`;
    }
  };
  const state = refused.length
    ? html`<div class="summary error" role="alert" tabindex="-1" id="problems"><p>${t('publishRefused')}</p></div>${problemList(s, content, refused)}`
    : keyRefusal || keyProblem
      ? html`<div class="summary error" role="alert" tabindex="-1" id="problems">${keyRefusal ?? html`<p>${t('publishKeyProblem')}</p>`}${keyProblem ? html`<p>${keyProblem.text} ${keyProblem.fix ?? ''}</p>` : ''}</div>`
      : !run
        ? html`<p>${t('publishNever')}</p>`
        : run.code === undefined
          ? html`<p class="notice" role="status">${t('publishRunning', { seconds: seconds(undefined) })}</p>`
          : outcome(run);
  const passwordField = needsPassword
    ? html`<div class="${keyRefusal ? 'field invalid' : 'field'}"><label for="key-password">${t('publishPassword')} <span class="req">${t('required')}</span></label><p class="hint" id="key-password-hint">${t('publishPasswordHint', { command: command.shown })}</p>
<input id="key-password" name="password" type="password" autocomplete="off" required aria-describedby="key-password-hint"${keyRefusal ? new Html(' aria-invalid="true"') : ''}></div>`
    : '';
  const form = s.publisher.running || keyProblem ? '' : html`<form method="post" action="/publish">${tokenField(s)}${passwordField}<p><button type="submit">${t('publishNow')}</button></p></form>`;
  const main = html`<h1>${t('publishTitle')}</h1><p>${t(command.signs ? 'publishIntroSigned' : 'publishIntro')} (${run?.shown ?? command.shown})</p>
${state}
${form}
${run?.output ? html`<h2>${t('publishLog')}</h2><pre class="log" tabindex="0">${run.output}</pre>` : ''}`;
  const status = refused.length || keyRefusal ? 422 : 200;
  return { status, body: frame(s, t('publishTitle'), main, { current: 'publish', refresh: s.publisher.running ? 2 : undefined }) };
}

// --- A file the forms cannot read --------------------------------------------------------------

/**
 * A bulletin file whose header cannot be read (a forgotten quote, a tab) has no form: its text is
 * shown as it is, with the problems and their lines above it, and saved only once it has no errors.
 * `name` must be a file that is in content/bulletins/ now.
 */
export function rawFile(s: EditorState, req: Request, name: string): Reply {
  const dir = path.join(s.dir, 'bulletins');
  const { slug, langSuffix } = splitFileName(name);
  if (!name.endsWith('.md') || !isSlug(slug) || (langSuffix !== undefined && !isLangCode(langSuffix)) || !existsSync(dir) || !readdirSync(dir).includes(name)) return notFound(s);
  const file = `bulletins/${name}`;
  const t = s.t;
  const loaded = loadFile(s.dir, file);
  let text = loaded.text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  let hash = loaded.hash;
  let status = 200;
  let problems = checkFolder(s.dir, s.now()).filter((p) => p.file === file);
  if (req.method === 'POST') {
    const form = req.form!;
    text = form.get('text').replace(/\r\n?/g, '\n');
    hash = form.get('hash');
    if (changedSince(s.dir, file, hash)) return stale(s, file, `/raw/${name}`, { text });
    problems = checkDraft(s.dir, file, text, s.now()).filter((p) => p.file === file);
    if (!hasErrors(problems)) {
      // The file's own line endings and byte-order mark stay as they were.
      const bom = loaded.text.startsWith('\uFEFF') ? '\uFEFF' : '';
      replaceContentFile(s.dir, file, bom + (/\r\n/.test(loaded.text) ? text.replace(/\n/g, '\r\n') : text));
      return { redirect: `/raw/${name}?saved=1` };
    }
    status = 422;
  }
  const title = `content/${file}`;
  const main = html`<h1>${title}</h1>
${req.query.get('saved') ? html`<p class="notice" role="status">${t('saved', { file: title })}</p>` : ''}
${status !== 200 ? html`<p class="notice error" role="status">${t('notSaved')}</p>` : ''}
<p>${t('rawIntro')}</p>
${problems.length ? html`<div class="${hasErrors(problems) ? 'summary error' : 'summary warning'}" id="problems"><ul>${problems.map((p) => html`<li>${p.field ? `${p.field}: ` : ''}${problemText(p, s.lang, t, true)}</li>`)}</ul></div>` : ''}
<form method="post" novalidate>${tokenField(s)}${hidden('hash', hash)}
${textArea({ id: 'raw-text', lang: s.lang, t, name: 'text', label: t('rawLabel'), value: text, rows: 30 })}
<p><button type="submit">${t('save')}</button></p></form>`;
  return { status, body: frame(s, title, main) };
}
