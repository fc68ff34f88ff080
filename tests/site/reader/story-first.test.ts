import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type OpenSite, openSite } from '../../helpers/crawl.ts';
import { builtSite, listPages, onePagePerKind, pagesContaining, pagesWithMarkers, readPage } from '../../helpers/site.ts';

// Issue 22 (docs/design.md): what a reader sees first on a phone (390 × 844) and a laptop, the
// citation sheet and preview, "Cite this page" and print. A phone is emulated as one (touch, a
// mobile viewport), so that a marker is tapped, not clicked.
const build = builtSite();
const pages = listPages(build.outDir);
const kinds = onePagePerKind(pages);
// What each kind of page has that the checks below look at.
const withMarkers = pagesWithMarkers(build.outDir, kinds);
const withToc = pagesContaining(build.outDir, kinds, 'class="toc"');
const explainers = pagesContaining(build.outDir, kinds, 'class="explainer');
interface Features {
  markers: boolean;
  toc: boolean;
  explainer: boolean;
}
const featuresOf = (path: string): Features => ({ markers: withMarkers.includes(path), toc: withToc.includes(path), explainer: explainers.includes(path) });

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };
/** The phone header's budget: the story, not the chrome, fills the first screen. */
const MAX_PHONE_HEADER_PX = 120;

/** A screen's page, kept open for every visit. */
type Screen = { open: OpenSite; page: Page };
let phone: Screen;
let laptop: Screen;
beforeAll(async () => {
  const phoneSite = await openSite(build.outDir, build.base, { viewport: PHONE, isMobile: true, hasTouch: true });
  const laptopSite = await openSite(build.outDir, build.base, { viewport: LAPTOP, permissions: ['clipboard-read', 'clipboard-write'] });
  phone = { open: phoneSite, page: await phoneSite.context.newPage() };
  laptop = { open: laptopSite, page: await laptopSite.context.newPage() };
});
afterAll(async () => {
  await phone?.open.close();
  await laptop?.open.close();
});

const visit = (site: Screen, path: string) => site.page.goto(new URL(path.slice(1), site.open.server.url).href);

/** The claim a marker cites and the preview it opened, as laid out now. */
const claimAndPreview = (page: Page) =>
  page.evaluate(() => {
    const preview = document.querySelector('.cite-preview:popover-open');
    if (!preview) return null;
    const claim = document.getElementById(preview.id.slice('preview-'.length))!.getBoundingClientRect();
    const box = preview.getBoundingClientRect();
    return { claim: { top: claim.top, bottom: claim.bottom }, preview: { top: box.top, bottom: box.bottom }, viewport: window.innerHeight };
  });

/** Each kind of page's checks on a phone: the first screen first, then the citations, then the contents list (opened by a tap). */
function phoneChecks(path: string, has: Features) {
  it(`the header is at most ${MAX_PHONE_HEADER_PX} px tall and does not talk about keys`, async () => {
    const header = await phone.page.evaluate(() => {
      const element = document.querySelector('.site-header')!;
      return { height: element.getBoundingClientRect().height, text: (element as HTMLElement).innerText, placeholder: document.querySelector('.site-search-input')?.getAttribute('placeholder') ?? '' };
    });
    expect(header.height).toBeLessThanOrEqual(MAX_PHONE_HEADER_PX);
    expect(`${header.text} ${header.placeholder}`).not.toMatch(/Press \//);
  });

  if (path === '/') {
    it('the home page tells the story first: its title and lede on the first screen, the editors’ note visible without a tap', async () => {
      const { ledeTop, note } = await phone.page.evaluate(() => ({
        ledeTop: document.querySelector('.lede')!.getBoundingClientRect().top,
        note: document.querySelector('#editors-note') && {
          inClosedDisclosure: Boolean(document.querySelector('#editors-note')!.closest('details:not([open])')),
          text: (document.querySelector('#editors-note') as HTMLElement).innerText,
        },
      }));
      expect(ledeTop).toBeLessThan(PHONE.height / 2);
      expect(note?.inClosedDisclosure).toBe(false);
      expect(note?.text.length).toBeGreaterThan(0);
    });

    it('the editors’ note’s message is on the first screen', async () => {
      const summaryBottom = await phone.page.evaluate(() => document.querySelector('#editors-note .editors-note-summary')?.getBoundingClientRect().bottom);
      expect(summaryBottom).toBeDefined();
      expect(summaryBottom!).toBeLessThanOrEqual(PHONE.height);
    });
  } else if (has.explainer) {
    it('one visible scope line, linking to the editors’ note', async () => {
      const scope = phone.page.locator('.scope');
      expect(await scope.count()).toBe(1);
      expect(await scope.isVisible()).toBe(true);
      expect(await scope.locator('a').getAttribute('href')).toBe(`${build.base}#editors-note`);
    });
  }

  if (has.markers) {
    it('each marker on the screen around the first catches a tap 11 px around its centre, and no two markers’ tap areas overlap', async () => {
      await phone.page
        .locator('.cite-marker')
        .first()
        .evaluate((element) => element.scrollIntoView({ block: 'center' }));
      const found = await phone.page.evaluate(() => {
        const markers = [...document.querySelectorAll('.cite-marker')].filter((m) => {
          const r = m.getBoundingClientRect();
          return r.width > 0 && r.top > 12 && r.bottom < window.innerHeight - 12;
        });
        // The hit area as the browser sees it: what a tap at each point would reach.
        const misses = markers.flatMap((marker) => {
          const r = marker.getBoundingClientRect();
          const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
          return [
            [-11, 0],
            [11, 0],
            [0, -11],
            [0, 11],
          ]
            .filter(([dx, dy]) => document.elementFromPoint(x + dx, y + dy) !== marker)
            .map(([dx, dy]) => `${marker.textContent} at ${dx},${dy}`);
        });
        const centres = markers.map((m) => m.getBoundingClientRect()).map((r) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 }));
        const overlapping = centres.flatMap((a, i) =>
          centres
            .slice(i + 1)
            .filter((b) => Math.abs(a.x - b.x) < 24 && Math.abs(a.y - b.y) < 24)
            .map(() => markers[i].textContent),
        );
        return { count: markers.length, misses, overlapping };
      });
      expect(found.count).toBeGreaterThan(0);
      expect(found.misses).toEqual([]);
      expect(found.overlapping).toEqual([]);
    });

    it('a tapped marker’s sentence stays in view above the sheet, which closes with its button', async () => {
      const markers = phone.page.locator('.cite-marker');
      const count = await markers.count();
      // The first, one in the middle and the last: the last has the least page below it to scroll.
      for (const index of [...new Set([0, Math.floor(count / 2), count - 1])]) {
        const marker = markers.nth(index);
        // A marker in a collapsed section ("About the dates") is tapped as a reader would: after opening it.
        await marker.evaluate((element) => element.closest('details:not([open])')?.setAttribute('open', ''));
        // The marker at the bottom of the screen, where the sheet would cover it.
        await marker.evaluate((element) => window.scrollBy(0, element.getBoundingClientRect().bottom - window.innerHeight + 8));
        await marker.tap();
        await expect.poll(() => claimAndPreview(phone.page).then((found) => found !== null && found.claim.bottom <= found.preview.top)).toBe(true);
        const { claim, preview } = (await claimAndPreview(phone.page))!;
        expect(claim.bottom, `marker ${index + 1}: the sentence ends above the sheet`).toBeLessThanOrEqual(preview.top);
        expect(claim.bottom, `marker ${index + 1}: the sentence's end is on screen`).toBeGreaterThan(0);
        await phone.page.locator('.cite-preview:popover-open .cite-preview-close').tap();
        expect(await claimAndPreview(phone.page)).toBeNull();
      }
    });
  }

  if (has.toc) {
    it('the contents list is closed, and opens with a tap', async () => {
      expect(await phone.page.locator('.toc-list').isVisible()).toBe(false);
      // The home page leaves its list out on a phone altogether: its questions are on the first screens.
      if (await phone.page.locator('.toc summary').isVisible()) {
        await phone.page.locator('.toc summary').tap();
        expect(await phone.page.locator('.toc-list').isVisible()).toBe(true);
      }
    });
  }
}

/** Each kind of page's checks on a laptop: the first screen first, then print and Cite this page, then the citations. */
function laptopChecks(path: string, has: Features) {
  if (path === '/') {
    it('the home page’s first screen holds the start of the section after the editors’ note', async () => {
      // The first heading after the note ("In brief" on this site) starts on the first screen.
      const nextHeadingTop = await laptop.page.evaluate(() => {
        const note = document.querySelector('#editors-note')!;
        const heading = [...document.querySelectorAll('main h2')].find((h) => note.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING);
        return heading?.getBoundingClientRect().top;
      });
      expect(nextHeadingTop).toBeDefined();
      expect(nextHeadingTop!).toBeLessThan(LAPTOP.height);
    });
  }

  if (has.toc) it('the contents list is open beside the text', async () => expect(await laptop.page.locator('.toc-list').isVisible()).toBe(true));

  if (has.explainer) {
    it('prints the article without the interface', async () => {
      await laptop.page.emulateMedia({ media: 'print' });
      try {
        const shown = await laptop.page.evaluate(() =>
          ['.site-header nav', '.toc', '.page-tools', '.endnote-backlinks', '.change-log', '.copy-button', '.cite-preview'].filter((selector) =>
            [...document.querySelectorAll(selector)].some((element) => getComputedStyle(element).display !== 'none'),
          ),
        );
        expect(shown).toEqual([]);
        // A printed address is whole, or not printed: never a bare path.
        const bare = await laptop.page.evaluate(() =>
          [...document.querySelectorAll('main a[href^="/"], .site-footer a[href^="/"]')]
            // The printed text, its quoted parts joined: " (" "/x/" ")" prints " (/x/)".
            .map((a) => getComputedStyle(a, '::after').content.replace(/"\s*"/g, '').replace(/"/g, ''))
            .filter((printed) => printed.includes('(/')),
        );
        expect(bare).toEqual([]);
      } finally {
        await laptop.page.emulateMedia({ media: 'screen' });
      }
    });

    it('Cite this page is reached from the page head and from the contents list; its Copy button copies the citation', async () => {
      const targets = await laptop.page.evaluate(() => [...document.querySelectorAll('.page-tools a, .toc-cite a')].map((a) => a.getAttribute('href')));
      expect(targets[0]).toBe('#cite-page-title');
      for (const target of targets) expect(await laptop.page.locator(target!).count()).toBe(1);
      const copy = laptop.page.locator('.cite-page .copy-button').first();
      expect(await copy.isVisible()).toBe(true);
      await copy.click();
      const expected = await laptop.page.locator(`#${await copy.getAttribute('data-copy')}`).innerText();
      const copied = await laptop.page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(expected.trim());
      expect(await copy.innerText()).toBe(await copy.getAttribute('data-copied'));
      // A whole address: the site's, or, where the build had none, the one the page was read at, filled in by the script.
      if (readPage(build.outDir, path).includes('class="cite-address"')) {
        expect(copied).toContain(new URL(path.slice(1), laptop.open.server.url).href);
        expect(await laptop.page.locator('.cite-relative').count()).toBe(0);
      } else expect(copied).toMatch(/https?:\/\/\S+/);
    });
  }

  if (has.markers) {
    it('the preview opens below its sentence, on screen, never over it', async () => {
      const markers = laptop.page.locator('.cite-marker');
      const count = await markers.count();
      for (const index of [...new Set([0, count - 1])]) {
        const marker = markers.nth(index);
        await marker.evaluate((element) => element.closest('details:not([open])')?.setAttribute('open', ''));
        await marker.evaluate((element) => window.scrollBy(0, element.getBoundingClientRect().bottom - window.innerHeight + 8));
        await marker.click();
        await expect.poll(() => claimAndPreview(laptop.page).then((found) => found !== null && found.preview.bottom <= found.viewport)).toBe(true);
        const { claim, preview } = (await claimAndPreview(laptop.page))!;
        expect(preview.top, `marker ${index + 1}`).toBeGreaterThanOrEqual(claim.bottom);
        await laptop.page.keyboard.press('Escape');
      }
    });

    it('no marker touches a link', async () => {
      const touching = await laptop.page.evaluate(() => {
        // Every section open, so that markers in a collapsed one are laid out (a hidden marker has no box to compare).
        for (const details of document.querySelectorAll('main details')) details.setAttribute('open', '');
        const links = [...document.querySelectorAll('main a[href]')].filter((a) => !a.closest('.cite-preview, .claim-link'));
        return [...document.querySelectorAll('.cite-marker')].flatMap((marker) => {
          const m = marker.getBoundingClientRect();
          return links
            .flatMap((link) => [...link.getClientRects()])
            .filter((r) => r.width > 0 && r.left < m.right + 2 && r.right > m.left - 2 && r.top < m.bottom && r.bottom > m.top)
            .map(() => marker.textContent);
        });
      });
      expect(touching).toEqual([]);
    });

    it('every preview keeps its full width beside the screen edge and scrolls inside past 28 rem', async () => {
      // Every marker in one evaluation, clicked in the page: the same click event (the reader
      // script's listener, then the popover opening), without a round trip to the browser per
      // marker (on the longest page that was 5 of this file's 36 s). Clicks as a reader makes
      // them, and Escape, are the other tests' and the crawl's.
      const problems = await laptop.page.evaluate(async () => {
        for (const details of document.querySelectorAll('main details')) details.setAttribute('open', '');
        const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
        const full = Math.min(30 * rem, window.innerWidth - 2 * rem);
        const tallest = 28 * rem;
        const found: string[] = [];
        for (const [index, marker] of [...document.querySelectorAll<HTMLElement>('.cite-marker')].entries()) {
          marker.scrollIntoView({ block: 'nearest' });
          marker.click();
          // A frame for the popover's position to settle, as between a reader's click and a look.
          await new Promise((drawn) => requestAnimationFrame(drawn));
          const open = document.querySelector<HTMLElement>('.cite-preview:popover-open');
          const box = open?.getBoundingClientRect();
          if (!open || !box) found.push(`marker ${index + 1}: no preview opened`);
          else if (box.width < full - 1 || box.height > tallest + 1 || box.right > window.innerWidth)
            found.push(`marker ${index + 1}: ${Math.round(box.width)} × ${Math.round(box.height)} px, right edge ${Math.round(box.right)}`);
          open?.hidePopover();
        }
        return found;
      });
      expect(problems).toEqual([]);
    });
  }
}

/** A check that failed with a preview open leaves it closed for the next, which would otherwise fail with it. */
const closePreviews = ({ page }: Screen) =>
  page.evaluate(() => {
    for (const open of document.querySelectorAll<HTMLElement>(':popover-open')) open.hidePopover();
  });

// Each kind of page is loaded once on the phone and once on the laptop, and all its checks on that
// screen read that load (loading pages was most of this file's cost): the checks that need the
// page as loaded come first; those that open a preview close it again; opening sections or the
// contents list comes last.
describe.each(kinds)('%s', (path) => {
  const has = featuresOf(path);
  describe('on a phone', () => {
    beforeAll(() => visit(phone, path));
    afterEach(() => closePreviews(phone));
    phoneChecks(path, has);
  });
  if (path === '/' || has.toc || has.explainer || has.markers) {
    describe('on a laptop', () => {
      beforeAll(() => visit(laptop, path));
      afterEach(() => closePreviews(laptop));
      laptopChecks(path, has);
    });
  }
});

it('at least two pages with markers, two explainers and two contents lists are among those checked', () => {
  for (const [feature, pages] of Object.entries({ markers: withMarkers, explainers, toc: withToc })) expect(pages.length, feature).toBeGreaterThan(1);
});

describe('Cite this page without a browser', () => {
  it('a source page offers "Cite the original" before its archived text', () => {
    const source = pages.find((path) => path.startsWith('/sources/') && path !== '/sources/')!;
    const page = readPage(build.outDir, source);
    expect(page.indexOf('class="cite-page cite-collapsed"')).toBeGreaterThan(0);
    expect(page.indexOf('class="cite-page cite-collapsed"')).toBeLessThan(page.indexOf('<h2 id="text">'));
  });

  it('without script the Copy buttons are hidden (they would do nothing)', () => {
    for (const path of explainers) expect(readPage(build.outDir, path)).toMatch(/<button type="button" class="copy-button"[^>]* hidden>/);
  });
});
