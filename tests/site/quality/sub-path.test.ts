import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SiteCrawl, siteCrawl, siteIndex } from '../../helpers/crawl.ts';
import { builtSite, linkProblems, listPages, type SiteIndex, sourceUrls } from '../../helpers/site.ts';
import { type StaticServer, serveStatic } from '../../helpers/static-server.ts';

// A build with a base path (`--base /explainer`, a school server at /explainer/) served
// under that path only: every link, fragment and asset resolves under /explainer/, and loading any
// page asks for nothing outside it. Read from the shared crawl of that build. (Search under the
// base path: tests/site/search/base-path.test.ts.)
const build = builtSite('realSiteUnderBase');
const pages = listPages(build.outDir);

let crawl: SiteCrawl;
let site: SiteIndex;
beforeAll(async () => {
  crawl = await siteCrawl('realSiteUnderBase');
  site = siteIndex(crawl);
});

describe('sub-path deployment under /explainer/', () => {
  describe('the server the crawl used', () => {
    let server: StaticServer;
    beforeAll(async () => {
      server = await serveStatic(build.outDir, { base: build.base });
    });
    afterAll(async () => server?.close());

    it('serves the site under /explainer/ only', async () => {
      expect(server.url.endsWith('/explainer/')).toBe(true);
      expect((await fetch(`${server.origin}/`)).status).toBe(404);
      expect((await fetch(server.url)).status).toBe(200);
    });
  });

  it('was crawled under /explainer/', () => {
    expect(crawl.base).toBe('/explainer/');
    expect(Object.keys(crawl.byPage)).toEqual(pages);
  });

  it.each(pages)('%s: every link, fragment and asset resolves under the base', (path) => {
    expect(linkProblems(site, crawl.origin, path, sourceUrls(build.outDir))).toEqual([]);
  });

  it.each(pages)('%s: loads with its stylesheet and nothing outside the base (no 404s)', (path) => {
    const page = crawl.byPage[path];
    expect(page.status).toBe(200);
    expect(page.failed).toEqual([]);
    expect(page.foreign).toEqual([]);
    const outside = page.plainView.map((r) => new URL(r.url)).filter((url) => !url.pathname.startsWith('/explainer/'));
    expect(outside.map((url) => url.href)).toEqual([]);
    // The site's stylesheet applied: it sets body { margin: 0 } (the browser default is 8px).
    expect(page.style.sheets).toBeGreaterThan(0);
    expect(page.style.bodyMarginTop).toBe('0px');
  });
});
