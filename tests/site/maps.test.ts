import { gzipSync } from 'node:zlib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { loadMapsFile } from '../../packages/cited-explainer/maps/load.ts';
import { builtSite, listPages, readPage } from '../helpers/site.ts';

// Maps of the real site: inline SVG drawn at build time from content/maps.yaml. Each is well-formed
// SVG with a text alternative, says its lines are approximate, labels only places of the
// coordinates file, has a key to exactly the symbols it draws and (the site sets `locator`) an
// inset showing where it lies, loads nothing and adds no request to its page.
const build = builtSite();
const maps = loadMapsFile(build.contentDir);
const pages = listPages(build.outDir);
const htmlOf = new Map(pages.map((path) => [path, readPage(build.outDir, path)]));
const figures = pages.flatMap((path) => {
  const html = htmlOf.get(path)!;
  return [...html.matchAll(/<figure class="map-figure"[^>]*>([\s\S]*?)<\/figure>/g)].map((match) => ({ path, html, figure: match[0] }));
});

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['text', 'tspan', 'path', 'circle', 'rect'].includes(name),
});
const mainSvg = (figure: string) => /<svg[^>]*class="map-svg map-wide"[\s\S]*?<\/svg>/.exec(figure)?.[0] ?? '';
const insetSvg = (figure: string) => /<svg[^>]*class="map-locator"[\s\S]*?<\/svg>/.exec(figure)?.[0];
type Element = Record<string, unknown>;
const textOf = (t: Element) => [t['#text'], ...((t.tspan as Element[] | undefined) ?? []).map((s) => s['#text'])].filter(Boolean).join(' ');

describe('maps', () => {
  it('the site has a coordinates file and every map it defines is drawn on some page', () => {
    expect(maps).toBeDefined();
    expect(figures.length).toBeGreaterThanOrEqual(Object.keys(maps!.data.maps).length);
    const titles = figures.map(({ figure }) => /<title id="[^"]+">([^<]*)<\/title>/.exec(figure)?.[1]);
    for (const map of Object.values(maps!.data.maps)) expect(titles).toContain(map.title.replace(/&/g, '&amp;'));
  });

  it.each(figures.map((f, i) => [`${f.path} #${i}`, f] as const))('%s: valid SVG with title, description and the approximate label', (_, { figure }) => {
    const svg = mainSvg(figure);
    expect(XMLValidator.validate(svg)).toBe(true);
    const root = parser.parse(svg).svg as Element;
    expect(root.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(root.role).toBe('img');
    // Named by its title, described by its text alternative (each read once).
    const [titleId, descId] = [root['aria-labelledby'], root['aria-describedby']].map(String);
    expect((root.title as Element).id).toBe(titleId);
    expect((root.desc as Element).id).toBe(descId);
    expect(String((root.title as Element)['#text']).length).toBeGreaterThan(0);
    expect(String((root.desc as Element)['#text'])).toMatch(/Places: .+\./);
    const texts = (root.text as Element[]).map(textOf);
    expect(texts.some((text) => text.includes('approximate, for orientation'))).toBe(true);
    for (const route of (root.path as Element[]).filter((p) => p['data-route'])) {
      // Every drawn line is named in the key (the map does not label it, design review 1), and the credit says it is approximate.
      const key = /<div class="map-key">[\s\S]*?<\/ul>/.exec(figure)?.[0] ?? '';
      expect(key).toContain(maps!.data.routes[String(route['data-route'])].name);
    }
    for (const area of ((root.path as Element[]) ?? []).filter((p) => p['data-area'])) {
      // An area is named in the key and called approximate there.
      expect(figure).toMatch(new RegExp(`<li data-symbol="area">[\\s\\S]*${maps!.data.areas[String(area['data-area'])].name}, outline approximate`));
    }
    // The caption is the editors' note (role="note"): the map is their drawing, not a cited claim.
    expect(figure).toMatch(/<figcaption>[\s\S]*role="note"[\s\S]*approximate[\s\S]*Natural Earth[\s\S]*<\/figcaption>/);
  });

  it.each(figures.map((f, i) => [`${f.path} #${i}`, f] as const))('%s: every place and country labelled is in the coordinates file', (_, { figure }) => {
    const root = parser.parse(mainSvg(figure)).svg as Element;
    const labels = root.text as Element[];
    const placeLabels = labels.filter((t) => t['data-place'] !== undefined);
    expect(placeLabels.length).toBeGreaterThan(0);
    for (const label of placeLabels) {
      const place = maps!.data.places[String(label['data-place'])];
      expect(place, `place "${label['data-place']}"`).toBeDefined();
      expect(textOf(label)).toBe(place.name);
    }
    for (const label of labels.filter((t) => t['data-country'] !== undefined)) {
      const country = maps!.data.countries.find((c) => c.id === label['data-country']);
      expect(country?.name.toUpperCase()).toBe(textOf(label));
    }
    // Every label is a place, a country or the credit line: no free text.
    expect(labels.every((t) => t['data-place'] ?? t['data-country'] ?? String(t.class).includes('map-credit'))).toBeTruthy();
  });

  it.each(figures.map((f, i) => [`${f.path} #${i}`, f] as const))('%s: its key lists exactly the symbols drawn, naming the countries of each tone', (_, { figure }) => {
    const root = parser.parse(mainSvg(figure)).svg as Element;
    const classes = (elements: unknown) => ((elements as Element[] | undefined) ?? []).map((e) => String(e.class).split(' '));
    const paths = root.path as Element[];
    const countriesOf = (tone: string) =>
      paths.filter((p) => p['data-country'] !== undefined && String(p.class).split(' ').includes(`map-${tone}`)).map((p) => maps!.data.countries.find((c) => c.id === p['data-country'])!.name);
    const drawn = {
      town: !classes(root.circle).some((c) => c.includes('map-ring')) && classes(root.circle).some((c) => c.includes('map-dot') && !c.includes('map-dot-context')),
      ringed: classes(root.circle).some((c) => c.includes('map-ring')),
      area: paths.some((p) => p['data-area'] !== undefined),
      context: classes(root.circle).some((c) => c.includes('map-dot-context')),
      region: classes(root.text).some((c) => c.includes('map-region')),
      existing: classes(paths).some((c) => c.includes('map-line') && !c.includes('map-proposed')),
      proposed: classes(paths).some((c) => c.includes('map-proposed')),
      primary: countriesOf('primary').length > 0,
      secondary: countriesOf('secondary').length > 0,
      neighbour: countriesOf('neighbour').length > 0,
    };
    const key = /<div class="map-key">[\s\S]*?<\/ul>/.exec(figure)?.[0] ?? '';
    const entries = new Map([...key.matchAll(/<li data-symbol="(\w+)">([\s\S]*?)<\/li>/g)].map(([, symbol, body]) => [symbol, body.replace(/<svg[\s\S]*?<\/svg>/, '')]));
    expect([...entries.keys()].sort()).toEqual(
      Object.entries(drawn)
        .filter(([, shown]) => shown)
        .map(([symbol]) => symbol)
        .sort(),
    );
    const list = new Intl.ListFormat('en', { type: 'conjunction' });
    for (const tone of ['primary', 'secondary'].filter((t) => entries.has(t))) expect(entries.get(tone)).toBe(list.format(countriesOf(tone)));
    // A swatch is drawn with the map's own classes; the text says what it means.
    expect(key).toMatch(/<svg[^>]*class="map-swatch"[^>]*aria-hidden="true"/);
    // The caption says the drawing is approximate.
    expect(figure).toMatch(/<figcaption>[\s\S]*approximate[\s\S]*<\/figcaption>/);
  });

  it('the site sets a locator region (so the inset checks below run)', () => {
    expect(maps!.data.locator).toBeDefined();
  });

  it.each(figures.map((f, i) => [`${f.path} #${i}`, f] as const))('%s: an inset shows where the map lies, with a visible name and a text alternative', (_, { html, figure }) => {
    const svg = insetSvg(figure)!;
    expect(svg, 'an inset').toBeDefined();
    expect(XMLValidator.validate(svg)).toBe(true);
    const root = parser.parse(svg).svg as Element;
    expect(root.role).toBe('img');
    const [nameId, descId] = [root['aria-labelledby'], root['aria-describedby']].map(String);
    expect(new RegExp(`<p class="map-key-title" id="${nameId}">[^<]+</p>`).test(html)).toBe(true);
    expect((root.desc as Element).id).toBe(descId);
    expect(String((root.desc as Element)['#text'])).toMatch(/rectangle/);
    const [, , width, height] = String(root.viewBox).split(' ').map(Number);
    const area = (root.rect as Element[]).find((r) => r.class === 'map-locator-area')!;
    const [x, y, w, h] = [area.x, area.y, area.width, area.height].map(Number);
    expect(w).toBeGreaterThan(0);
    expect(h).toBeGreaterThan(0);
    expect(x).toBeGreaterThanOrEqual(0);
    expect(y).toBeGreaterThanOrEqual(0);
    expect(x + w).toBeLessThanOrEqual(width);
    expect(y + h).toBeLessThanOrEqual(height);
    // The outlines of the region: more than the countries the main map draws.
    expect((root.path as Element[]).length).toBeGreaterThan(((parser.parse(mainSvg(figure)).svg as Element).path as Element[]).filter((p) => p['data-country']).length);
  });

  it.each(figures.map((f, i) => [`${f.path} #${i}`, f] as const))('%s: loads nothing, runs nothing, under 5 KB gzip', (_, { figure }) => {
    // Every drawing in it: the map, the key's swatches and the inset.
    const svg = (figure.match(/<svg[\s\S]*?<\/svg>/g) ?? []).join('');
    expect(svg.length).toBeGreaterThan(0);
    expect(svg).not.toMatch(/<(script|image|foreignObject|use|a)\b/i);
    expect(svg).not.toMatch(/\s(href|xlink:href|src|style|on\w+)=/i);
    // Only a pattern of the drawing itself (an area's hatching, url(#…)): nothing outside the page.
    expect(svg).not.toMatch(/url\((?!#)/i);
    expect(gzipSync(figure).length).toBeLessThanOrEqual(5 * 1024);
  });

  it('a page with a map requests exactly what a page without one does', () => {
    const resources = (html: string) =>
      [...html.matchAll(/<(?:link|script|img|source|iframe)\b[^>]*\b(?:href|src)="([^"]+)"[^>]*>/g)]
        .map((m) => m[0])
        .filter((tag) => /<script|<img|<source|<iframe|rel="(?:stylesheet|preload|modulepreload|icon)"/.test(tag))
        .map((tag) => /(?:href|src)="([^"]+)"/.exec(tag)![1])
        .sort();
    // Compared with a page of the same layout (an explainer page) that has no map.
    const without = [...htmlOf.values()].find((html) => html.includes('<article class="explainer') && !html.includes('map-figure'))!;
    expect(without).toBeDefined();
    for (const { path, html } of figures) expect(resources(html), path).toEqual(resources(without));
  });

  // An incident's map follows its first section ("What happened"): right before the second h2 of
  // its text, whether the page is Markdown (components/PageBody.astro) or MDX (MapBeforeHeading).
  const incidents = pages.filter((path) => /^\/incidents\/[^/]+\/$/.test(path));
  it('the site has incident pages (so the check below runs)', () => {
    expect(incidents.length).toBeGreaterThan(0);
  });
  it.each(incidents)('%s: its map comes right before the second section, or after the text when it has one', (path) => {
    const html = htmlOf.get(path)!;
    const text = /<div class="explainer-text"[\s\S]*$/.exec(html)?.[0] ?? '';
    const headings = [...text.matchAll(/<h2 id="([^"]+)"/g)].filter((match) => !['endnotes-title', 'toc-heading'].includes(match[1]));
    const figure = text.indexOf('<figure class="map-figure"');
    expect(figure, 'the page draws its map').toBeGreaterThan(0);
    if (headings.length < 2) return;
    const before = text.slice(0, headings[1].index);
    expect(before.lastIndexOf('<figure class="map-figure"'), 'the map is in the first section').toBeGreaterThan(headings[0].index ?? 0);
    expect(text.slice(before.lastIndexOf('</figure>') + '</figure>'.length, headings[1].index), 'nothing between the map and the second heading').toBe('');
  });
});
