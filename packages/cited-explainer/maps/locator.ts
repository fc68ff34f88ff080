import type { GeoPermissibleObjects } from 'd3-geo';
import type { LonLatBox, MapCountry, MapLocator } from '../schemas/maps.ts';
import { placeCountryNames } from './country-names.ts';
import { type Frame, frameFor, projectedRings, ringsToPath, thinRing } from './geometry.ts';
import type { Box, PlacedLabel } from './labels.ts';

/**
 * The locator inset, pure: a small overview of a wider region (the coordinates file's `locator`)
 * with a rectangle where a map's area lies. The region is the same for every map of a site, so its
 * outlines are drawn once (composeLocator) and each map adds only its rectangle (locateArea).
 */

export interface Locator {
  width: number;
  height: number;
  /** Every country of the outlines inside the region; those of the coordinates file with their name and tone. */
  countries: Array<{ id: string; name?: string; tone: MapCountry['tone']; d: string }>;
  /** The names of the coordinates file's countries, where they fit: a reader sees which country is which. */
  labels: Array<PlacedLabel & { key: string }>;
  frame: Frame;
}

/** The inset is drawn this many units wide, shown at as many CSS pixels (maps.css). */
export const locatorWidth = 240;
/** Its country names, in units (so pixels): drawn a little narrower than 240 px inside its border, still at least 12 px. */
export const locatorFontSize = 13;
/**
 * Outline points closer than this (units, so pixels) to the previous one are left out: detail a
 * drawing this small cannot show (small islands, the finest bends of a border), at half the bytes.
 */
const outlineStep = 2.5;

/**
 * The region's outlines. `listed` are the coordinates file's countries (named, with their tone);
 * any other country of the outlines inside the region is drawn as a neighbour, so that no land looks like sea.
 */
export function composeLocator(locator: MapLocator, listed: readonly MapCountry[], outlines: ReadonlyMap<string, GeoPermissibleObjects>, width = locatorWidth): Locator {
  const frame = frameFor(locator.bounds, width);
  const listedIds = new Set(listed.map((country) => country.id));
  const onFrameEdge = ([x, y]: [number, number]) => Math.min(x, y, frame.width - x, frame.height - y) < 0.01;
  const ringsOf = (id: string) => {
    const shape = outlines.get(id);
    return shape ? projectedRings(shape, frame.projection).map((ring) => thinRing(ring, outlineStep, onFrameEdge)) : [];
  };
  const outline = (id: string) => ringsToPath(ringsOf(id));
  // The file's countries last, in its order: their borders over their neighbours', their names in the text alternative as the file lists them.
  const countries = [
    ...[...outlines.keys()].filter((id) => !listedIds.has(id)).map((id) => ({ id, name: undefined, tone: 'neighbour' as const, d: outline(id) })),
    ...listed.map((country) => ({ id: country.id, name: country.name, tone: country.tone, d: outline(country.id) })),
  ].filter((country) => country.d !== '');
  const named = listed.map((country) => ({ id: country.id, name: country.name, rings: ringsOf(country.id) })).filter((country) => country.rings.length > 0);
  const labels = placeCountryNames(named, listed, frame, [], { fontSize: locatorFontSize, upperCase: false });
  return { width: frame.width, height: frame.height, countries, labels, frame };
}

/** Where a map's area lies in the inset; undefined when it reaches outside the inset's region. */
export function locateArea(locator: Locator, [[west, south], [east, north]]: LonLatBox): Box | undefined {
  const [x0, y0] = locator.frame.project([west, north]);
  const [x1, y1] = locator.frame.project([east, south]);
  const slack = 0.5; // rounding, not a reach outside
  if (x0 < -slack || y0 < -slack || x1 > locator.width + slack || y1 > locator.height + slack) return undefined;
  return { x: Math.max(0, x0), y: Math.max(0, y0), width: Math.min(locator.width, x1) - Math.max(0, x0), height: Math.min(locator.height, y1) - Math.max(0, y0) };
}
