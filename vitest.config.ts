import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two files at a time, from every project: the site's builds and crawls are made once, in the
    // global setup, and every build a file makes has a project root of its own.
    maxWorkers: 2,
    reporters: ['default', './scripts/summary-reporter.ts'],
    projects: [
      {
        // Pure functions and in-process checks: no build, no browser; seconds (npm run test:unit).
        // Files share their worker's module cache (isolate: false): importing the generator's modules
        // afresh for every file took most of the run. A test that fakes the clock restores it (afterEach).
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/site/**', 'tests/package/**'], isolate: false },
      },
      {
        // The packed integration installed into a fresh project outside the repository, and built.
        // Its own project so that it runs beside the site builds rather than after them.
        test: { name: 'package', include: ['tests/package/**/*.test.ts'], testTimeout: 60_000 },
      },
      {
        // Everything under tests/site/: builds of the real site and the fixture, shared by every file
        // (globalSetup), one Chromium crawl per build (tests/helpers/crawl.ts), and checks against them.
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          testTimeout: 240_000,
          hookTimeout: 600_000,
          globalSetup: ['tests/helpers/site-global-setup.ts'],
          // As in the unit project: files share their worker's module cache (Playwright, the helpers,
          // the generator's modules), imported once per worker rather than once per file.
          isolate: false,
        },
      },
    ],
  },
});
