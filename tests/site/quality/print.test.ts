import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { format } from '../../../packages/cited-explainer/i18n/format.ts';
import { english } from '../../../packages/cited-explainer/i18n/strings.ts';
import { type SiteCrawl, siteCrawl } from '../../helpers/crawl.ts';
import { builtSite, listPages, pagesWithMarkers, pageType } from '../../helpers/site.ts';

// Print (emulated print media): navigation hidden, citations printed as numbered endnotes with the
// full source details and URLs, the page's own address shown where the site knows it. Each page printed as loaded, in the
// shared crawl (tests/helpers/crawl.ts).
const build = builtSite();
const pages = listPages(build.outDir);
const withMarkers = pagesWithMarkers(build.outDir, pages);
// The not-found page is left out: it is served at whatever address was missing, so it has no
// address of its own to print.
const checked = pages.filter((path) => pageType(path) !== 'not-found');
const sources = new Map((JSON.parse(readFileSync(join(build.outDir, 'sources.json'), 'utf8')) as Array<{ id: string; title: string; URL?: string }>).map((s) => [s.id, s]));

let crawl: SiteCrawl;
beforeAll(async () => {
  crawl = await siteCrawl('realSite');
});

const printed = (path: string) => {
  const view = crawl.byPage[path].print;
  expect(view, 'the crawl printed the page').toBeDefined();
  return view!;
};

describe('printed pages', () => {
  it.each(checked)('%s: no navigation, the page address printed', (path) => {
    const view = printed(path);
    expect(view.headerNavs).toBeGreaterThan(0);
    expect(view.headerNavsShown).toBe(0);
    // The header's search box too (a search form that is the search page's own content may print).
    expect(view.headerSearchShown).toBe(0);
    // The full address when the site knows it (site.json "url" or SITE_URL); without it, no bare
    // path pretending to be one (issue 22: "Printed from /background/" helps no one on paper).
    if (view.canonical) {
      const address = view.canonical.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(view.bodyText, 'the printed page shows its own address').toMatch(new RegExp(`(^|\\s)${address}(\\s|$|[.,;)])`));
    } else {
      expect(view.bodyText).not.toContain(format(english.footer.printedFrom, { url: '/' }));
    }
  });

  it.each(withMarkers)('%s: endnotes printed with source title, publisher details and original URL', (path) => {
    const view = printed(path);
    expect(view.previewsShown).toBe(0);
    // A bibliography: each source once, with its numbered passages under it.
    expect(view.endnotes?.visible).toBe(true);
    const notes = view.endnotes!.sources;
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) {
      expect(note.visible).toBe(true);
      expect(note.passages, 'each source lists its passages').toBeGreaterThan(0);
      const id = /\/sources\/([^/]+)\//.exec(note.sourceHref)?.[1] ?? '';
      const source = sources.get(id);
      expect(source, `endnote ${JSON.stringify(note.text.slice(0, 60))} links to a known source`).toBeDefined();
      expect(note.text).toContain(source!.title);
      if (source!.URL) expect(note.text).toContain(source!.URL);
    }
    // Numbered: an ordered list, in the order of the markers.
    expect(view.endnotes!.lists).toBeGreaterThan(0);
  });
});
