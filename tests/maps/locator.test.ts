import type { GeoPermissibleObjects } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { composeLocator, locateArea } from '../../src/maps/locator.ts';
import type { MapCountry } from '../../src/schemas/maps.ts';

// Made-up square "countries" near 0°, 0° (clockwise, as d3-geo wants an outer ring).
const square = (west: number, south: number, size: number): GeoPermissibleObjects => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [west, south + size],
      [west + size, south + size],
      [west + size, south],
      [west, south],
    ],
  ],
});
const outlines = new Map([
  ['001', square(1, 1, 3)],
  ['002', square(5, 2, 2)],
  ['003', square(50, 50, 1)],
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
