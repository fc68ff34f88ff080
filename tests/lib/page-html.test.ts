import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
// Not among astro's exports: the store class the content layer itself uses, for the tests to run against.
import { MutableDataStore } from '../../node_modules/astro/dist/content/mutable-data-store.js';
import { pageHtmlFolder } from '../../packages/cited-explainer/lib/page-html.ts';
import { tempDir } from '../helpers/temp-dir.ts';

interface Stored {
  id: string;
  digest?: string;
  rendered?: { html: string; metadata?: Record<string, unknown> };
}

/** One collection of Astro's own content store, as the content layer hands it to a loader. */
type Store = LoaderContext['store'];
const astroStore = (): Store => new MutableDataStore().scopedStore('pages');

/**
 * A loader that stores what it is given, as Astro's glob stores a rendered page (skipping an entry
 * the store has already), wrapped by the folder, and run against Astro's own store: the store's
 * rules (an unchanged digest is not stored again) are the real ones, not a copy of them.
 */
function run(dir: string, entries: Stored[], store: Store = astroStore()) {
  const loader: Loader = {
    name: 'fake-glob',
    load: async ({ store }) => {
      for (const entry of entries) if (!store.get(entry.id)) store.set({ ...entry, data: {} });
    },
  };
  const folder = pageHtmlFolder(dir);
  const loaded = folder.keepingHtmlApart(loader).load({ collection: 'pages', store } as unknown as LoaderContext);
  return { loaded, store, folder };
}

const page = (id: string, html: string, metadata: Record<string, unknown> = { headings: [] }): Stored => ({ id, digest: `digest-of-${id}`, rendered: { html, metadata } });

describe('pageHtmlFolder', () => {
  it('keeps a rendered page out of the store, in a file the route reads it back from', async () => {
    const dir = tempDir('page-html-');
    const { loaded, store, folder } = run(dir, [page('history', '<p>Cited.</p>')]);
    await loaded;
    const entry = store.get('history')!;
    expect(entry.rendered).toEqual({ html: '', metadata: { headings: [], htmlKeptApart: true } });
    expect(readdirSync(join(dir, 'pages'))).toHaveLength(1);
    expect(folder.read({ collection: 'pages', ...entry })).toBe('<p>Cited.</p>');
  });

  it('an edited page (a new digest) is never served the HTML of its earlier text', async () => {
    const dir = tempDir('page-html-');
    const { loaded, store, folder } = run(dir, [page('history', '<p>First.</p>')]);
    await loaded;
    const edited = { ...store.get('history')!, digest: 'digest-after-edit' };
    expect(() => folder.read({ collection: 'pages', ...edited })).toThrow(/pages\/history: its rendered HTML is missing from .*; build again/);
  });

  it('leaves in the store what render() must handle itself: MDX (no HTML), a page with local images, an empty render', async () => {
    const dir = tempDir('page-html-');
    const mdx: Stored = { id: 'mdx', digest: 'd' };
    const withImage = page('pictured', '<img src="__ASTRO_IMAGE_x">', { imagePaths: ['./x.png'] });
    const failed = page('failed', '');
    const { loaded, store, folder } = run(dir, [mdx, withImage, failed]);
    await loaded;
    expect(store.get('pictured')!.rendered!.html).toBe('<img src="__ASTRO_IMAGE_x">');
    expect(store.get('mdx')!.rendered).toBeUndefined();
    expect(existsSync(join(dir, 'pages')) ? readdirSync(join(dir, 'pages')) : []).toEqual([]);
    for (const id of ['mdx', 'pictured', 'failed']) expect(folder.read({ collection: 'pages', ...store.get(id)! })).toBeUndefined();
  });

  it('after a load, keeps only the files the store names: an edited page leaves no earlier version behind', async () => {
    const dir = tempDir('page-html-');
    const first = run(dir, [page('history', '<p>First.</p>'), page('removed', '<p>Gone.</p>')]);
    await first.loaded;
    // The next load, as glob does it: the edited file is stored again under its new digest, the removed one leaves the store.
    first.store.delete('history');
    first.store.delete('removed');
    const second = run(dir, [{ ...page('history', '<p>Second.</p>'), digest: 'digest-after-edit' }], first.store);
    await second.loaded;
    expect(readdirSync(join(dir, 'pages'))).toHaveLength(1);
    expect(second.folder.read({ collection: 'pages', ...second.store.get('history')! })).toBe('<p>Second.</p>');
  });

  it('a stored page whose file has gone is rendered again rather than published empty', async () => {
    const dir = tempDir('page-html-');
    const first = run(dir, [page('history', '<p>Cited.</p>')]);
    await first.loaded;
    rmSync(dir, { recursive: true });
    // The loader skips an entry the store already has (as glob skips an unchanged file): only a dropped entry is rendered again.
    const second = run(dir, [page('history', '<p>Cited again.</p>')], first.store);
    await second.loaded;
    expect(second.folder.read({ collection: 'pages', ...second.store.get('history')! })).toBe('<p>Cited again.</p>');
  });
});
