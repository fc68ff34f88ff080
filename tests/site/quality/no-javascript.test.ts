import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenSite, openSite, type SiteCrawl, siteCrawl } from '../../helpers/crawl.ts';
import { builtSite, listPages, pagesWithMarkers, pageType } from '../../helpers/site.ts';

// With JavaScript off, every page's content, citation markers (their previews are declarative
// popovers), endnotes and archive links work; only search says it needs JavaScript. What each
// page shows, and what its first marker and archive link do, come from the shared crawl of the
// build under /explainer/ (tests/helpers/crawl.ts), which loads every page without JavaScript.
const build = builtSite('realSiteUnderBase');
const pages = listPages(build.outDir);
const withMarkers = pagesWithMarkers(build.outDir, pages);

let open: OpenSite;
let page: Page;
let crawl: SiteCrawl;
beforeAll(async () => {
  crawl = await siteCrawl('realSiteUnderBase');
  open = await openSite(build.outDir, build.base, { javaScriptEnabled: false });
  page = await open.context.newPage();
});
afterAll(async () => open?.close());

const visit = async (path: string) => {
  const response = await page.goto(new URL(path.slice(1), open.server.url).href);
  expect(response?.status()).toBe(200);
};

describe('without JavaScript', () => {
  it('JavaScript is really off in this context', async () => {
    await visit('/');
    // A javascript: URL would run if scripts could; with them off, nothing changes.
    expect(await page.evaluate('1 + 1')).toBe(2); // the test driver still can
    await page.goto('data:text/html,<p id=x>no</p><script>document.getElementById("x").textContent="yes"</script>');
    expect(await page.locator('#x').textContent()).toBe('no');
  });

  it.each(pages)('%s shows its content', (path) => {
    const { status, noJs } = crawl.byPage[path];
    expect(status).toBe(200);
    if (!noJs) throw new Error('the shared crawl did not visit the page without JavaScript');
    expect(noJs.h1Visible).toBe(true);
    expect(noJs.mainText.length).toBeGreaterThan(20);
    if (pageType(path) === 'search') {
      expect(noJs.mainText, 'the search page says it needs JavaScript').toMatch(/JavaScript/);
    } else {
      expect(noJs.mainText).not.toMatch(/(needs?|requires?|enable|turn on)\s+JavaScript/i);
    }
  });

  it('some pages have citation markers', () => {
    expect(withMarkers.length).toBeGreaterThan(0);
  });

  it.each(withMarkers)('%s: a marker opens its preview, endnotes are shown, an archive link lands on its paragraph', (path) => {
    const seen = crawl.byPage[path].noJsPreview;
    expect(seen, 'the crawl found the marker without JavaScript').toBeTruthy();
    expect({ hiddenBefore: seen!.hiddenBefore, shownOnClick: seen!.shownOnClick, hiddenOnEscape: seen!.hiddenOnEscape }).toEqual({ hiddenBefore: true, shownOnClick: true, hiddenOnEscape: true });
    // The page's sources (on an incident page, its facts box's and its story's in one list).
    expect(seen!.endnotesVisible).toBe(true);
    expect(seen!.endnoteItems).toBeGreaterThan(0);
    expect(seen!.archiveHref).toMatch(/\/sources\/[^/]+\/#p/);
    expect(seen!.landedOn.endsWith(seen!.archiveHref.replace(/^.*\/sources\//, '/sources/'))).toBe(true);
    expect(seen!.target).toEqual({ count: 1, visible: true, id: seen!.archiveHref.split('#')[1] });
  });
});
