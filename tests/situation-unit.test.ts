// The front page's first lines: as of when, and the services worst first.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSiteModel, type ServiceState } from '../src/lib/site/derive.ts';
import { loadContent, type ValidContent } from '../src/lib/content/load-content.ts';
import { situation, worstFirst } from '../src/lib/site/situation.ts';
import type { Status } from '../src/lib/model/types.ts';

const state = (id: string, status: Status) => ({ service: { id, name: id, status: 'operational' }, status, history: [] }) as ServiceState;

describe('worstFirst', () => {
  it.each([
    [['a:operational', 'b:down', 'c:degraded', 'd:manual'], ['b', 'd', 'c', 'a']],
    [['a:degraded', 'b:degraded', 'c:down'], ['c', 'a', 'b']],
    [['a:operational', 'b:operational'], ['a', 'b']],
  ])('%j → %j (services.yaml order within a status)', (given, expected) => {
    const services = given.map((s) => state(s.split(':')[0]!, s.split(':')[1] as Status));
    expect(worstFirst(services).map((s) => s.service.id)).toEqual(expected);
  });
});

describe('situation', () => {
  const content = loadContent(path.resolve(import.meta.dirname, 'fixtures/site')) as ValidContent;

  it('is as of the latest news of any published bulletin, and splits the services that do not work', () => {
    const now = situation(buildSiteModel(content, new Date('2022-06-01T12:00:00Z')));
    expect(now.asOf.toISOString()).toBe('2022-05-21T07:15:00.000Z');
    expect(now.notOperational.map((s) => `${s.service.id}:${s.status}`)).toEqual(['hemtjanst:manual', 'lon:degraded']);
    expect(now.operational.map((s) => s.service.id)).toEqual(['vatten', 'epost']);
  });

  it('is as of the build when nothing is published yet', () => {
    const early = new Date('2021-01-01T00:00:00Z');
    expect(situation(buildSiteModel(content, early)).asOf).toEqual(early);
  });
});
