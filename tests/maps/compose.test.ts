import { gzipSync } from 'node:zlib';
import type { GeoPermissibleObjects } from 'd3-geo';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { english } from '../../packages/cited-explainer/i18n/strings.ts';
import { composeMap, countryFeatures, LocatorBoundsError, MapRequestError, mapLayouts, wrapText } from '../../packages/cited-explainer/maps/compose.ts';
import { textWidth } from '../../packages/cited-explainer/maps/labels.ts';
import { glossaryLinkProblems, loadCountryOutlines } from '../../packages/cited-explainer/maps/load.ts';
import { composeLocator } from '../../packages/cited-explainer/maps/locator.ts';
import { renderLocatorSvg, renderMapSvg, renderSwatch } from '../../packages/cited-explainer/maps/svg.ts';
import { type MapsFile, mapsFileSchema } from '../../packages/cited-explainer/schemas/maps.ts';

// A made-up explainer's coordinates file (the generator knows no topic): two towns in the
// Netherlands and Belgium and a line between them.
const file: MapsFile = mapsFileSchema.parse({
  attribution: 'Borders: Natural Earth',
  countries: [
    { id: '528', name: 'Netherlands', tone: 'primary', labels: [[5.5, 52.3]] },
    { id: '056', name: 'Belgium', labels: [[4.6, 50.6]] },
  ],
  places: {
    utrecht: { name: 'Utrecht', at: [5.12, 52.09], glossary: 'utrecht' },
    antwerp: { name: 'Antwerp & <Port>', at: [4.4, 51.22] },
    brabant: { name: 'Brabant', at: [5.2, 51.6], kind: 'region', glossary: 'brabant' },
    far: { name: 'Far away', at: [20, 60] },
  },
  routes: { river: { name: 'A river road', via: ['utrecht', 'antwerp'], status: 'proposed' } },
  areas: {
    polder: {
      name: 'The polder',
      outline: [
        [4.8, 51.9],
        [5.1, 51.9],
        [5.0, 52.05],
      ],
    },
  },
  maps: {
    delta: { title: 'The delta', note: 'Drawn for a test.', places: ['utrecht', 'antwerp', 'brabant'], routes: ['river'], areas: ['polder'] },
    wrong: {
      title: 'Too small',
      bounds: [
        [5, 52],
        [5.3, 52.2],
      ],
      places: ['antwerp'],
    },
  },
  incidentMaps: { context: ['antwerp', 'far'] },
});

let countries: Map<string, GeoPermissibleObjects>;
beforeAll(async () => {
  countries = countryFeatures(await loadCountryOutlines('50m'));
});

const approximate = english.map.approximate;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: false, isArray: (name) => ['text', 'path', 'circle', 'tspan', 'rect'].includes(name) });

describe('composeMap and renderMapSvg', () => {
  it('draws a named map: valid SVG with title, description, countries, line and labels', () => {
    const model = composeMap(file, countries, { map: 'delta' })!;
    const svg = renderMapSvg(model, 'm');
    expect(XMLValidator.validate(svg)).toBe(true);
    const root = parser.parse(svg).svg;
    expect(root.role).toBe('img');
    expect([root['aria-labelledby'], root['aria-describedby']]).toEqual(['m-title', 'm-desc']);
    expect(root.title['#text']).toBe('The delta');
    expect(root.desc['#text']).toContain('Utrecht');
    expect(root.desc['#text']).toContain(approximate);
    const countryIds = root.path.filter((p: Record<string, string>) => p['data-country']).map((p: Record<string, string>) => p['data-country']);
    expect(countryIds).toEqual(['528', '056']);
    expect(root.path.find((p: Record<string, string>) => p['data-route'] === 'river').class).toContain('map-proposed');
    const texts = root.text.map((t: Record<string, unknown>) => [t['#text'], ...((t.tspan as Array<{ '#text': string }> | undefined) ?? []).map((s) => s['#text'])].join(' '));
    expect(texts).toContain('Utrecht');
    expect(texts).toContain('Antwerp & <Port>');
    // The line is named in the key, not on the map, where its label crowded the places'.
    expect(texts.some((t: string) => t.includes('A river road'))).toBe(false);
    // The area: a closed outline filled with the drawing's own hatching, said in the description.
    const area = root.path.find((p: Record<string, string>) => p['data-area'] === 'polder');
    expect(area.d).toMatch(/Z$/);
    expect(area.fill).toBe('url(#m-hatch)');
    expect(root.defs.pattern.id).toBe('m-hatch');
    expect(root.desc['#text']).toContain('The polder');
    expect(texts.some((t: string) => t.includes(approximate) && t.includes('Natural Earth'))).toBe(true);
    expect(svg).not.toMatch(/style=|<script|<image|href=/);
  });

  it('keeps each map small: outlines clipped, one decimal', () => {
    const svg = renderMapSvg(composeMap(file, countries, { map: 'delta' })!, 'm');
    expect(gzipSync(svg).length).toBeLessThan(5 * 1024);
    expect(svg).not.toMatch(/\d\.\d\d/);
  });

  it('lists the places with their glossary slugs, for the caption', () => {
    const model = composeMap(file, countries, { map: 'delta' })!;
    expect(model.places.map((p) => [p.key, p.glossary])).toEqual([
      ['utrecht', 'utrecht'],
      ['antwerp', undefined],
      ['brabant', 'brabant'],
    ]);
    expect(model.dots.map((d) => d.key)).toEqual(['utrecht', 'antwerp']); // a region has no dot
  });

  it('refuses a place outside the bounds and an unknown map', () => {
    expect(() => composeMap(file, countries, { map: 'wrong' })).toThrow(MapRequestError);
    expect(() => composeMap(file, countries, { map: 'nope' })).toThrow(/no map "nope"/);
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('refuses "%s" as an unknown map, not as a property of every object', (name) => {
    expect(() => composeMap(file, countries, { map: name })).toThrow(new RegExp(`no map "${name}"`));
  });

  it('maps glossary places, with context places inside the area only', () => {
    const model = composeMap(file, countries, { title: 'Where', glossaryPlaces: ['utrecht', 'not-on-the-map'] })!;
    expect(model.title).toBe('Where');
    expect(model.places.filter((p) => !p.context).map((p) => p.key)).toEqual(['utrecht']);
    expect(model.places.some((p) => p.key === 'far')).toBe(false);
  });

  it('draws nothing when no place has coordinates, or when the file asks for no incident maps', () => {
    expect(composeMap(file, countries, { title: 'Where', glossaryPlaces: ['elsewhere'] })).toBeNull();
    expect(composeMap({ ...file, incidentMaps: undefined }, countries, { title: 'Where', glossaryPlaces: ['utrecht'] })).toBeNull();
  });
});

describe('the locator inset', () => {
  const region = (bounds: [[number, number], [number, number]]) => composeLocator({ bounds }, file.countries, countries);

  it('is there only when asked for: the map’s area as a rectangle inside the region', () => {
    expect(composeMap(file, countries, { map: 'delta' })!.inset).toBeUndefined();
    const locator = region([
      [-2, 48],
      [12, 55],
    ]);
    const { inset } = composeMap(file, countries, { map: 'delta' }, { locator })!;
    expect(inset?.locator).toBe(locator);
    const { x, y, width, height } = inset!.area;
    expect(x).toBeGreaterThan(0);
    expect(y).toBeGreaterThan(0);
    expect(x + width).toBeLessThan(locator.width);
    expect(y + height).toBeLessThan(locator.height);
    // The region holds more than the file's two countries (Germany, France…): drawn, unnamed.
    expect(locator.countries.filter((c) => c.name).map((c) => c.name)).toEqual(['Netherlands', 'Belgium']);
    expect(locator.countries.length).toBeGreaterThan(3);
  });

  it('refuses a map the region does not take in, naming the setting to change', () => {
    const locator = region([
      [4.8, 51.8],
      [12, 55],
    ]);
    expect(() => composeMap(file, countries, { map: 'delta' }, { locator })).toThrow(LocatorBoundsError);
    expect(() => composeMap(file, countries, { map: 'delta' }, { locator })).toThrow(/widen them/);
  });

  it('renders as valid SVG named by the title shown above it, with its text alternative and the rectangle', () => {
    const locator = region([
      [-2, 48],
      [12, 55],
    ]);
    const model = composeMap(file, countries, { map: 'delta' }, { locator })!;
    const svg = renderLocatorSvg(model.inset!, 'inset', 'Where & why');
    expect(XMLValidator.validate(svg)).toBe(true);
    const root = parser.parse(svg).svg;
    expect([root['aria-labelledby'], root['aria-describedby']]).toEqual(['inset', 'inset-desc']);
    expect(root.desc).toEqual({ id: 'inset-desc', '#text': 'Where & why' });
    expect(root.rect.at(-1)).toMatchObject({ class: 'map-locator-area', x: expect.any(String) });
    expect(svg).not.toMatch(/style=|<script|<image|href=/);
    // The file's countries are named where their names fit; no other text.
    const names = (root.text ?? []).map((t: Record<string, string>) => [t['data-country'], t['#text']]);
    expect(names.length).toBeGreaterThan(0);
    for (const [id, name] of names) expect(file.countries.find((c) => c.id === id)?.name).toBe(name);
  });
});

describe('a map drawn for each frame', () => {
  const inside = (box: { x: number; y: number; width: number; height: number }, model: { width: number; height: number }) =>
    box.x >= -1e-6 && box.y >= -1e-6 && box.x + box.width <= model.width + 1e-6 && box.y + box.height <= model.height + 1e-6;

  it.each(Object.entries(mapLayouts))('%s: the map is as wide as the layout, and every label lies inside it', (_, layout) => {
    for (const request of [{ map: 'delta' }, { title: 'Where', glossaryPlaces: ['utrecht', 'brabant'] }]) {
      const model = composeMap(file, countries, request, { layout })!;
      expect(model.width).toBe(layout.width);
      expect(model.labels.length).toBeGreaterThan(0);
      for (const label of model.labels) expect(inside(label.box, model), `${label.id} at ${JSON.stringify(label.box)}`).toBe(true);
      for (const line of model.credit) expect(textWidth(line, 13) + 6).toBeLessThanOrEqual(model.width);
    }
  });

  it('the narrow drawing is taller for its width, and its credit takes more lines', () => {
    const wide = composeMap(file, countries, { map: 'delta' }, { layout: mapLayouts.wide })!;
    const narrow = composeMap(file, countries, { map: 'delta' }, { layout: mapLayouts.narrow })!;
    expect(narrow.height / narrow.width).toBeGreaterThanOrEqual(wide.height / wide.width);
    expect(narrow.credit.join(' ')).toBe(wide.credit.join(' '));
    expect(narrow.credit.length).toBeGreaterThan(wide.credit.length);
  });

  it('says everything in the given locale', () => {
    const strings = structuredClone(english);
    strings.map.approximate = 'ungefähr';
    strings.map.descriptionCountries = 'Karte: {countries}.';
    const model = composeMap(file, countries, { map: 'delta' }, { locale: { strings, list: (names) => names.join(' und ') } })!;
    expect(model.description).toContain('Karte: Netherlands und Belgium.');
    expect(model.description).toContain('ungefähr');
    strings.map.descriptionArea = 'Schraffiert: {area}.';
    expect(composeMap(file, countries, { map: 'delta' }, { locale: { strings, list: (names) => names.join(' und ') } })!.description).toContain('Schraffiert: The polder.');
  });
});

describe('wrapText', () => {
  it('breaks at spaces into lines that fit, and keeps a line that fits whole', () => {
    expect(wrapText('one two three', 10, 1000)).toEqual(['one two three']);
    const lines = wrapText('alpha beta gamma delta epsilon', 10, textWidth('alpha beta gamma', 10));
    expect(lines).toEqual(['alpha beta gamma', 'delta epsilon']);
  });
});

describe('renderSwatch', () => {
  it('draws each symbol with the map’s own classes, hidden from assistive technology', () => {
    const proposed = renderSwatch('proposed');
    expect(XMLValidator.validate(proposed)).toBe(true);
    expect(proposed).toContain('aria-hidden="true"');
    expect(proposed).toContain('class="map-line map-proposed"');
    expect(renderSwatch('town')).toContain('class="map-dot"');
    expect(renderSwatch('secondary')).toContain('class="map-land map-secondary"');
  });
});

describe('mapsFileSchema', () => {
  it('refuses a route or map naming a place that is not in the file', () => {
    const result = mapsFileSchema.safeParse({ attribution: 'x', places: { a: { name: 'A', at: [1, 2] } }, routes: { r: { name: 'R', via: ['a', 'b'] } } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/no place "b"/);
  });

  it('refuses a map naming an area that is not in the file', () => {
    const result = mapsFileSchema.safeParse({ attribution: 'x', places: { a: { name: 'A', at: [1, 2] } }, maps: { m: { title: 'M', places: ['a'], areas: ['nowhere'] } } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/no area "nowhere"/);
  });

  it('refuses bounds written north-east first', () => {
    const result = mapsFileSchema.safeParse({
      attribution: 'x',
      places: {},
      maps: {
        m: {
          title: 'M',
          bounds: [
            [6, 52],
            [5, 51],
          ],
        },
      },
    });
    expect(result.success).toBe(false);
  });
});

describe('mapsFileSchema: locator', () => {
  const withLocator = (locator: unknown) => mapsFileSchema.safeParse({ attribution: 'x', places: {}, locator });
  it('takes a south-west and a north-east corner, and nothing else', () => {
    expect(
      withLocator({
        bounds: [
          [1, 2],
          [3, 4],
        ],
      }).success,
    ).toBe(true);
    expect(
      withLocator({
        bounds: [
          [3, 4],
          [1, 2],
        ],
      }).error?.issues[0].message,
    ).toMatch(/south-west corner first/);
    expect(withLocator({}).success).toBe(false);
    expect(
      withLocator({
        bounds: [
          [1, 2],
          [3, 4],
        ],
        zoom: 3,
      }).success,
    ).toBe(false);
    expect(mapsFileSchema.parse({ attribution: 'x', places: {} }).locator).toBeUndefined();
  });
});

describe('glossaryLinkProblems', () => {
  it('names places linked to a missing glossary entry or to a term', () => {
    const glossary = new Map([
      ['utrecht', 'place'],
      ['brabant', 'term'],
    ]);
    expect(glossaryLinkProblems(file, glossary)).toEqual(['place "brabant": glossary entry "brabant" is a term, not a place']);
    expect(glossaryLinkProblems(file, new Map())).toHaveLength(2);
  });
});
