import type { GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { LonLatBox, MapCountry, MapsFile } from '../schemas/maps.ts';
import { boxAround, frameFor, insideRings, lineToPath, projectedRings, ringsCentre, ringsToPath } from './geometry.ts';
import { type Box, type LabelRequest, type PlacedLabel, placeLabels, sidesFrom, textWidth } from './labels.ts';
import { type Locator, locateArea } from './locator.ts';

/**
 * Composes one map from the coordinates file and the country outlines: pure, no file access.
 * The result is what the SVG renderer and the caption need, already in SVG units.
 */

/** What a page asks for: a map of the coordinates file by key, or a map of some glossary places. */
export type MapRequest = { map: string } | { title: string; glossaryPlaces: readonly string[] };

export const approximate = 'approximate, for orientation';
/** The small line at the foot of every map: where the outlines come from, and the warning. */
export const creditLine = (attribution: string) => `${attribution}; lines ${approximate}`;
// 13 units: at least 12 px on screen wherever the map is drawn (maps.css keeps it at least 608 px wide).
export const creditSize = 13;

export interface MapModel {
  title: string;
  /** The text alternative: everything the map shows, in words. */
  description: string;
  note?: string;
  width: number;
  height: number;
  countries: Array<{ id: string; name: string; tone: MapCountry['tone']; d: string }>;
  routes: Array<{ key: string; name: string; status: 'existing' | 'proposed'; d: string }>;
  dots: Array<{ key: string; x: number; y: number; context: boolean }>;
  labels: Array<PlacedLabel & { kind: 'town' | 'region' | 'context' | 'route' | 'country'; key: string }>;
  /** The places drawn, for the caption: key, name and glossary slug. */
  places: Array<{ key: string; name: string; glossary?: string; context: boolean }>;
  attribution: string;
  /** The locator inset, when the coordinates file asks for one: its region, and the map's area in it. */
  inset?: { locator: Locator; area: Box };
}

export interface ComposeOptions {
  width?: number;
  fontSize?: number;
  /** The region of the locator inset (composeLocator), drawn once for all maps. */
  locator?: Locator;
}

export class MapRequestError extends Error {}
/** A map that the locator inset's region does not take in: the coordinates file's locator is to change, whoever asked for the map. */
export class LocatorBoundsError extends MapRequestError {}

/** The countries of the topology by id. */
export function countryFeatures(topology: Topology): Map<string, GeoPermissibleObjects> {
  const collection = topology.objects.countries as GeometryCollection;
  const features = feature(topology, collection).features;
  return new Map(features.filter((f) => f.id !== undefined).map((f) => [String(f.id), f as GeoPermissibleObjects]));
}

/** null when the request has nothing to draw (an incident none of whose places has coordinates). */
export function composeMap(file: MapsFile, countries: Map<string, GeoPermissibleObjects>, request: MapRequest, options: ComposeOptions = {}): MapModel | null {
  const width = options.width ?? 640;
  const fontSize = options.fontSize ?? 14;
  let title: string;
  let note: string | undefined;
  let featured: string[];
  let context: string[] = [];
  let routeKeys: string[] = [];
  let box: LonLatBox;

  if ('map' in request) {
    // Own keys only: "constructor" or "__proto__" is no map, not a property every object has.
    const spec = Object.hasOwn(file.maps, request.map) ? file.maps[request.map] : undefined;
    if (!spec) throw new MapRequestError(`no map "${request.map}" in the coordinates file (known: ${Object.keys(file.maps).join(', ') || 'none'})`);
    title = spec.title;
    note = spec.note;
    featured = spec.places;
    routeKeys = spec.routes;
    const routePoints = routeKeys.flatMap((key) => file.routes[key].via.map((place) => file.places[place].at));
    const points = [...featured.map((key) => file.places[key].at), ...routePoints];
    if (!spec.bounds && points.length === 0) throw new MapRequestError(`map "${request.map}" has no places, routes or bounds`);
    box = spec.bounds ?? boxAround(points, 0.3, 1.2);
  } else {
    if (!file.incidentMaps) return null;
    const byGlossary = new Map(Object.entries(file.places).flatMap(([key, place]) => (place.glossary ? [[place.glossary, key] as const] : [])));
    featured = [...new Set(request.glossaryPlaces.flatMap((slug) => (byGlossary.has(slug) ? [byGlossary.get(slug)!] : [])))];
    if (featured.length === 0) return null;
    title = request.title;
    box = boxAround(
      featured.map((key) => file.places[key].at),
      file.incidentMaps.margin,
      file.incidentMaps.minSpan,
    );
    context = file.incidentMaps.context.filter((key) => !featured.includes(key));
  }

  const frame = frameFor(box, width);
  let inset: MapModel['inset'];
  if (options.locator) {
    const area = locateArea(options.locator, frame.area);
    if (!area) {
      const shown = frame.area.map((corner) => `[${corner.map((n) => n.toFixed(2)).join(', ')}]`).join(', ');
      throw new LocatorBoundsError(`the map "${title}" shows [${shown}], which reaches outside locator.bounds: widen them to take it in`);
    }
    inset = { locator: options.locator, area };
  }
  const inFrame = ([x, y]: [number, number], inset = 0) => x >= inset && y >= inset && x <= frame.width - inset && y <= frame.height - inset;

  const drawnCountries = file.countries.flatMap((country) => {
    const shape = countries.get(country.id);
    if (!shape) throw new MapRequestError(`no country "${country.id}" (${country.name}) in the outlines`);
    const rings = projectedRings(shape, frame.projection);
    const d = ringsToPath(rings);
    return d ? [{ id: country.id, name: country.name, tone: country.tone, d, rings }] : [];
  });

  const routes = routeKeys.map((key) => {
    const route = file.routes[key];
    return { key, name: route.name, status: route.status, points: route.via.map((place) => frame.project(file.places[place].at)) };
  });

  const featuredXY = featured.map((key) => {
    const xy = frame.project(file.places[key].at);
    if (!inFrame(xy)) throw new MapRequestError(`place "${key}" lies outside the map "${title}": widen its bounds`);
    return { key, xy };
  });
  const contextXY = context.map((key) => ({ key, xy: frame.project(file.places[key].at) })).filter(({ xy }) => inFrame(xy, fontSize));

  const dots = [
    ...featuredXY.filter(({ key }) => file.places[key].kind === 'town').map(({ key, xy }) => ({ key, x: xy[0], y: xy[1], context: false })),
    ...contextXY.filter(({ key }) => file.places[key].kind === 'town').map(({ key, xy }) => ({ key, x: xy[0], y: xy[1], context: true })),
  ];
  const obstacles: Box[] = dots.map((dot) => ({ x: dot.x - 4, y: dot.y - 4, width: 8, height: 8 }));
  // The credit line, bottom left (see renderMapSvg).
  obstacles.push({ x: 0, y: frame.height - creditSize * 1.6, width: textWidth(creditLine(file.attribution), creditSize) + 8, height: creditSize * 1.6 });

  type Kind = MapModel['labels'][number]['kind'];
  const requests: Array<LabelRequest & { kind: Kind; key: string }> = [];
  for (const { key, xy } of featuredXY) {
    const place = file.places[key];
    const region = place.kind === 'region';
    requests.push({
      id: `place:${key}`,
      key,
      kind: region ? 'region' : 'town',
      lines: [place.name],
      x: xy[0],
      y: xy[1],
      fontSize,
      sides: region ? ['centre', 'above', 'below'] : sidesFrom(place.label),
    });
  }
  for (const route of routes) {
    // Beside the middle of its longest stretch, where the line is easiest to tell.
    let best = 0;
    let longest = -1;
    route.points.slice(1).forEach((p, i) => {
      const q = route.points[i];
      const length = Math.hypot(p[0] - q[0], p[1] - q[1]);
      if (length > longest) [longest, best] = [length, i];
    });
    const [a, b] = [route.points[best], route.points[best + 1]];
    requests.push({
      id: `route:${route.key}`,
      key: route.key,
      kind: 'route',
      lines: [route.name, approximate],
      x: (a[0] + b[0]) / 2,
      y: (a[1] + b[1]) / 2,
      fontSize: fontSize - 1,
      sides: ['below', 'above', 'right', 'left'],
    });
  }
  for (const { key, xy } of contextXY) {
    const place = file.places[key];
    requests.push({ id: `place:${key}`, key, kind: 'context', lines: [place.name], x: xy[0], y: xy[1], fontSize: fontSize - 1, sides: place.kind === 'region' ? ['centre'] : sidesFrom(place.label) });
  }
  const placed = placeLabels(requests, frame, obstacles);
  // A country's name goes at its first label point, or else at the centre of what is shown of it,
  // where the name lies on the country, inside the map and clear of every other label.
  const taken = [...obstacles, ...placed.map((label) => label.box)];
  for (const country of drawnCountries) {
    const spec = file.countries.find((c) => c.id === country.id)!;
    const centre = ringsCentre(country.rings);
    const candidates = [...spec.labels.map((point) => frame.project(point)), ...(centre ? [centre] : [])];
    for (const xy of candidates.filter((at) => insideRings(at, country.rings))) {
      const request = {
        id: `country:${country.id}`,
        key: country.id,
        kind: 'country' as const,
        lines: [country.name.toUpperCase()],
        x: xy[0],
        y: xy[1],
        fontSize: fontSize - 1,
        sides: ['centre' as const],
        em: 0.78,
      };
      const [label] = placeLabels([request], frame, taken);
      if (label && !label.crowded) {
        requests.push(request);
        placed.push(label);
        taken.push(label.box);
        break;
      }
    }
  }
  const kindOf = new Map(requests.map((r) => [r.id, r] as const));
  // A context place or a country name that would cover another label is better left out.
  const labels = placed
    .map((label) => ({ ...label, kind: kindOf.get(label.id)!.kind, key: kindOf.get(label.id)!.key }))
    .filter((label) => !(label.crowded && (label.kind === 'context' || label.kind === 'country')));
  const shownContext = new Set(labels.filter((l) => l.kind === 'context').map((l) => l.key));
  const drawnDots = dots.filter((dot) => !dot.context || shownContext.has(dot.key));

  const places = [
    ...featured.map((key) => ({ key, name: file.places[key].name, glossary: file.places[key].glossary, context: false })),
    ...contextXY.filter(({ key }) => shownContext.has(key)).map(({ key }) => ({ key, name: file.places[key].name, glossary: file.places[key].glossary, context: true })),
  ];
  const list = (names: string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);
  const description = [
    `Map. Countries: ${list(drawnCountries.map((c) => c.name))}.`,
    `Places: ${list(places.map((p) => p.name))}.`,
    ...routes.map((route) => `${route.status === 'proposed' ? 'Dashed' : 'Solid'} line: ${route.name}, through ${list(file.routes[route.key].via.map((k) => file.places[k].name))} (${approximate}).`),
  ].join(' ');

  return {
    title,
    description,
    note,
    width: frame.width,
    height: frame.height,
    countries: drawnCountries.map(({ rings: _rings, ...country }) => country),
    routes: routes.map((route) => ({ key: route.key, name: route.name, status: route.status, d: lineToPath(route.points) })),
    dots: drawnDots,
    labels,
    places,
    attribution: file.attribution,
    ...(inset && { inset }),
  };
}
