import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../packages/cited-explainer/lib/site-config.ts';
import { readCsv } from '../helpers/csv.ts';
import { builtSite, listPages, readPage } from '../helpers/site.ts';

/**
 * What depends on the site's address (site.json "url"): canonical URLs, the sitemap, the feed and
 * link preview images need an absolute address, and "Cite this page" says when it has only a path.
 * The fixture explainer, which has an address, is checked in fixture-build.test.ts; this checks
 * the real site, as it is configured, both ways.
 */
const build = builtSite();
const { url } = loadSiteConfig(build.contentDir);
const pages = listPages(build.outDir).filter((path) => path !== '/404.html');
const html = (path: string) => readPage(build.outDir, path);

describe(`the real site, ${url ? `published at ${url}` : 'with no address yet'}`, () => {
  it(url ? 'has a sitemap and a feed' : 'has no sitemap and no feed, and links to none', () => {
    expect(existsSync(join(build.outDir, 'sitemap-index.xml'))).toBe(Boolean(url));
    expect(existsSync(join(build.outDir, 'feed.xml'))).toBe(Boolean(url));
    for (const path of pages) expect(html(path).includes('application/rss+xml'), path).toBe(Boolean(url));
  });

  it.each(pages)(url ? '%s has a canonical URL and a preview image' : '%s has no canonical URL nor preview image', (path) => {
    const page = html(path);
    expect(page.includes('rel="canonical"')).toBe(Boolean(url));
    expect(page.includes('og:image')).toBe(Boolean(url));
    expect(existsSync(join(build.outDir, path, 'preview.png'))).toBe(Boolean(url));
  });

  // (A source page cites the original article, at its own address.)
  it('"Cite this page" says whether the cited address is only a path', () => {
    const cited = pages.filter((path) => !path.startsWith('/sources/') && html(path).includes('class="cite-page"'));
    expect(cited.length).toBeGreaterThan(0);
    for (const path of cited) expect(html(path).includes('class="cite-lead cite-relative"'), path).toBe(!url);
  });
});

it('every download listed on /data/ is in the build and parses: CSV and JSON with the same rows', () => {
  const page = readFileSync(join(build.outDir, 'data', 'index.html'), 'utf8');
  const hrefs = [...page.matchAll(/<a href="([^"]+)" download>/g)].map((m) => m[1]);
  expect(hrefs.filter((href) => href.endsWith('.csv')).length).toBeGreaterThan(0);
  const read = (href: string) => readFileSync(join(build.outDir, href.slice(build.base.length)), 'utf8');
  for (const href of hrefs) expect(existsSync(join(build.outDir, href.slice(build.base.length))), href).toBe(true);
  expect(read(hrefs.find((href) => href.endsWith('/sources.bib'))!)).toMatch(/^@/);
  for (const href of hrefs.filter((href) => href.endsWith('.csv'))) {
    const [header, ...rows] = readCsv(read(href).replace(/^\uFEFF/, ''));
    expect(rows.length, href).toBeGreaterThan(0);
    for (const row of rows) expect(row, href).toHaveLength(header.length);
    const json = href.replace(/\.csv$/, '.json');
    if (hrefs.includes(json)) {
      const records = JSON.parse(read(json)) as Array<Record<string, unknown>>;
      expect(
        records.map((record) => String(record[header[0]])),
        json,
      ).toEqual(rows.map((row) => row[0]));
    }
  }
});
