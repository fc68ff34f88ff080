import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl, openSite, type OpenSite } from '../../helpers/crawl.ts';
import { builtSite, linkProblems, listPages, sourceUrls, type SiteIndex } from '../../helpers/site.ts';

// A build with a base path (EXPLAINER_BASE=/explainer, a school server at /explainer/) served
// under that path only: every link, fragment and asset resolves under /explainer/, and loading any
// page asks for nothing outside it. (Search under the base path: tests/site/search/base-path.test.ts.)
const build = builtSite('realSiteUnderBase');
const pages = listPages(build.outDir);

let open: OpenSite;
let site: SiteIndex;
beforeAll(async () => {
  open = await openSite(build.outDir, build.base, { javaScriptEnabled: false });
  site = await crawl(open, build.outDir, build.base);
});
afterAll(async () => open?.close());

describe('sub-path deployment under /explainer/', () => {
  it('is served under /explainer/ only', async () => {
    expect(open.server.url.endsWith('/explainer/')).toBe(true);
    const page = await open.context.newPage();
    expect((await page.goto(`${open.server.origin}/`))?.status()).toBe(404);
    await page.close();
  });

  it.each(pages)('%s: every link, fragment and asset resolves under the base', (path) => {
    expect(linkProblems(site, open.server.origin, path, sourceUrls(build.outDir))).toEqual([]);
  });

  it.each(pages)('%s: loads with its stylesheet and nothing outside the base (no 404s)', async (path) => {
    const page = await open.context.newPage();
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    page.on('requestfailed', (request) => failed.push(`failed ${request.url()}`));
    const response = await page.goto(new URL(path.slice(1), open.server.url).href, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    expect(failed).toEqual([]);
    // The site's stylesheet applied: it sets body { margin: 0 } (the browser default is 8px).
    expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
    expect(await page.evaluate(() => getComputedStyle(document.body).marginTop)).toBe('0px');
    await page.close();
  });
});
