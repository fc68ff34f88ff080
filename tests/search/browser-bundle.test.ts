import { describe, expect, it } from 'vitest';
import { bundleBrowserScripts, SCRIPTS_DIR } from '../../packages/cited-explainer/search/browser-bundle.ts';

describe('bundleBrowserScripts', async () => {
  const bundle = await bundleBrowserScripts('/explainer/');
  const again = await bundleBrowserScripts('/explainer/');

  it('boot code can be inlined: it imports nothing statically, only the bundled UIs and highlighter, by URL under the base', () => {
    expect(bundle.boot).not.toMatch(/(^|[;}])\s*import\s*[{*"'\w]/);
    expect(bundle.boot).not.toMatch(/\bexport\b/);
    const imported = [...bundle.boot.matchAll(/import\("([^"]+)"\)/g)].map((m) => m[1]).sort();
    expect(imported).toHaveLength(3);
    for (const url of imported) {
      expect(url.startsWith(`/explainer/${SCRIPTS_DIR}/`)).toBe(true);
      expect(bundle.files.has(url.slice('/explainer/'.length))).toBe(true);
    }
    expect(bundle.boot.length).toBeLessThan(2048);
  });

  it('every chunk a bundled file imports is in the bundle', () => {
    for (const code of bundle.files.values()) {
      for (const [, relative] of code.matchAll(/from"\.\/([^"]+)"/g)) expect(bundle.files.has(`${SCRIPTS_DIR}/${relative}`)).toBe(true);
    }
  });

  it('the base path is compiled into the UI (Pagefind and the alias map are fetched under it)', () => {
    expect([...bundle.files.values()].some((code) => code.includes('"/explainer/"'))).toBe(true);
  });

  it('is deterministic: the same input gives the same files and boot code', () => {
    expect(again.boot).toBe(bundle.boot);
    expect([...again.files]).toEqual([...bundle.files]);
  });
});
