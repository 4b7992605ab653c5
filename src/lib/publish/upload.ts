// One release to one target: list what is there, plan, then the phases of plan.ts in order, each
// reported as it goes. A failure stops this target only; the caller runs every target at once.
import { PHASES, planUpload, type LocalFile, type Phase, type UploadPlan } from './plan.ts';
import type { TargetDriver } from './target.ts';

export type UploadStep = 'listing' | Phase | 'finishing';

export interface UploadProgress {
  step: UploadStep;
  done: number;
  total: number;
}

export type UploadOutcome =
  | { ok: true; plan: UploadPlan; seconds: number }
  | { ok: false; error: string; foreign?: string[]; seconds: number };

export async function uploadRelease(
  siteDir: string,
  local: readonly LocalFile[],
  driver: TargetDriver,
  options: { commitMessage: string; onProgress: (p: UploadProgress) => void },
): Promise<UploadOutcome> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  try {
    options.onProgress({ step: 'listing', done: 0, total: 0 });
    const plan = planUpload(local, await driver.list());
    if (plan.foreign.length) return { ok: false, error: 'foreign', foreign: plan.foreign, seconds: seconds() };
    for (const phase of PHASES) {
      const files = plan[phase];
      if (!files.length) continue;
      let done = 0;
      const tick = () => options.onProgress({ step: phase, done: ++done, total: files.length });
      options.onProgress({ step: phase, done, total: files.length });
      if (phase === 'remove') await driver.remove(files, tick);
      else await driver.put(siteDir, files, tick);
    }
    if (driver.finish) {
      options.onProgress({ step: 'finishing', done: 0, total: 1 });
      await driver.finish(options.commitMessage);
    }
    return { ok: true, plan, seconds: seconds() };
  } catch (e) {
    // Whatever went wrong (a refused login, a full disk, a file nobody may read) stops this target only.
    return { ok: false, error: e instanceof Error ? e.message : String(e), seconds: seconds() };
  } finally {
    await driver.close?.();
  }
}
