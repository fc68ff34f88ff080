import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './scripts/summary-reporter.ts'],
    projects: [
      {
        // Pure functions: no build, no browser; fast.
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/site/**'] },
      },
      {
        // Builds of fixture sites and of the real site, and checks in Chromium against them.
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          testTimeout: 240_000,
          hookTimeout: 600_000,
          fileParallelism: false,
          // Builds the real site once (at / and under /explainer/) for every site test; see the file.
          globalSetup: ['tests/helpers/site-global-setup.ts'],
        },
      },
    ],
  },
});
