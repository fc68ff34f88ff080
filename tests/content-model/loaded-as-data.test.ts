import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentCollections } from '../../packages/cited-explainer/lib/content-layout.ts';

/**
 * No content file is ever imported as a module that can run (docs/authoring.md, "Content is
 * data"): the generator never hands a content path to import() or import.meta.glob, and its
 * collections read only Markdown, MDX (compiled after the allow-list) and data files. A guard on
 * the package's source, so that the audit stays true as the code changes.
 */

const packageDir = 'packages/cited-explainer';
const sources = readdirSync(packageDir, { recursive: true, encoding: 'utf8' })
  .filter((path) => /\.(?:ts|astro|mjs|js)$/.test(path) && !path.endsWith('.d.ts'))
  .map((path) => ({ path, text: readFileSync(join(packageDir, path), 'utf8') }));

/** The dynamic imports the package makes, none of a content path: the search bundles in the reader's browser, and the outlines of world-atlas. */
const knownDynamicImports = [
  /^import\(\/\* @vite-ignore \*\/ bundleUrl\('pagefind(?:-highlight)?\.js'\)\)/,
  /^import\(\/\* @vite-ignore \*\/ __SEARCH_\w+_URL__\)/,
  /^import\('world-atlas\/countries-\d+m\.json', /,
  // The package's own modules, by relative path (types: `typeof import('./header-ui.ts')`).
  /^import\('\.{1,2}\/[\w/.-]+\.ts'\)/,
  // The build's worker thread starts its own module (build-done-writers.ts names build-writers-worker.ts).
  /^import\(workerData\.entry\)/,
  // The CLI's check loads Astro only when it runs (cli/check.ts).
  /^import\('astro'\)/,
];

describe('content is loaded as data, never imported as code', () => {
  it('read the package', () => expect(sources.length).toBeGreaterThan(50));

  it('no import.meta.glob, and no import() but the known ones', () => {
    for (const { path, text } of sources) {
      expect([path, text.includes('import.meta.glob')]).toEqual([path, false]);
      for (const [call] of text.matchAll(/(?<![\w.])import\([^\n]*/g)) {
        expect([path, call, knownDynamicImports.some((known) => known.test(call))]).toEqual([path, call, true]);
      }
    }
  });

  it('the collections read only Markdown, MDX and data files', () => {
    const patterns = Object.values(contentCollections).map(({ pattern }) => pattern);
    expect(patterns.length).toBeGreaterThan(0);
    for (const pattern of patterns) expect(pattern).toMatch(/^(?:\*\*\/)?\*\.\{?(?:md|mdx|yaml|yml|json)(?:,(?:md|mdx|yaml|yml|json))*\}?$/);
  });
});
