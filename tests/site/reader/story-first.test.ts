import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenSite, openSite } from '../../helpers/crawl.ts';
import { builtSite, listPages, onePagePerKind, pagesWithMarkers, readPage } from '../../helpers/site.ts';

// Issue 22 (docs/design.md): what a reader sees first on a phone (390 × 844) and a laptop, the
// citation sheet and preview, "Cite this page" and print. A phone is emulated as one (touch, a
// mobile viewport), so that a marker is tapped, not clicked.
const build = builtSite();
const pages = listPages(build.outDir);
const kinds = onePagePerKind(pages);
const withMarkers = pagesWithMarkers(build.outDir, kinds);
const explainers = kinds.filter((path) => readPage(build.outDir, path).includes('class="explainer'));
const withToc = kinds.filter((path) => readPage(build.outDir, path).includes('class="toc"'));

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };
/** The phone header's budget: the story, not the chrome, fills the first screen. */
const MAX_PHONE_HEADER_PX = 120;

let phone: { open: OpenSite; page: Page };
let laptop: { open: OpenSite; page: Page };
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

const visit = (site: { open: OpenSite; page: Page }, path: string) => site.page.goto(new URL(path.slice(1), site.open.server.url).href);

/** The claim a marker cites and the preview it opened, as laid out now. */
const claimAndPreview = (page: Page) =>
  page.evaluate(() => {
    const preview = document.querySelector('.cite-preview:popover-open');
    if (!preview) return null;
    const claim = document.getElementById(preview.id.slice('preview-'.length))!.getBoundingClientRect();
    const box = preview.getBoundingClientRect();
    return { claim: { top: claim.top, bottom: claim.bottom }, preview: { top: box.top, bottom: box.bottom }, viewport: window.innerHeight };
  });

describe('the first screen on a phone', () => {
  it.each(kinds)(`%s: the header is at most ${MAX_PHONE_HEADER_PX} px tall and does not talk about keys`, async (path) => {
    await visit(phone, path);
    const header = await phone.page.evaluate(() => {
      const element = document.querySelector('.site-header')!;
      return { height: element.getBoundingClientRect().height, text: (element as HTMLElement).innerText, placeholder: document.querySelector('.site-search-input')?.getAttribute('placeholder') ?? '' };
    });
    expect(header.height).toBeLessThanOrEqual(MAX_PHONE_HEADER_PX);
    expect(`${header.text} ${header.placeholder}`).not.toMatch(/Press \//);
  });

  it.each(withToc)('%s: the contents list is closed on a phone and open beside the text on a laptop', async (path) => {
    await visit(phone, path);
    expect(await phone.page.locator('.toc-list').isVisible()).toBe(false);
    // The home page leaves its list out on a phone altogether: its questions are on the first screens.
    if (await phone.page.locator('.toc summary').isVisible()) {
      await phone.page.locator('.toc summary').tap();
      expect(await phone.page.locator('.toc-list').isVisible()).toBe(true);
    }
    await visit(laptop, path);
    expect(await laptop.page.locator('.toc-list').isVisible()).toBe(true);
  });

  it('the home page tells the story first: its title and lede on the first screen, the editors’ note visible without a tap', async () => {
    await visit(phone, '/');
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

  it('the home page’s first screens: the editors’ note’s message on a phone’s, the start of the next section on a laptop’s', async () => {
    await visit(phone, '/');
    const summaryBottom = await phone.page.evaluate(() => document.querySelector('#editors-note .editors-note-summary')?.getBoundingClientRect().bottom);
    expect(summaryBottom).toBeDefined();
    expect(summaryBottom!).toBeLessThanOrEqual(PHONE.height);
    await visit(laptop, '/');
    // The first heading after the note ("In brief" on this site) starts on the first screen.
    const nextHeadingTop = await laptop.page.evaluate(() => {
      const note = document.querySelector('#editors-note')!;
      const heading = [...document.querySelectorAll('main h2')].find((h) => note.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING);
      return heading?.getBoundingClientRect().top;
    });
    expect(nextHeadingTop).toBeDefined();
    expect(nextHeadingTop!).toBeLessThan(LAPTOP.height);
  });

  it.each(explainers.filter((path) => path !== '/'))('%s: one visible scope line, linking to the editors’ note', async (path) => {
    await visit(phone, path);
    const scope = phone.page.locator('.scope');
    expect(await scope.count()).toBe(1);
    expect(await scope.isVisible()).toBe(true);
    expect(await scope.locator('a').getAttribute('href')).toBe(`${build.base}#editors-note`);
  });
});

describe('citations', () => {
  it('the site has pages with markers', () => expect(withMarkers.length).toBeGreaterThan(0));

  it.each(withMarkers)('%s: a tapped marker’s sentence stays in view above the sheet, which closes with its button', async (path) => {
    await visit(phone, path);
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

  it.each(withMarkers)('%s: on a laptop the preview opens below its sentence, on screen, never over it', async (path) => {
    await visit(laptop, path);
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

  it.each(withMarkers)('%s: on a laptop every preview keeps its full width beside the screen edge and scrolls inside past 28 rem', async (path) => {
    await visit(laptop, path);
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

  it.each(withMarkers)('%s: each marker on the screen around the first catches a tap 11 px around its centre, and no two markers’ tap areas overlap', async (path) => {
    await visit(phone, path);
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

  it.each(withMarkers)('%s: no marker touches a link', async (path) => {
    await visit(laptop, path);
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
});

describe('Cite this page', () => {
  it.each(explainers)('%s: reached from the page head and from the contents list; its Copy button copies the citation', async (path) => {
    await visit(laptop, path);
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

describe('print', () => {
  it.each(explainers)('%s: prints the article without the interface', async (path) => {
    await visit(laptop, path);
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
});
