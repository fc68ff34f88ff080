import { defineConfig } from 'vitest/config';

/** Test files that build sites of their own (the `builds` project). */
const ownBuilds = ['tests/package/**/*.test.ts', 'tests/bad-inputs/builds*.test.ts'];

export default defineConfig({
  test: {
    // Three files at a time, from every project: most of a file's time is spent waiting on a build
    // or Chromium in another process, so a third file keeps two cores busy. The site's builds and
    // crawls are made once, in the global setup, and every build a file makes has a project root of
    // its own.
    maxWorkers: 3,
    // Worker threads rather than child processes: the same site files took 105 CPU-seconds instead of
    // 112–115 (measured back to back, twice), the unit files 24 instead of 26. No test changes the
    // working folder or exits the process, which a thread could not.
    pool: 'threads',
    reporters: ['default', './scripts/summary-reporter.ts'],
    projects: [
      {
        // Pure functions and in-process checks: no build, no browser; seconds (npm run test:unit).
        // Files share their worker's module cache (isolate: false): importing the generator's modules
        // afresh for every file took most of the run. A test that fakes the clock restores it (afterEach).
        // A test's or hook's time limit only catches a hang: nothing fails for being slow on a loaded machine.
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/site/**', ...ownBuilds], isolate: false, testTimeout: 60_000, hookTimeout: 60_000 },
      },
      {
        // Files that make builds of their own: the packed integration installed into a fresh project
        // outside the repository, and the broken inputs that a real build must refuse. They need none
        // of the site project's builds, so they run while its global setup makes them.
        test: { name: 'builds', include: ownBuilds, testTimeout: 120_000 },
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
          // The global setup builds and crawls in the background; each file waits for it here. The
          // site files run after the unit and package files (a later group), which run meanwhile.
          setupFiles: ['tests/helpers/site-builds-ready.ts'],
          sequence: { groupOrder: 1 },
          // As in the unit project: files share their worker's module cache (Playwright, the helpers,
          // the generator's modules), imported once per worker rather than once per file.
          isolate: false,
        },
      },
    ],
  },
});
