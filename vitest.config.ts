// Vitest: unit tests of src/lib, build tests that run real builds, and browser tests.
// Build tests run Astro, which shares caches under the project root, so files run one at a time.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
    reporters: ['default'],
  },
});
