import { describe, expect, it } from 'vitest';
import { sitePage } from '../../helpers/crawl.ts';
import { builtSite, listPages, pagesContaining, readPage } from '../../helpers/site.ts';

// Long pages (packages/cited-explainer/layouts/Explainer.astro, packages/cited-explainer/styles/toc.css): on a wide screen the contents list
// stays in view beside the text and marks the section being read, without a script; a link leads
// back to the top. The marking pairs the n-th contents entry with the n-th h2 of the text: where a
// section heading sits inside another block (a nav, a div), the page gets no marking at all.
const build = builtSite();
const withToc = pagesContaining(build.outDir, listPages(build.outDir), 'class="toc"');
/** toc.css names a view timeline for this many sections. */
const MARKED_SECTIONS = 16;

const site = sitePage(build);

const visit = async (path: string, width: number) => {
  await site.page.setViewportSize({ width, height: 900 });
  await site.page.goto(new URL(path.slice(1), site.open.server.url).href);
};

/** The contents entries and the headings they lead to, in order. */
const pairs = () =>
  site.page.evaluate(() => ({
    entries: [...document.querySelectorAll('.toc-list > li > a')].map((a) => a.getAttribute('href')).filter((href) => href !== '#endnotes-title'),
    // A collapsed last section (<details class="more-section">) keeps its heading in its summary: it pairs last, unmarked.
    headings: [...document.querySelectorAll('.explainer-text > h2, .explainer-text > .more-section:last-of-type > summary > h2')].map((h) => `#${h.id}`),
    animated: [...document.querySelectorAll('.toc-list > li')].some((entry) => getComputedStyle(entry).animationName !== 'none'),
  }));

describe('long pages', () => {
  it('the site has long pages with a contents list', () => {
    expect(withToc.length).toBeGreaterThan(0);
  });

  it.each(withToc)('%s: the n-th contents entry leads to the n-th section heading of the text, or nothing is marked', async (path) => {
    await visit(path, 1280);
    const { entries, headings, animated } = await pairs();
    if (animated) {
      expect(entries).toEqual(headings);
      expect(entries.length).toBeLessThanOrEqual(MARKED_SECTIONS);
    } else {
      // Only a page whose sections do not pair up goes without.
      expect(entries).not.toEqual(headings);
    }
  });

  // The page with the most sections: the one a reader most needs to find their way in.
  const sectionCount = (path: string) => (readPage(build.outDir, path).match(/<h2 id=/g) ?? []).length;
  const longest = [...withToc].sort((a, b) => sectionCount(b) - sectionCount(a))[0];

  it('at 1280 px the contents list stays in view and marks the section whose heading was passed last', async () => {
    await visit(longest, 1280);
    const { headings } = await pairs();
    expect(headings.length).toBeGreaterThanOrEqual(3);
    for (const [index, id] of headings.entries()) {
      // The heading just above the upper third of the window: its section is the one being read.
      await site.page.evaluate((id) => {
        const heading = document.querySelector(id)!;
        window.scrollTo(0, window.scrollY + heading.getBoundingClientRect().top - window.innerHeight * 0.2);
      }, id);
      // Scroll-driven animations take effect on the next frames.
      await site.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)))));
      const state = await site.page.evaluate(() => {
        const toc = document.querySelector('.toc')!.getBoundingClientRect();
        const marked = [...document.querySelectorAll('.toc-list > li > a')].filter((a) => Number(getComputedStyle(a).fontWeight) >= 700).map((a) => a.getAttribute('href'));
        return { top: toc.top, bottom: toc.bottom, marked };
      });
      expect(state.top, `contents list in view with ${id} near the top`).toBeGreaterThanOrEqual(0);
      expect(state.top).toBeLessThan(900);
      expect(state.marked, `section ${index + 1} marked`).toEqual([id]);
    }
    const top = site.page.locator('.toc .toc-top a');
    expect(await top.isVisible()).toBe(true);
    await top.click();
    await site.page.waitForFunction(() => window.scrollY === 0);
  });

  it('at 390 px the contents list comes before the text, and a link at the end leads back to the top', async () => {
    await visit(longest, 390);
    expect(await site.page.locator('.toc .toc-top a').isVisible()).toBe(false);
    const tocBox = await site.page.locator('.toc').boundingBox();
    const firstHeading = await site.page.locator('.explainer-text > h2').first().boundingBox();
    expect(tocBox!.y).toBeLessThan(firstHeading!.y);
    const back = site.page.locator('.back-to-top a');
    await back.scrollIntoViewIfNeeded();
    expect(await back.isVisible()).toBe(true);
    expect(await back.getAttribute('href')).toBe('#top');
    expect(await site.page.locator('#top').count()).toBe(1);
  });
});
