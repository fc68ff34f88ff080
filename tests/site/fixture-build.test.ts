import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { readArchive } from '../../packages/cited-explainer/archive/read.ts';
import { normalize } from '../../packages/cited-explainer/citations/normalize.ts';
import { type Ledger, ledgerSchema } from '../../packages/cited-explainer/schemas/ledger.ts';
import { fixtureSiteDir as fixture } from '../helpers/content-check.ts';
import { builtSite, listPages, readPage } from '../helpers/site.ts';
import type { ProvidedBuild } from '../helpers/site-global-setup.ts';

/**
 * The generator on another explainer: tests/fixtures/site-basic is a two-source site about a flood,
 * built (by the global setup) with the same code as the real site. A broken variant of it must fail
 * the build (tests/bad-inputs/builds.test.ts); the other broken citations are checked in process
 * (tests/bad-inputs/content.test.ts).
 */
describe('a good fixture site', () => {
  let build: ProvidedBuild;
  let ledger: Ledger;
  beforeAll(() => {
    build = builtSite('fixtureSite');
    ledger = ledgerSchema.parse(JSON.parse(readFileSync(join(build.outDir, 'citations.json'), 'utf8')));
  });

  it('builds its own title and pages, with nothing of the real explainer', () => {
    const home = readFileSync(join(build.outDir, 'index.html'), 'utf8');
    expect(home).toContain('<title>The River Town flood · River Town flood explainer</title>');
    expect(home).not.toMatch(/Armenia|Azerbaijan/);
    expect(existsSync(join(build.outDir, 'sources', 'town-news-flood-day-one', 'index.html'))).toBe(true);
    expect(existsSync(join(build.outDir, 'sources', 'index.html'))).toBe(true);
  });

  it('builds without incidents, actors or a glossary, and without a warning about them (a site may have none)', () => {
    expect(['incidents', 'actors', 'glossary'].filter((folder) => existsSync(join(fixture, folder)))).toEqual([]);
    expect(build.output).toContain('Complete!');
    expect(build.output).not.toMatch(/does not exist|No files found/);
  });

  it('publishes every citation in the ledger, each quote standing at its offsets in the archive', () => {
    expect(ledger.citations).toHaveLength(6);
    const archive = readArchive(join(fixture, 'sources'));
    for (const entry of ledger.citations) {
      const source = archive.get(entry.source)!;
      expect(source.body.slice(entry.start, entry.end)).toBe(entry.quote);
      expect(source.blocks.find((b) => b.anchor === entry.paragraph)!.text).toContain(entry.quote);
    }
    // the same passage cited twice keeps one note number
    const mayor = ledger.citations.filter((c) => c.speaker === 'mayor');
    expect(mayor).toHaveLength(2);
    expect(new Set(mayor.map((c) => c.note)).size).toBe(1);
  });

  it('finds every ledger quote in the raw article it was archived from', () => {
    const raw = (file: string) => normalize(readFileSync(join(fixture, 'raw', file), 'utf8')).text;
    const rawBySource: Record<string, string> = {
      'town-news-flood-day-one': raw('flood-day-one.txt'),
      'town-news-flood-day-two': raw('flood-day-two.txt'),
    };
    for (const entry of ledger.citations) expect(rawBySource[entry.source]).toContain(normalize(entry.quote).text);
  });

  it('renders markers whose data-cite, claim anchor and archive anchor all resolve', () => {
    const home = readFileSync(join(build.outDir, 'index.html'), 'utf8');
    for (const entry of ledger.citations) {
      expect(home).toContain(`data-cite="${entry.id}"`);
      expect(home).toContain(`id="${entry.anchor}"`);
      const sourcePage = readFileSync(join(build.outDir, 'sources', entry.source, 'index.html'), 'utf8');
      expect(sourcePage).toContain(`id="${entry.paragraph}"`);
      // "Cited on this site": the citing page linked once, and the sentence's link to the paragraph it quotes.
      expect(sourcePage).toContain(`<h3><a href="/">`);
      expect(sourcePage).toContain(`class="cited-paragraph" href="#${entry.paragraph}"`);
    }
  });

  it('says on the source page what is unknown or estimated', () => {
    const page = readFileSync(join(build.outDir, 'sources', 'town-news-flood-day-two', 'index.html'), 'utf8');
    expect(page).toContain('Estimated date.');
    expect(page).toMatch(/<dt>Original address<\/dt>\s*<dd>\s*Unknown/);
    expect(page).toMatch(/<dt>Author<\/dt>\s*<dd>\s*Unknown/);
  });

  it('writes the sources as CSL-JSON', () => {
    const items = JSON.parse(readFileSync(join(build.outDir, 'sources.json'), 'utf8'));
    expect(items[0]).toMatchObject({
      id: 'town-news-flood-day-one',
      type: 'article-newspaper',
      title: 'River Town bridges closed as water rises',
      'container-title': 'River Town News',
      author: [{ literal: 'Jane Example' }],
      issued: { 'date-parts': [[2024, 5, 6]] },
      URL: 'https://news.example/flood-day-one',
      accessed: { 'date-parts': [[2024, 6, 1]] },
    });
    expect(items[1].issued).toEqual({ 'date-parts': [[2024, 5, 7]], circa: true });
  });

  // The fixture gives its address (site.json "url"), so it gets a sitemap and a feed.
  const siteUrl = 'https://river-town.test/';
  const xml = (file: string) => {
    const text = readFileSync(join(build.outDir, file), 'utf8');
    expect(XMLValidator.validate(text), `${file} is well-formed XML`).toBe(true);
    return new XMLParser({ isArray: (name) => ['url', 'sitemap', 'item'].includes(name) }).parse(text);
  };
  /** The built file an absolute URL of this site is served from, if any. */
  const builtFile = (url: string) => {
    expect(url.startsWith(siteUrl), `${url} is an absolute URL of the site`).toBe(true);
    const path = `/${url.slice(siteUrl.length)}`;
    return existsSync(join(build.outDir, path, 'index.html')) || existsSync(join(build.outDir, path));
  };

  it('publishes a sitemap of absolute URLs of built pages only (not the search page)', () => {
    const index = xml('sitemap-index.xml');
    const maps = index.sitemapindex.sitemap.map((entry: { loc: string }) => entry.loc.slice(siteUrl.length));
    const urls: string[] = maps.flatMap((file: string) => xml(file).urlset.url.map((entry: { loc: string }) => entry.loc));
    expect(urls).toContain(siteUrl);
    expect(urls).toContain(`${siteUrl}sources/town-news-flood-day-one/`);
    expect(urls).not.toContain(`${siteUrl}search/`);
    for (const url of urls) expect(builtFile(url), url).toBe(true);
  });

  it('publishes an RSS feed of its pages, each item linking to a built page, and links it from every page', () => {
    const channel = xml('feed.xml').rss.channel;
    expect(channel.title).toBe('River Town flood explainer');
    expect(channel.item.length).toBeGreaterThan(0);
    for (const item of channel.item) {
      expect(builtFile(item.link), item.link).toBe(true);
      expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
    }
    expect(readFileSync(join(build.outDir, 'index.html'), 'utf8')).toContain('<link rel="alternate" type="application/rss+xml"');
  });

  it('gives every page link-preview tags and JSON-LD that parses, with a breadcrumb trail of absolute URLs', () => {
    for (const path of listPages(build.outDir).filter((path) => path !== '/404.html')) {
      const html = readPage(build.outDir, path);
      expect(html, path).toMatch(/<meta property="og:title" content="[^"]+"/);
      expect(html, path).toMatch(/<meta property="og:description" content="[^"]+"/);
      // A preview image drawn for the page: a PNG of 1200 × 630 in the build, named by an absolute URL.
      const image = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
      expect(image, path).toBe(`${siteUrl}${path.slice(1)}preview.png`);
      const png = readFileSync(join(build.outDir, path, 'preview.png'));
      expect(png.subarray(1, 4).toString('latin1'), path).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], path).toEqual([1200, 630]);
      const blocks = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]));
      const trail = blocks.find((data) => data['@type'] === 'BreadcrumbList');
      expect(trail, path).toBeDefined();
      for (const item of trail.itemListElement) expect(builtFile(item.item), `${path}: ${item.item}`).toBe(true);
    }
  });

  it('has a not-found page with no canonical address and no trail of its own, out of the search index', () => {
    const html = readPage(build.outDir, '/404.html');
    expect(html).not.toContain('rel="canonical"');
    expect(html).not.toContain('BreadcrumbList');
    expect(html).not.toContain('data-pagefind-body');
    expect(html).toContain(`action="/search/"`);
  });
});
