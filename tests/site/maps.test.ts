import { gzipSync } from 'node:zlib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { loadMapsFile } from '../../src/maps/load.ts';
import { builtSite, listPages, readPage } from '../helpers/site.ts';

// Maps of the real site: inline SVG drawn at build time from content/maps.yaml. Each is well-formed
// SVG with a text alternative, says its lines are approximate, labels only places of the
// coordinates file, loads nothing and adds no request to its page.
const build = builtSite();
const maps = loadMapsFile(build.contentDir);
const pages = listPages(build.outDir);
const figures = pages.flatMap((path) => {
  const html = readPage(build.outDir, path);
  return [...html.matchAll(/<figure class="map-figure">([\s\S]*?)<\/figure>/g)].map((match) => ({ path, html, figure: match[0] }));
});

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['text', 'tspan', 'path', 'circle'].includes(name),
});
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
    const svg = /<svg[\s\S]*<\/svg>/.exec(figure)?.[0] ?? '';
    expect(XMLValidator.validate(svg)).toBe(true);
    const root = parser.parse(svg).svg as Element;
    expect(root.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(root.role).toBe('img');
    const [titleId, descId] = String(root['aria-labelledby']).split(' ');
    expect((root.title as Element).id).toBe(titleId);
    expect((root.desc as Element).id).toBe(descId);
    expect(String((root.title as Element)['#text']).length).toBeGreaterThan(0);
    expect(String((root.desc as Element)['#text'])).toMatch(/Places: .+\./);
    const texts = (root.text as Element[]).map(textOf);
    expect(texts.some((text) => text.includes('approximate, for orientation'))).toBe(true);
    for (const route of (root.path as Element[]).filter((p) => p['data-route'])) {
      // Every drawn line carries its own label saying it is approximate.
      const label = (root.text as Element[]).find((t) => t['data-route'] === route['data-route']);
      expect(label && textOf(label)).toContain('approximate, for orientation');
    }
    // The caption is the editors' note (role="note"): the map is their drawing, not a cited claim.
    expect(figure).toMatch(/<figcaption>[\s\S]*role="note"[\s\S]*approximate[\s\S]*Natural Earth[\s\S]*<\/figcaption>/);
  });

  it.each(figures.map((f, i) => [`${f.path} #${i}`, f] as const))('%s: every place and country labelled is in the coordinates file', (_, { figure }) => {
    const root = parser.parse(/<svg[\s\S]*<\/svg>/.exec(figure)![0]).svg as Element;
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
    // Every label is a place, a route, a country or the credit line: no free text.
    expect(labels.every((t) => t['data-place'] ?? t['data-route'] ?? t['data-country'] ?? String(t.class).includes('map-credit'))).toBeTruthy();
  });

  it.each(figures.map((f, i) => [`${f.path} #${i}`, f] as const))('%s: loads nothing, runs nothing, under 5 KB gzip', (_, { figure }) => {
    const svg = /<svg[\s\S]*<\/svg>/.exec(figure)![0];
    expect(svg).not.toMatch(/<(script|image|foreignObject|use|a)\b/i);
    expect(svg).not.toMatch(/\s(href|xlink:href|src|style|on\w+)=/i);
    expect(svg).not.toMatch(/url\(/i);
    expect(gzipSync(figure).length).toBeLessThanOrEqual(5 * 1024);
  });

  it('a page with a map requests exactly what a page without one does', () => {
    const resources = (html: string) =>
      [...html.matchAll(/<(?:link|script|img|source|iframe)\b[^>]*\b(?:href|src)="([^"]+)"[^>]*>/g)]
        .map((m) => m[0])
        .filter((tag) => /<script|<img|<source|<iframe|rel="(?:stylesheet|preload|modulepreload|icon)"/.test(tag))
        .map((tag) => /(?:href|src)="([^"]+)"/.exec(tag)![1])
        .sort();
    const without = pages.map((path) => readPage(build.outDir, path)).find((html) => !html.includes('map-figure'))!;
    expect(without).toBeDefined();
    for (const { path, html } of figures) expect(resources(html), path).toEqual(resources(without));
  });
});
