import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../packages/cited-explainer/lib/site-config.ts';
import { readCsv } from '../helpers/csv.ts';
import { builtSite, listPages, pageType, readPage } from '../helpers/site.ts';

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

/**
 * "Cite this page" on every page of a build: with the site's address, whole addresses; without it,
 * none at all (a path is no address), with a slot the reader's script fills in. The real site as
 * configured, the same under a sub-path, and the fixture site, which has an address.
 */
describe.each(['realSite', 'realSiteUnderBase', 'fixtureSite'] as const)('"Cite this page" on %s', (which) => {
  const build = builtSite(which);
  const { url } = loadSiteConfig(build.contentDir);
  const html = (path: string) => readPage(build.outDir, path);
  const pages = listPages(build.outDir).filter((path) => path !== '/404.html');
  // (A source page cites the original article, at its own address.)
  const cited = pages.filter((path) => !path.startsWith('/sources/') && html(path).includes('class="cite-page"'));
  // A source page's block is collapsed (class "cite-page cite-collapsed").
  const hasBlock = /class="cite-page[ "]/;

  it('every page but search and the not-found page has "Cite this page", and a link to it in its head (but a source page, whose block is at its top)', () => {
    const expected = pages.filter((path) => !['search', 'not-found'].includes(pageType(path)));
    expect(expected).toEqual(expect.arrayContaining(['/sources/', '/data/']));
    if (which !== 'fixtureSite') expect(expected).toEqual(expect.arrayContaining(['/actors/', '/glossary/', '/incidents/']));
    for (const path of expected) expect(html(path), path).toMatch(hasBlock);
    for (const path of expected.filter((path) => pageType(path) !== 'source')) expect(html(path).includes(`<p class="page-tools"><a href="#cite-page-title">`), path).toBe(true);
  });

  it('every page with "Cite this page" has its three downloads in the build, at the addresses its links give', () => {
    const withBlock = pages.filter((path) => hasBlock.test(html(path)));
    expect(withBlock.length).toBeGreaterThan(cited.length - 1);
    for (const path of withBlock) {
      const hrefs = [...html(path).matchAll(/<p class="cite-downloads">(.*?)<\/p>/g)].flatMap((m) => [...m[1].matchAll(/<a href="([^"]+)" download="([^"]+)">/g)]);
      expect(
        hrefs.map((m) => m[1].split('.').pop()),
        path,
      ).toEqual(['bib', 'ris', 'json']);
      for (const [, href, name] of hrefs) {
        expect(href.startsWith(`${build.base.replace(/\/$/, '')}/cite/`), href).toBe(true);
        expect(href.endsWith(`/${name}`), href).toBe(true);
        expect(existsSync(join(build.outDir, href.slice(build.base.replace(/\/$/, '').length))), `${path}: ${href}`).toBe(true);
      }
    }
  });

  it('"Cite this page" tells the reader to add the address only when the site has none', () => {
    expect(cited.length).toBeGreaterThan(0);
    for (const path of cited) expect(html(path).includes('class="cite-lead cite-relative"'), path).toBe(!url);
  });

  it.each(cited)(url ? '%s: each citation ends with the whole address' : '%s: each citation reads whole with no address, never a bare path; the script has a slot to fill', (path) => {
    const styles = [...html(path).matchAll(/<dd id="cite-page-title-\d+">(.*?)<\/dd>/g)].map((m) => m[1]);
    expect(styles).toHaveLength(4);
    const address = `${build.base.replace(/\/$/, '')}${path}`;
    for (const style of styles) {
      const shown = style.replace(/<span class="cite-address" data-path="([^"]*)" hidden>.*?<span class="cite-url"><\/span>.*?<\/span>/, '').replace(/<[^>]+>/g, '');
      expect(shown, path).not.toMatch(/(^|[\s(])\/[\w-]*/);
      if (url) expect(shown, path).toContain(new URL(address, url).href);
      else expect(style, path).toContain(`<span class="cite-address" data-path="${address}" hidden>`);
    }
  });

  it.each(cited)(url ? '%s: the BibTeX, RIS and CSL-JSON downloads carry the whole address' : '%s: the BibTeX, RIS and CSL-JSON downloads leave the address out', (path) => {
    const stem = path.replace(/^\/+|\/+$/g, '') || 'index';
    const download = (ext: string) => readFileSync(join(build.outDir, 'cite', `${stem}.${ext}`), 'utf8');
    const addresses = [download('bib').match(/^ {2}url = \{(.*)\},$/m)?.[1], download('ris').match(/^UR {2}- (.*)$/m)?.[1], (JSON.parse(download('json')) as Array<{ URL?: string }>)[0].URL];
    for (const address of addresses) {
      if (url) expect(address, path).toMatch(/^https?:\/\//);
      else expect(address, path).toBeUndefined();
    }
  });
});
