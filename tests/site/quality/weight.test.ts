import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SiteCrawl, siteCrawl } from '../../helpers/crawl.ts';
import { builtSite, listPages, pageType } from '../../helpers/site.ts';
import { pageWeight } from '../../helpers/weight.ts';

// Weight, asserted in bytes and printed: an explainer page loads at most 30 KB gzip in all (HTML,
// CSS, fonts, images), and no page loads JavaScript on a plain view (search loads its code only
// when the reader starts to search). Weighed in the shared crawl: every response of a plain view.
const budget = 30 * 1024;
const build = builtSite();
const pages = listPages(build.outDir);
const explainerPages = pages.filter((path) => ['home', 'explainer'].includes(pageType(path)));

let crawl: SiteCrawl;
beforeAll(async () => {
  crawl = await siteCrawl('realSite');
});
const weigh = (path: string) => pageWeight(path, crawl.byPage[path].plainView);

afterAll(() => {
  if (!crawl) return;
  const kb = (bytes: number | undefined) => ((bytes ?? 0) / 1024).toFixed(1).padStart(6);
  const lines = pages
    .map(weigh)
    .map(
      (w) =>
        `${kb(w.total)} KB gzip (html ${kb(w.byKind.document)}, css ${kb(w.byKind.stylesheet)}, fonts ${kb(w.byKind.font)}, images ${kb(w.byKind.image)}, js ${kb(w.byKind.script)}, other ${kb((w.byKind.fetch ?? 0) + (w.byKind.other ?? 0))})  ${w.path} [${pageType(w.path)}]`,
    );
  console.log(`Page weight, plain view, every response gzipped (budget for explainer pages: ${budget / 1024} KB):\n${lines.join('\n')}`);
});

describe('page weight', () => {
  it('there are explainer pages to weigh', () => {
    expect(explainerPages.length).toBeGreaterThan(0);
  });

  it.each(explainerPages)(`%s loads at most ${budget} bytes gzip in all`, (path) => {
    const weight = weigh(path);
    expect(weight.byKind.document, 'the page itself was weighed').toBeGreaterThan(0);
    expect(weight.total).toBeLessThanOrEqual(budget);
  });

  it('the crawl sees scripts where a page loads them: the search page (so the check below can fail)', () => {
    const search = pages.filter((path) => pageType(path) === 'search');
    expect(search.length).toBeGreaterThan(0);
    for (const path of search) expect(weigh(path).byKind.script ?? 0, path).toBeGreaterThan(0);
  });

  // The search page is where a reader has started to search: it may load the search code.
  it.each(pages.filter((path) => pageType(path) !== 'search'))('%s loads no JavaScript on a plain view', (path) => {
    const weight = weigh(path);
    expect(weight.byKind.document, 'the page itself was weighed').toBeGreaterThan(0);
    expect(weight.requests.filter((r) => r.kind === 'script').map((r) => new URL(r.url).pathname)).toEqual([]);
  });
});
