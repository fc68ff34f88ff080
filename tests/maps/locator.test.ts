import type { GeoPermissibleObjects } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { round1 } from '../../packages/cited-explainer/maps/geometry.ts';
import { composeLocator, locateArea } from '../../packages/cited-explainer/maps/locator.ts';
import type { MapCountry } from '../../packages/cited-explainer/schemas/maps.ts';

// Made-up rectangular "countries" near 0°, 0° (clockwise, as d3-geo wants an outer ring).
const rectangle = (west: number, south: number, east: number, north: number): GeoPermissibleObjects => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [west, north],
      [east, north],
      [east, south],
      [west, south],
    ],
  ],
});
const outlines = new Map([
  ['001', rectangle(1, 1, 4, 4)],
  ['002', rectangle(5, 2, 7, 4)],
  ['003', rectangle(50, 50, 51, 51)],
]);
const listed: MapCountry[] = [{ id: '001', name: 'One', tone: 'primary', labels: [] }];
const locator = composeLocator(
  {
    bounds: [
      [0, 0],
      [10, 5],
    ],
  },
  listed,
  outlines,
  100,
);

describe('composeLocator', () => {
  it('draws every country inside the region: the listed ones named and last, the others as neighbours', () => {
    expect(locator.width).toBe(100);
    expect(locator.countries.map(({ id, name, tone }) => ({ id, name, tone }))).toEqual([
      { id: '002', name: undefined, tone: 'neighbour' },
      { id: '001', name: 'One', tone: 'primary' },
    ]);
    for (const country of locator.countries) expect(country.d).toMatch(/^M[\d.]+ [\d.]+l.*z$/);
  });
  it('keeps the corners of a country cut by the frame, however close together', () => {
    // A strip along the region's west edge, 0.1° (about 1 unit) wide: each corner of it is closer than
    // the thinning step to the next, and all lie on the frame.
    const strip = composeLocator(
      {
        bounds: [
          [0, 0],
          [10, 5],
        ],
      },
      [],
      new Map([['009', rectangle(-10, -10, 0.1, 20)]]),
      100,
    );
    const width = round1(strip.frame.project([0.1, 0])[0]);
    expect(strip.countries.map((c) => c.d)).toEqual([`M${width} 0l0 ${strip.height}-${width} 0 0-${strip.height}z`]);
  });
});

describe('locateArea', () => {
  it('places a map’s area as a rectangle inside the inset', () => {
    const box = locateArea(locator, [
      [2, 2],
      [4, 4],
    ])!;
    expect(box.x).toBeCloseTo(20, 0);
    expect(box.width).toBeCloseTo(20, 0);
    expect(box.y).toBeGreaterThan(0);
    expect(box.y + box.height).toBeLessThan(locator.height);
    // North is up: the area's north edge is the rectangle's top.
    expect(box.y).toBeCloseTo(locator.frame.project([2, 4])[1], 6);
  });

  it('refuses an area that reaches outside the region', () => {
    expect(
      locateArea(locator, [
        [-5, 2],
        [4, 4],
      ]),
    ).toBeUndefined();
    expect(
      locateArea(locator, [
        [2, 2],
        [4, 12],
      ]),
    ).toBeUndefined();
  });
});
