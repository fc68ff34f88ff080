import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type OpenSite } from '../../helpers/crawl.ts';
import { builtSite, listPages, pageType } from '../../helpers/site.ts';
import { weighPage, type PageWeight } from '../../helpers/weight.ts';

// Weight, asserted in bytes and printed: an explainer page loads at most 30 KB gzip in all (HTML,
// CSS, fonts, images), and no page loads JavaScript on a plain view (search loads its code only
// when the reader starts to search).
const budget = 30 * 1024;
const build = builtSite();
const pages = listPages(build.outDir);
const explainerPages = pages.filter((path) => ['home', 'explainer'].includes(pageType(path)));

let open: OpenSite;
const weights: PageWeight[] = [];
beforeAll(async () => {
  open = await openSite(build.outDir, build.base);
});
afterAll(async () => {
  await open?.close();
  if (weights.length > 0) {
    const kb = (bytes: number | undefined) => ((bytes ?? 0) / 1024).toFixed(1).padStart(6);
    const lines = weights.map(
      (w) => `${kb(w.total)} KB gzip (html ${kb(w.byKind.document)}, css ${kb(w.byKind.stylesheet)}, fonts ${kb(w.byKind.font)}, images ${kb(w.byKind.image)}, js ${kb(w.byKind.script)}, other ${kb((w.byKind.fetch ?? 0) + (w.byKind.other ?? 0))})  ${w.path} [${pageType(w.path)}]`,
    );
    console.log(`Page weight, plain view, every response gzipped (budget for explainer pages: ${budget / 1024} KB):\n${lines.join('\n')}`);
  }
});

describe('page weight', () => {
  it('there are explainer pages to weigh', () => {
    expect(explainerPages.length).toBeGreaterThan(0);
  });

  const weigh = async (path: string) => {
    const weight = await weighPage(open.context, new URL(path.slice(1), open.server.url).href, path);
    weights.push(weight);
    return weight;
  };

  it.each(explainerPages)(`%s loads at most ${budget} bytes gzip in all`, async (path) => {
    expect((await weigh(path)).total).toBeLessThanOrEqual(budget);
  });

  // The search page is where a reader has started to search: it may load the search code.
  it.each(pages.filter((path) => pageType(path) !== 'search'))('%s loads no JavaScript on a plain view', async (path) => {
    const weight = weights.find((w) => w.path === path) ?? (await weigh(path));
    expect(weight.requests.filter((r) => r.kind === 'script').map((r) => new URL(r.url).pathname)).toEqual([]);
  });
});
