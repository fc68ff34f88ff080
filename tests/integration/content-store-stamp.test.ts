import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clearStoreMadeByOtherCode } from '../../packages/cited-explainer/integration/content-store-stamp.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe('clearStoreMadeByOtherCode', () => {
  it('keeps a store stamped with the same code and removes one made by other code (or unstamped)', () => {
    const dir = tempDir('store-');
    const store = join(dir, 'data-store.json');
    writeFileSync(store, '{}');
    // Unstamped: made before stamps existed, or by other code.
    expect(clearStoreMadeByOtherCode(dir, 'a')).toBe(true);
    expect(existsSync(store)).toBe(false);
    writeFileSync(store, '{}');
    expect(clearStoreMadeByOtherCode(dir, 'a')).toBe(false);
    expect(existsSync(store)).toBe(true);
    expect(clearStoreMadeByOtherCode(dir, 'b')).toBe(true);
    expect(existsSync(store)).toBe(false);
  });

  it('removes the pages’ HTML kept beside the store with it (lib/page-html.ts): no page rendered by other code is read back', () => {
    const dir = tempDir('store-');
    clearStoreMadeByOtherCode(dir, 'a');
    mkdirSync(join(dir, 'page-html', 'pages'), { recursive: true });
    writeFileSync(join(dir, 'page-html', 'pages', 'x.html'), '<p>old</p>');
    expect(clearStoreMadeByOtherCode(dir, 'a')).toBe(false);
    expect(existsSync(join(dir, 'page-html', 'pages', 'x.html'))).toBe(true);
    clearStoreMadeByOtherCode(dir, 'b');
    expect(existsSync(join(dir, 'page-html'))).toBe(false);
  });

  it('stamps a folder that has no store yet, making it if need be', () => {
    const dir = join(tempDir('store-'), 'cache');
    expect(clearStoreMadeByOtherCode(dir, 'a')).toBe(false);
    writeFileSync(join(dir, 'data-store.json'), '{}');
    expect(clearStoreMadeByOtherCode(dir, 'a')).toBe(false);
  });
});
