// The benchmark's yardstick (scripts/bench.ts): cState, a Hugo theme for status pages and the
// closest peer of this project, fed the same bulletins. Each published bulletin in the default
// language becomes one cState issue with the same title, time and text (its updates appended),
// written into a copy of the anchor site (see /work/shared/anchors/README.md), which `hugo --minify`
// then builds. cState has no translations, feeds per service or search index: the comparison is
// the time each tool takes for the same crisis.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadContent } from '../content/load-content.ts';
import type { Severity } from '../model/types.ts';

/** cState's systems in the anchor's config.yml: every issue names one, as ours name a service. */
const SYSTEMS = ['Gateway', 'Backup Gateway', 'Website', 'API', 'Media Proxy'];
const SEVERITY: Record<Severity, string> = { info: 'notice', warning: 'disrupted', critical: 'down' };

const q = (s: string) => JSON.stringify(s);

/** Copies the anchor site to `siteDir` and writes the bulletins of `contentDir` as its issues; returns their number. */
export function writeCstateSite(anchorDir: string, siteDir: string, contentDir: string, now: Date): number {
  rmSync(siteDir, { recursive: true, force: true });
  cpSync(anchorDir, siteDir, { recursive: true });
  const issues = path.join(siteDir, 'content', 'issues');
  mkdirSync(issues, { recursive: true });
  const content = loadContent(contentDir);
  const serviceIds = content.services.map((s) => s.id);
  let written = 0;
  for (const group of content.bulletins) {
    const b = group.original;
    if (b.draft || b.published > now) continue;
    const firstService = Object.keys(b.services)[0];
    const system = SYSTEMS[Math.max(0, serviceIds.indexOf(firstService ?? '')) % SYSTEMS.length]!;
    const updates = b.updates.map((u) => `**${u.at.toISOString()}**: ${u.text}`).join('\n\n');
    const date = b.published.toISOString();
    const file = [
      '---',
      `title: ${q(b.title)}`,
      `date: ${date}`,
      'resolved: true',
      `resolvedWhen: ${(b.updated ?? b.published).toISOString()}`,
      `severity: ${SEVERITY[b.severity]}`,
      `affected: [${q(system)}]`,
      'section: issue',
      '---',
      b.body,
      updates ? `\n${updates}\n` : '',
    ].join('\n');
    writeFileSync(path.join(issues, `${group.slug}.md`), file);
    written++;
  }
  return written;
}
