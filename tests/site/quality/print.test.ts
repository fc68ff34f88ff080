import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSite, type OpenSite } from '../../helpers/crawl.ts';
import { builtSite, listPages, onePagePerType, pageType, readPage } from '../../helpers/site.ts';

// Print (emulated print media): navigation hidden, citations printed as numbered endnotes with the
// full source details and URLs, the page's own address shown.
const build = builtSite();
const pages = listPages(build.outDir);
const withMarkers = pages.filter((path) => readPage(build.outDir, path).includes('class="cite-marker"'));
// The not-found page is left out: it is served at whatever address was missing, so it has no
// address of its own to print.
const checked = [...new Set([...onePagePerType(pages), ...withMarkers])].filter((path) => pageType(path) !== 'not-found').sort();
const sources = new Map(
  (JSON.parse(readFileSync(join(build.outDir, 'sources.json'), 'utf8')) as Array<{ id: string; title: string; URL?: string }>).map((s) => [s.id, s]),
);

let open: OpenSite;
let page: Page;
beforeAll(async () => {
  open = await openSite(build.outDir, build.base);
  page = await open.context.newPage();
  await page.emulateMedia({ media: 'print' });
});
afterAll(async () => open?.close());

describe('printed pages', () => {
  it.each(checked)('%s: no navigation, the page address printed', async (path) => {
    const url = new URL(path.slice(1), open.server.url);
    await page.goto(url.href);
    expect(await page.locator('header nav').count()).toBeGreaterThan(0);
    for (const nav of await page.locator('header nav').all()) expect(await nav.isVisible()).toBe(false);
    // The header's search box too (a search form that is the search page's own content may print).
    for (const search of await page.locator('header [role="search"], header form').all()) expect(await search.isVisible()).toBe(false);
    const body = await page.locator('body').innerText();
    const canonicalLink = page.locator('link[rel="canonical"]');
    const canonical = (await canonicalLink.count()) > 0 ? await canonicalLink.getAttribute('href') : null;
    // The full address when the site knows it (site.json "url"), else at least the page's path.
    const address = (canonical ?? url.pathname).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(body, 'the printed page shows its own address').toMatch(new RegExp(`(^|\\s)${address}(\\s|$|[.,;)])`));
  });

  it.each(withMarkers)('%s: endnotes printed with source title, publisher details and original URL', async (path) => {
    await page.goto(new URL(path.slice(1), open.server.url).href);
    for (const preview of await page.locator('.cite-preview').all()) expect(await preview.isVisible()).toBe(false);
    // A bibliography: each source once, with its numbered passages under it.
    const endnotes = page.locator('[role="doc-endnotes"]').first();
    expect(await endnotes.isVisible()).toBe(true);
    const notes = await endnotes.locator('.endnote-source').all();
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) {
      expect(await note.isVisible()).toBe(true);
      const text = await note.innerText();
      expect(await note.locator('li[id^="note-"]').count(), 'each source lists its passages').toBeGreaterThan(0);
      const href = (await note.locator('a[href*="/sources/"]').first().getAttribute('href')) ?? '';
      const id = /\/sources\/([^/]+)\//.exec(href)?.[1] ?? '';
      const source = sources.get(id);
      expect(source, `endnote ${JSON.stringify(text.slice(0, 60))} links to a known source`).toBeDefined();
      expect(text).toContain(source!.title);
      if (source!.URL) expect(text).toContain(source!.URL);
    }
    // Numbered: an ordered list, in the order of the markers.
    expect(await endnotes.locator('ol').count()).toBeGreaterThan(0);
  });
});
