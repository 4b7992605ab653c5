// The site model of a generated crisis (src/lib/bench/generate.ts) at the bench's time, for the
// unit tests of what lists and editions pick from many bulletins. The caller deletes `dir`.
import { BENCH_NOW, generateContent } from '../../src/lib/bench/generate.ts';
import { loadContent, type ValidContent } from '../../src/lib/content/load-content.ts';
import { buildSiteModel, type SiteModel } from '../../src/lib/site/derive.ts';
import { tempDir } from './build.ts';

export async function generatedModel(bulletins: number): Promise<{ dir: string; model: SiteModel }> {
  const dir = tempDir('krisinfo-generated-');
  await generateContent(dir, { bulletins });
  return { dir, model: buildSiteModel(loadContent(dir) as ValidContent, new Date(BENCH_NOW)) };
}
