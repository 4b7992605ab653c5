// A hook for the tests that kill a build at a given moment (tests/build-kill.test.ts): with
// KRISINFO_TEST_PAUSE_AT=<point>, the build prints "KRISINFO_PAUSED <point>" when it reaches that
// point and waits there (up to a minute) so that the test can SIGKILL it exactly there.
// Points: rendered (the site is in .build/site-<pid>/), staged (the site is beside the output),
// swap (between the two renames: the output is missing), swapped (the previous site not yet deleted).
import { writeSync } from 'node:fs';

export type PausePoint = 'rendered' | 'staged' | 'swap' | 'swapped';

export function pauseForTest(point: PausePoint): void {
  if (process.env.KRISINFO_TEST_PAUSE_AT !== point) return;
  // Written straight to the descriptor: the marker must be out before the process blocks.
  writeSync(1, `KRISINFO_PAUSED ${point}\n`);
  // Blocks this thread without a timer: nothing else of the build runs while it waits.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
}
