import { type GeoPermissibleObjects, type GeoProjection, geoMercator, geoPath } from 'd3-geo';
import type { LonLat, LonLatBox } from '../schemas/maps.ts';

/** Pure geometry of the maps: the area to show, its projection onto the SVG, and compact paths. */

/**
 * The area around some points: their extent, widened by `margin` degrees on every side and to at
 * least `minSpan` degrees each way (one village alone still gets its surroundings).
 */
export function boxAround(points: readonly LonLat[], margin: number, minSpan: number): LonLatBox {
  if (points.length === 0) throw new Error('boxAround: no points');
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const widen = (lo: number, hi: number): [number, number] => {
    let a = lo - margin;
    let b = hi + margin;
    if (b - a < minSpan) {
      const mid = (a + b) / 2;
      a = mid - minSpan / 2;
      b = mid + minSpan / 2;
    }
    return [a, b];
  };
  const [west, east] = widen(Math.min(...lons), Math.max(...lons));
  const [south, north] = widen(Math.min(...lats), Math.max(...lats));
  return [
    [Math.max(-180, west), Math.max(-85, south)],
    [Math.min(180, east), Math.min(85, north)],
  ];
}

export interface Frame {
  width: number;
  height: number;
  /** Clips everything it projects to the frame. */
  projection: GeoProjection;
  /** [x, y] in SVG units of a [longitude, latitude]. */
  project(point: LonLat): [number, number];
  /** What the frame shows, corner to corner: the box asked for, and more around it when the height was kept within bounds. */
  area: LonLatBox;
}

const cornersOf = ([[w, s], [e, n]]: LonLatBox): GeoPermissibleObjects => ({
  type: 'MultiPoint',
  coordinates: [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
  ],
});

/**
 * A Mercator projection of the box onto a frame `width` units wide; its height follows the box's
 * shape, kept between `minHeight` and `maxHeight` (the box is then centred, with more around it).
 */
export function frameFor(box: LonLatBox, width: number, { minHeight = width * 0.4, maxHeight = width * 0.75 } = {}): Frame {
  const corners = cornersOf(box);
  const probe = geoMercator().fitWidth(width, corners);
  const [[, y0], [, y1]] = geoPath(probe).bounds(corners);
  const height = Math.round(Math.min(maxHeight, Math.max(minHeight, y1 - y0)));
  const projection = geoMercator()
    .fitExtent(
      [
        [0, 0],
        [width, height],
      ],
      corners,
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
  const unproject = (xy: [number, number]): LonLat => {
    const point = projection.invert?.(xy);
    if (!point) throw new Error(`cannot unproject ${xy.join(', ')}`);
    return [point[0], point[1]];
  };
  return {
    width,
    height,
    projection,
    project: (point) => {
      const xy = projection(point);
      if (!xy) throw new Error(`cannot project ${point.join(', ')}`);
      return [xy[0], xy[1]];
    },
    area: [unproject([0, height]), unproject([width, 0])],
  };
}

export type Ring = Array<[number, number]>;

/** The rings d3 draws for a feature through the (clipping) projection, in SVG units. */
export function projectedRings(feature: GeoPermissibleObjects, projection: GeoProjection): Ring[] {
  const rings: Ring[] = [];
  let current: Ring | undefined;
  const context = {
    moveTo(x: number, y: number) {
      current = [[x, y]];
      rings.push(current);
    },
    lineTo(x: number, y: number) {
      current?.push([x, y]);
    },
    closePath() {
      current = undefined;
    },
    arc() {},
  };
  geoPath(projection, context as unknown as CanvasRenderingContext2D)(feature);
  return rings;
}

/** A number in tenths as SVG writes it shortest: 12 → "1.2", -5 → "-.5", 30 → "3". */
function tenths(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const whole = Math.floor(abs / 10);
  const frac = abs % 10;
  return `${sign}${whole === 0 && frac !== 0 ? '' : whole}${frac === 0 ? '' : `.${frac}`}`;
}

/** Joins numbers with the fewest separators: a minus sign separates by itself. */
function joinNumbers(numbers: string[]): string {
  return numbers.reduce((out, n, i) => (i === 0 || n.startsWith('-') ? out + n : `${out} ${n}`), '');
}

/**
 * Closed rings as one compact path: coordinates rounded to 0.1 unit, relative moves, points that
 * round onto the previous one dropped, rings that round to less than a triangle left out.
 */
export function ringsToPath(rings: readonly Ring[]): string {
  let d = '';
  let cursor: [number, number] | undefined;
  for (const ring of rings) {
    const points: Array<[number, number]> = [];
    for (const [x, y] of ring) {
      const p: [number, number] = [Math.round(x * 10), Math.round(y * 10)];
      const last = points.at(-1);
      if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push(p);
    }
    while (points.length > 1 && points[0][0] === points.at(-1)![0] && points[0][1] === points.at(-1)![1]) points.pop();
    if (points.length < 3) continue;
    const numbers: string[] = [];
    const [first, ...rest] = points;
    const command = cursor ? 'm' : 'M';
    numbers.push(...(cursor ? [first[0] - cursor[0], first[1] - cursor[1]] : first).map(tenths));
    let previous = first;
    const deltas: string[] = [];
    for (const p of rest) {
      deltas.push(tenths(p[0] - previous[0]), tenths(p[1] - previous[1]));
      previous = p;
    }
    d += `${command}${joinNumbers(numbers)}l${joinNumbers(deltas)}z`;
    cursor = first; // after "z" the current point is the ring's start
  }
  return d;
}

/**
 * A ring with less detail, for a small drawing: points closer than `minStep` units to the previous
 * point kept are dropped, except those `keep` holds to (where a clipped ring runs along the frame:
 * without its corners, it would cut across them).
 */
export function thinRing(ring: Ring, minStep: number, keep: (point: [number, number]) => boolean = () => false): Ring {
  const kept: Ring = [];
  for (const point of ring) {
    const last = kept.at(-1);
    if (!last || keep(point) || Math.hypot(point[0] - last[0], point[1] - last[1]) >= minStep) kept.push(point);
  }
  return kept;
}

/** An open line through points, rounded like ringsToPath. */
export function lineToPath(points: ReadonlyArray<readonly [number, number]>): string {
  const rounded = points.map(([x, y]) => [Math.round(x * 10), Math.round(y * 10)] as const);
  const [first, ...rest] = rounded;
  if (!first) return '';
  let previous = first;
  const deltas: string[] = [];
  for (const p of rest) {
    deltas.push(tenths(p[0] - previous[0]), tenths(p[1] - previous[1]));
    previous = p;
  }
  return `M${joinNumbers([tenths(first[0]), tenths(first[1])])}l${joinNumbers(deltas)}`;
}

/** One decimal, shortest form: for attributes. */
export function round1(value: number): string {
  return tenths(Math.round(value * 10));
}

/** Even-odd test: is the point inside the rings (holes count as outside)? */
export function insideRings([x, y]: readonly [number, number], rings: readonly Ring[]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Area-weighted centre of the rings (shoelace), in SVG units; undefined for no area. */
export function ringsCentre(rings: readonly Ring[]): [number, number] | undefined {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
      area += cross;
      cx += (ring[j][0] + ring[i][0]) * cross;
      cy += (ring[j][1] + ring[i][1]) * cross;
    }
  }
  return area === 0 ? undefined : [cx / (3 * area), cy / (3 * area)];
}
