import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { english } from '../../packages/cited-explainer/i18n/strings.ts';
import { type SiteCrawl, siteCrawl } from '../helpers/crawl.ts';
import { builtSite, listPages, pagesContaining, readPage } from '../helpers/site.ts';

// Maps on a phone (issue 22): each map is drawn again for a narrow frame, and on a 390 px and a
// 320 px phone the frame shows that drawing, no wider than the frame (nothing cropped, nothing to
// scroll) and with every label inside it, measured in the browser's own font (shared crawl).
const build = builtSite();
const withMaps = pagesContaining(build.outDir, listPages(build.outDir), 'class="map-frame"');
let crawl: SiteCrawl;
beforeAll(async () => {
  crawl = await siteCrawl('realSite');
});

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['text', 'tspan'].includes(name) });
type Element = Record<string, unknown>;
const textOf = (t: Element) => [t['#text'], ...((t.tspan as Element[] | undefined) ?? []).map((s) => s['#text'])].filter(Boolean).join(' ');

describe('maps on a phone', () => {
  it('some pages have maps', () => {
    expect(withMaps.length).toBeGreaterThan(0);
  });

  it.each(withMaps)('%s: each map has a narrow drawing, valid, whose credit says the lines are approximate', (path) => {
    const narrow = [...readPage(build.outDir, path).matchAll(/<svg[^>]*class="map-svg map-narrow"[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(narrow.length).toBe([...readPage(build.outDir, path).matchAll(/class="map-frame"/g)].length);
    for (const svg of narrow) {
      expect(XMLValidator.validate(svg)).toBe(true);
      const [, , width] = String((parser.parse(svg).svg as Element).viewBox)
        .split(' ')
        .map(Number);
      expect(width).toBeLessThan(400);
      const credit = (parser.parse(svg).svg as Element[] & Element).text as Element[];
      expect(credit.some((t) => String(t.class).includes('map-credit') && textOf(t).includes(english.map.approximate))).toBe(true);
    }
  });

  it.each(withMaps)('%s: at 390 and 320 px every map shows its narrow drawing, at 1280 px its wide one; none wider than its frame, no label cut', (path) => {
    const fits = crawl.byPage[path].mapFits;
    expect(fits?.map((fit) => fit.width)).toEqual([1280, 390, 320]);
    for (const fit of fits!) {
      expect(fit.frames.length).toBeGreaterThan(0);
      for (const frame of fit.frames) {
        expect(frame.shown, `${fit.width} px`).toContain(fit.width > 1000 ? 'map-wide' : 'map-narrow');
        expect(frame.drawnWidth, `${fit.width} px: the drawing is wider than its frame`).toBeLessThanOrEqual(frame.frameWidth + 0.5);
        expect(frame.scrollWidth, `${fit.width} px: the frame scrolls`).toBeLessThanOrEqual(frame.frameWidth);
        expect(frame.cutLabels, `${fit.width} px`).toEqual([]);
      }
    }
  });
});
