import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeTags, darkSchemeNonColourDeclarations } from '../../helpers/axe.ts';
import { axeOnPreview, type OpenSite, openSite, type SiteCrawl, siteCrawl } from '../../helpers/crawl.ts';
import { builtSite, listFiles, listPages, onePagePerKind, pagesWithMarkers } from '../../helpers/site.ts';

// axe-core in Chromium on every built page (WCAG 2.2 A and AA, and best practices): no violations
// in the light scheme, the dark scheme, and with a citation preview open (results of the shared
// crawl, tests/helpers/crawl.ts; in dark, axe's colour rules, as dark changes colours only). The
// preview opens with Enter on its marker, closes with Escape, and focus returns to the marker.
const build = builtSite();
const pages = listPages(build.outDir);
const withMarkers = pagesWithMarkers(build.outDir, pages);
// Every preview is one component whose words change from page to page: axe checks it open on the
// first page with markers of each kind (the crawl's axeOnPreview); every page's opens on a click.
const previewsChecked = axeOnPreview(build.outDir, pages);
// The preview by keyboard is checked on every page in the shared crawl; reaching the marker with
// Tab from the top depends on the page's template (header, contents list): one page of each kind.
const tabbedFromTop = onePagePerKind(withMarkers);

let crawl: SiteCrawl;
beforeAll(async () => {
  crawl = await siteCrawl('realSite');
});

describe('the dark scheme changes colours only (so a colour-only axe run in dark is enough)', () => {
  const files = listFiles(build.outDir);
  it('every dark-scheme rule of the built stylesheets sets a colour variable, and nothing else', () => {
    const css = files.filter((file) => file.endsWith('.css'));
    expect(css.length).toBeGreaterThan(0);
    expect(css.filter((file) => /prefers-color-scheme\s*:\s*dark/.test(readFileSync(join(build.outDir, file), 'utf8'))).length).toBeGreaterThan(0);
    for (const file of css) expect(darkSchemeNonColourDeclarations(readFileSync(join(build.outDir, file), 'utf8')), file).toEqual([]);
  });

  it('no page, inline style or script chooses by colour scheme otherwise', () => {
    const other = files.filter((file) => /\.(html|js|mjs|svg)$/.test(file) && /prefers-color-scheme/.test(readFileSync(join(build.outDir, file), 'utf8')));
    expect(other).toEqual([]);
  });

  it('the check finds a dark rule that changes more than a colour', () => {
    const css = '@media (prefers-color-scheme:dark){:root{--bg:#000;--measure:30rem}.nav{display:none}}';
    expect(darkSchemeNonColourDeclarations(css)).toEqual(['--measure:30rem', 'display:none']);
    expect(darkSchemeNonColourDeclarations(':root{--bg:#fff}@media (prefers-color-scheme: dark){:root{--bg: rgb(0 0 0)}}')).toEqual([]);
  });
});

describe(`axe-core (${axeTags.join(', ')})`, () => {
  it.each(
    pages.flatMap(
      (path) =>
        [
          [path, 'light'],
          [path, 'dark'],
        ] as const,
    ),
  )('%s in the %s colour scheme: no violations', (path, scheme) => {
    const axe = crawl.byPage[path].axe;
    expect(axe, 'the crawl ran axe on the page').toBeDefined();
    expect(axe![scheme]).toEqual([]);
  });

  it('at least one page has citation markers to check previews on, and previews of more than one kind are checked', () => {
    expect(withMarkers.length).toBeGreaterThan(0);
    expect(previewsChecked.length).toBeGreaterThan(1);
  });

  it.each(withMarkers)('%s: clicking the first marker opens its preview', (path) => {
    expect(crawl.byPage[path].previewOpened).toBe(true);
  });

  it.each(
    previewsChecked.flatMap(
      (path) =>
        [
          [path, 'light'],
          [path, 'dark'],
        ] as const,
    ),
  )('%s with a citation preview open (%s): no violations', (path, scheme) => {
    const page = crawl.byPage[path];
    const axe = scheme === 'light' ? page.axe?.previewLight : page.axe?.previewDark;
    expect(axe, 'the crawl ran axe with the preview open').toBeDefined();
    expect(axe).toEqual([]);
  });
});

describe('citation previews by keyboard', () => {
  it.each(withMarkers)('%s: Enter opens the first preview, Escape closes it, focus returns to its marker, Tab enters it (shared crawl)', (path) => {
    expect(crawl.byPage[path].keyboard).toEqual({
      escapeClosesClicked: true,
      enterOpens: true,
      escapeCloses: true,
      focusReturned: true,
      tabEntersPreview: true,
      closedAgain: true,
    });
  });

  describe('the first marker is reachable with Tab from the top, on a page of each kind', () => {
    let open: OpenSite;
    let page: Page;
    beforeAll(async () => {
      open = await openSite(build.outDir, build.base);
      page = await open.context.newPage();
    });
    afterAll(async () => open?.close());

    it('pages of more than one kind are checked', () => {
      expect(tabbedFromTop.length).toBeGreaterThan(1);
    });

    it.each(tabbedFromTop)('%s', async (path) => {
      const response = await page.goto(new URL(path.slice(1), open.server.url).href);
      expect(response?.status()).toBe(200);
      const marker = page.locator('.cite-marker').first();
      const markerHasFocus = () => marker.evaluate((element) => element === document.activeElement);
      let reached = false;
      for (let presses = 0; presses < 200 && !reached; presses++) {
        await page.keyboard.press('Tab');
        reached = await markerHasFocus();
      }
      expect(reached, 'the first citation marker is reachable with Tab').toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.locator(`[id="${await marker.getAttribute('popovertarget')}"]`).evaluate((element) => element.matches(':popover-open'))).toBe(true);
    });
  });
});
