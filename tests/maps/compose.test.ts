import { gzipSync } from 'node:zlib';
import type { GeoPermissibleObjects } from 'd3-geo';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { approximate, composeMap, countryFeatures, MapRequestError } from '../../src/maps/compose.ts';
import { glossaryLinkProblems, loadCountryOutlines } from '../../src/maps/load.ts';
import { renderMapSvg } from '../../src/maps/svg.ts';
import { type MapsFile, mapsFileSchema } from '../../src/schemas/maps.ts';

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
  maps: {
    delta: { title: 'The delta', note: 'Drawn for a test.', places: ['utrecht', 'antwerp', 'brabant'], routes: ['river'] },
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

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: false, isArray: (name) => ['text', 'path', 'circle', 'tspan'].includes(name) });

describe('composeMap and renderMapSvg', () => {
  it('draws a named map: valid SVG with title, description, countries, line and labels', () => {
    const model = composeMap(file, countries, { map: 'delta' })!;
    const svg = renderMapSvg(model, 'm');
    expect(XMLValidator.validate(svg)).toBe(true);
    const root = parser.parse(svg).svg;
    expect(root.role).toBe('img');
    expect(root['aria-labelledby']).toBe('m-title m-desc');
    expect(root.title['#text']).toBe('The delta');
    expect(root.desc['#text']).toContain('Utrecht');
    expect(root.desc['#text']).toContain(approximate);
    const countryIds = root.path.filter((p: Record<string, string>) => p['data-country']).map((p: Record<string, string>) => p['data-country']);
    expect(countryIds).toEqual(['528', '056']);
    expect(root.path.find((p: Record<string, string>) => p['data-route'] === 'river').class).toContain('map-proposed');
    const texts = root.text.map((t: Record<string, unknown>) => [t['#text'], ...((t.tspan as Array<{ '#text': string }> | undefined) ?? []).map((s) => s['#text'])].join(' '));
    expect(texts).toContain('Utrecht');
    expect(texts).toContain('Antwerp & <Port>');
    expect(texts).toContain(`A river road ${approximate}`);
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

describe('mapsFileSchema', () => {
  it('refuses a route or map naming a place that is not in the file', () => {
    const result = mapsFileSchema.safeParse({ attribution: 'x', places: { a: { name: 'A', at: [1, 2] } }, routes: { r: { name: 'R', via: ['a', 'b'] } } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/no place "b"/);
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
