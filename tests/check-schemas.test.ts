// The JSON Schemas the editor uses (schemas/*.schema.json) must accept the real content and
// reject what check rejects, or the officer gets red squiggles on good files and none on bad ones.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BULLETIN_FIELDS, UPDATE_FIELDS } from '../src/lib/content/read-bulletin.ts';
import { PAGE_FIELDS } from '../src/lib/content/read-page.ts';
import { PUBLISH_FIELDS } from '../src/lib/content/read-publish.ts';
import { SERVICE_FIELDS } from '../src/lib/content/read-services.ts';
import { CHANNEL_FIELDS, CONTACT_FIELDS, SITE_FIELDS } from '../src/lib/content/read-site.ts';
import { ROOT } from './helpers/build.ts';

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
const schema = (name: string) => ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas', `${name}.schema.json`), 'utf8')));
const bulletin = schema('bulletin');
const site = schema('site');
const services = schema('services');
const page = schema('page');
const publish = schema('publish');

const yamlOf = (file: string) => parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { schema: 'core' });
const frontmatterOf = (file: string) => {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  return parse(text.split(/^---$/m)[1]!, { schema: 'core' });
};

for (const folder of ['content', 'tests/fixtures/officer']) {
  describe(`${folder} validates against the schemas`, () => {
    const dir = path.join(ROOT, folder);
    it('site.yaml', () => {
      expect(site(yamlOf(path.join(dir, 'site.yaml'))), JSON.stringify(site.errors)).toBe(true);
    });
    it('services.yaml', () => {
      expect(services(yamlOf(path.join(dir, 'services.yaml'))), JSON.stringify(services.errors)).toBe(true);
    });
    const files = readdirSync(path.join(dir, 'bulletins')).filter((n) => n.endsWith('.md'));
    it.each(files)('bulletin %s', (name) => {
      expect(bulletin(frontmatterOf(path.join(dir, 'bulletins', name))), JSON.stringify(bulletin.errors)).toBe(true);
    });
  });
}

describe('the schemas reject what check rejects', () => {
  it('bulletins', () => {
    for (const bad of [
      { title: 'x', severity: 'huge' },
      { title: 'x', summary: 'a'.repeat(301) },
      { title: 'x', sms: 'a'.repeat(161) },
      { title: 'x', published: '16 december' },
      { title: 'x', services: { ekonomi: 'broken' } },
      { title: 'x', updates: [{ text: 'utan tid' }] },
      { title: 'x', pinned: 'ja' },
      { title: 'x', sumary: 'felstavat' },
    ]) expect(bulletin(bad), JSON.stringify(bad)).toBe(false);
  });
  it('site.yaml without url, and a contact that cannot be reached', () => {
    const good = yamlOf(path.join(ROOT, 'tests/fixtures/officer/site.yaml'));
    expect(site({ ...good, url: undefined })).toBe(false);
    expect(site({ ...good, contacts: [{ name: 'Växeln' }] })).toBe(false);
    expect(site({ ...good, contacts: [{ name: 'Växeln', phone: 92365000 }] })).toBe(false);
  });
  it('services with a bad id or status', () => {
    expect(services([{ id: 'Ekonomi!', name: 'x' }])).toBe(false);
    expect(services([{ id: 'ekonomi', name: 'x', status: 'broken' }])).toBe(false);
  });
  it('every property has a description in English and Swedish', () => {
    for (const name of ['bulletin', 'site', 'services']) {
      const text = readFileSync(path.join(ROOT, 'schemas', `${name}.schema.json`), 'utf8');
      const descriptions = [...text.matchAll(/"description": "([^"]*)"/g)].map((m) => m[1]!);
      expect(descriptions.length).toBeGreaterThan(3);
      for (const d of descriptions) expect(d, name).toMatch(/ \/ /);
    }
  });
});

// Before the fix bulletin.schema.json lacked imageDecorative (additionalProperties: false), so a
// bulletin that check accepts, and README documents, was red in the editor.
describe('the schemas list exactly the fields the readers accept', () => {
  interface SchemaNode {
    properties: Record<string, SchemaNode>;
    items: SchemaNode;
  }
  const json = (name: string) => JSON.parse(readFileSync(path.join(ROOT, 'schemas', `${name}.schema.json`), 'utf8')) as SchemaNode;
  const keys = (o: SchemaNode) => Object.keys(o.properties).sort();
  const sorted = (list: readonly string[]) => [...list].sort();
  it.each([
    ['bulletin', () => keys(json('bulletin')), BULLETIN_FIELDS],
    ['bulletin updates[]', () => keys(json('bulletin').properties.updates!.items), UPDATE_FIELDS],
    ['site', () => keys(json('site')), SITE_FIELDS],
    ['site contacts[]', () => keys(json('site').properties.contacts!.items), CONTACT_FIELDS],
    ['site channels[]', () => keys(json('site').properties.channels!.items), CHANNEL_FIELDS],
    ['services[]', () => keys(json('services').items), SERVICE_FIELDS],
    ['publish[]', () => keys(json('publish').items), PUBLISH_FIELDS],
    ['page', () => keys(json('page')), PAGE_FIELDS],
  ] as const)('%s', (_, inSchema, inReader) => {
    expect(inSchema()).toEqual(sorted(inReader));
  });

  /** The ```yaml examples of a handbook, by their first line. */
  const examples = (file: string) => [...readFileSync(path.join(ROOT, file), 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const documented = (file: string, firstLine: string) => {
    const found = examples(file).find((e) => e.startsWith(firstLine));
    if (!found) throw new Error(`no example starting ${JSON.stringify(firstLine)} in ${file}`);
    return found.startsWith('---') ? parse(found.split(/^---$/m)[1]!, { schema: 'core' }) : parse(found, { schema: 'core' });
  };
  it.each([
    ['README.md site.yaml', () => documented('README.md', 'sender:'), site],
    ['README.md services.yaml', () => documented('README.md', '- id:'), services],
    ['README.md bulletin', () => documented('README.md', '---\ntitle: Ekonomisystemet'), bulletin],
    ['README.md page', () => documented('README.md', '---\ntitle: Kontakt'), page],
    ['docs/publishing.md publish.yaml', () => documented('docs/publishing.md', '- name:'), publish],
  ] as const)('every field of the example in %s is in the schema', (_, example, validate) => {
    expect(validate(example()), JSON.stringify(validate.errors)).toBe(true);
  });

  it('a bulletin with a decorative lead image, and every standing page, validate', () => {
    expect(bulletin({ title: 'x', image: 'images/karta.png', imageDecorative: true })).toBe(true);
    expect(bulletin({ title: 'x', imageDecorative: 'ja' })).toBe(false);
    const pages = [
      ...readdirSync(path.join(ROOT, 'src/default-pages')).map((n) => path.join(ROOT, 'src/default-pages', n)),
      ...readdirSync(path.join(ROOT, 'content/pages')).map((n) => path.join(ROOT, 'content/pages', n)),
    ].filter((f) => f.endsWith('.md'));
    expect(pages.length).toBeGreaterThan(4);
    for (const file of pages) expect(page(frontmatterOf(file)), `${file} ${JSON.stringify(page.errors)}`).toBe(true);
    expect(page({ title: 'Kontakt', ordning: 1 })).toBe(false);
  });
});
