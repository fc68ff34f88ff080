import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type OpenSite, openSite } from '../../helpers/crawl.ts';
import { builtSite } from '../../helpers/site.ts';
import { namedEntries, pathOf, searchPage, takeProblems, type Watched, watchedPage } from './harness.ts';

// The same site built with base /explainer: search loads from under the base, and every result
// link, alias target and filter stays under it.
const build = builtSite('realSiteUnderBase');
const entries = namedEntries(build.contentDir);

let open: OpenSite;
let watched: Watched;
beforeAll(async () => {
  open = await openSite(build.outDir, build.base);
  watched = await watchedPage(open.context);
});
afterAll(async () => open?.close());
// Every test answers for what its own page did: no console error, no request off 127.0.0.1.
afterEach(() => {
  if (watched) expect(takeProblems(watched)).toEqual({ errors: [], offsite: [] });
});

it('the site is served under /explainer/, and its pages were built for that base', () => {
  expect(new URL(open.server.url).pathname).toBe('/explainer/');
  // If this fails, the build ran with Vitest's own BASE_URL=/ in its environment (Astro then
  // renders pages for "/"): buildSite must not pass BASE_URL (tests/helpers/build-site.ts).
  expect(readFileSync(join(build.outDir, 'index.html'), 'utf8')).toContain('data-search-page="/explainer/search/"');
});

it('search results, alternate-name targets and the bundle are all under the base', async () => {
  const entry = entries.find((e) => e.altNames.length > 0)!;
  const results = await searchPage(watched.page, open.server.url, entry.altNames[0]);
  expect(results.length).toBeGreaterThan(0);
  expect(results.every((r) => r.href.startsWith('/explainer/'))).toBe(true);
  expect(pathOf(results[0].href)).toBe(`/explainer${entry.path}`);
  const response = await watched.page.goto(new URL(results[0].href, open.server.url).href);
  expect(response?.status()).toBe(200);
  expect(watched.requests.filter((r) => r.includes('/pagefind/')).every((r) => new URL(r).pathname.startsWith('/explainer/pagefind/'))).toBe(true);
});

it('the header box works under the base', async () => {
  await watched.page.goto(open.server.url);
  await watched.page.keyboard.press('/');
  await watched.page.keyboard.type(entries[0].name);
  await watched.page.waitForSelector('.site-search .search-result-link');
  const hrefs = await watched.page.$$eval('.site-search .search-result-link', (els) => els.map((e) => e.getAttribute('href') ?? ''));
  expect(hrefs.every((h) => h.startsWith('/explainer/'))).toBe(true);
  expect(await watched.page.locator('.site-search .search-more a').getAttribute('href')).toMatch(/^\/explainer\/search\/\?q=/);
});
