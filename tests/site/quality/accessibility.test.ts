import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeTags } from '../../helpers/axe.ts';
import { openSite, siteCrawl, type OpenSite, type SiteCrawl } from '../../helpers/crawl.ts';
import { builtSite, listPages, readPage } from '../../helpers/site.ts';

// axe-core in Chromium on every built page (WCAG 2.2 A and AA, and best practices): no violations
// in the light scheme, the dark scheme, and with a citation preview open (results of the shared
// crawl, tests/helpers/crawl.ts). The preview opens with Enter on its marker, closes with Escape,
// and focus returns to the marker.
const build = builtSite();
const pages = listPages(build.outDir);
const pagesWithMarkers = pages.filter((path) => readPage(build.outDir, path).includes('class="cite-marker"'));

let crawl: SiteCrawl;
beforeAll(async () => {
  crawl = await siteCrawl('realSite');
});

describe(`axe-core (${axeTags.join(', ')})`, () => {
  it.each(pages.flatMap((path) => [[path, 'light'], [path, 'dark']] as const))('%s in the %s colour scheme: no violations', (path, scheme) => {
    const axe = crawl.byPage[path].axe;
    expect(axe, 'the crawl ran axe on the page').toBeDefined();
    expect(axe![scheme]).toEqual([]);
  });

  it('at least one page has citation markers to check previews on', () => {
    expect(pagesWithMarkers.length).toBeGreaterThan(0);
  });

  it.each(pagesWithMarkers.flatMap((path) => [[path, 'light'], [path, 'dark']] as const))('%s with a citation preview open (%s): no violations', (path, scheme) => {
    const page = crawl.byPage[path];
    expect(page.previewOpened, 'clicking the first marker opened its preview').toBe(true);
    const axe = scheme === 'light' ? page.axe?.previewLight : page.axe?.previewDark;
    expect(axe, 'the crawl ran axe with the preview open').toBeDefined();
    expect(axe).toEqual([]);
  });
});

describe('citation previews by keyboard', () => {
  let open: OpenSite;
  let page: Page;
  beforeAll(async () => {
    open = await openSite(build.outDir, build.base);
    page = await open.context.newPage();
  });
  afterAll(async () => open?.close());

  it.each(pagesWithMarkers)('%s: Enter opens the first preview, Escape closes it, focus returns to its marker', async (path) => {
    const response = await page.goto(new URL(path.slice(1), open.server.url).href);
    expect(response?.status()).toBe(200);
    const marker = page.locator('.cite-marker').first();
    const id = (await marker.getAttribute('popovertarget')) ?? '';
    const preview = page.locator(`[id="${id}"]`);
    const isOpen = () => preview.evaluate((element) => element.matches(':popover-open'));
    const markerHasFocus = () => marker.evaluate((element) => element === document.activeElement);

    // Reach the marker with Tab from the top of the page, as a keyboard user would.
    let reached = false;
    for (let presses = 0; presses < 200 && !reached; presses++) {
      await page.keyboard.press('Tab');
      reached = await markerHasFocus();
    }
    expect(reached, 'the first citation marker is reachable with Tab').toBe(true);
    expect(await isOpen()).toBe(false);

    await page.keyboard.press('Enter');
    expect(await isOpen()).toBe(true);
    expect(await preview.isVisible()).toBe(true);

    await page.keyboard.press('Escape');
    expect(await isOpen()).toBe(false);
    expect(await markerHasFocus()).toBe(true);

    // The preview's links are reachable by keyboard once it is open: Tab moves into it.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await preview.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    expect(await isOpen()).toBe(false);
  });
});
