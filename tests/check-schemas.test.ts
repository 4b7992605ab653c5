// The JSON Schemas the editor uses (schemas/*.schema.json) must accept the real content and
// reject what check rejects, or the officer gets red squiggles on good files and none on bad ones.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './helpers/build.ts';

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
const schema = (name: string) => ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas', `${name}.schema.json`), 'utf8')));
const bulletin = schema('bulletin');
const site = schema('site');
const services = schema('services');

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
