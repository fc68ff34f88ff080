import type { GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { format } from '../i18n/format.ts';
import { defaultLocale, type Locale } from '../i18n/locale.ts';
import type { LonLatBox, MapCountry, MapsFile } from '../schemas/maps.ts';
import { placeCountryNames } from './country-names.ts';
import { boxAround, frameFor, lineToPath, projectedRings, ringsToPath } from './geometry.ts';
import { type Box, type LabelRequest, type PlacedLabel, placeLabels, sidesFrom, textWidth } from './labels.ts';
import { type Locator, locateArea } from './locator.ts';

/**
 * Composes one map from the coordinates file and the country outlines: pure, no file access.
 * The result is what the SVG renderer and the caption need, already in SVG units.
 */

/** What a page asks for: a map of the coordinates file by key, or a map of some glossary places. */
export type MapRequest = { map: string } | { title: string; glossaryPlaces: readonly string[] };

/** The words of a map: the site's strings and its way of joining names. */
export type MapWords = Pick<Locale, 'strings' | 'list'>;

// 13 units: at least 12 px on screen wherever the map is drawn (maps.css never draws a map narrower than its layout's width less a tenth).
export const creditSize = 13;

/**
 * The two drawings of every map: one for a wide frame, one for a phone's. The narrow one is not the
 * wide one shrunk (its labels would fall under 12 px) but drawn again for a frame 300 units wide, a
 * little taller, with its labels laid out again for that frame (maps.css shows the one that fits).
 */
export const mapLayouts: Record<'wide' | 'narrow', MapLayout> = {
  wide: { width: 640, fontSize: 14, minHeight: 0.4, maxHeight: 0.75, creditBelow: false },
  narrow: { width: 300, fontSize: 14, minHeight: 0.75, maxHeight: 1.1, fitPlaces: 0.15, incidentSpan: 0.6, creditBelow: true },
};
export interface MapLayout {
  width: number;
  fontSize: number;
  /** The frame's height, at least and at most, as a share of its width. */
  minHeight: number;
  maxHeight: number;
  /**
   * Degrees around the places and lines of a named map, drawn instead of its `bounds`: a phone's
   * frame shows the places at as large a scale as it can, not the surroundings.
   */
  fitPlaces?: number;
  /** An incident's map shows this share of the coordinates file's margin and smallest span around its places. */
  incidentSpan?: number;
  /** The credit lines in a band of their own under the drawing, where they take no room from the labels. */
  creditBelow: boolean;
}

/**
 * A line of text broken at spaces into lines no wider than `width` (estimated, labels.ts): the
 * credit line of a narrow map takes two.
 */
export function wrapText(words: string, fontSize: number, width: number): string[] {
  const lines: string[] = [];
  for (const word of words.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && textWidth(`${last} ${word}`, fontSize) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

export interface MapModel {
  title: string;
  /** The text alternative: everything the map shows, in words. */
  description: string;
  note?: string;
  width: number;
  height: number;
  countries: Array<{ id: string; name: string; tone: MapCountry['tone']; d: string }>;
  /** Lines are named in the key, not on the map, where their labels crowded the places' (design review 1). */
  routes: Array<{ key: string; name: string; status: 'existing' | 'proposed'; d: string }>;
  /** Approximate outlines, drawn hatched and named in the key. */
  areas: Array<{ key: string; name: string; d: string }>;
  dots: Array<{ key: string; x: number; y: number; context: boolean }>;
  /** An incident's map: its own places (not those for orientation) are ringed, the places its "Where" names. */
  ringed: boolean;
  labels: Array<PlacedLabel & { kind: 'town' | 'region' | 'context' | 'country'; key: string }>;
  /** The places drawn, for the caption: key, name and glossary slug. */
  places: Array<{ key: string; name: string; glossary?: string; context: boolean }>;
  attribution: string;
  /** The small lines at the foot of the map, top first: where the outlines come from, and the warning. */
  credit: string[];
  /** The locator inset, when the coordinates file asks for one: its region, and the map's area in it. */
  inset?: { locator: Locator; area: Box };
}

export interface ComposeOptions {
  /** The frame to draw for: mapLayouts.wide unless said. */
  layout?: MapLayout;
  /** The region of the locator inset (composeLocator), drawn once for all maps. */
  locator?: Locator;
  /** The words of the map (its labels' "approximate", the credit line, the text alternative). */
  locale?: MapWords;
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
  const layout = options.layout ?? mapLayouts.wide;
  const { width, fontSize } = layout;
  const { strings, list } = options.locale ?? defaultLocale;
  const text = strings.map;
  let title: string;
  let note: string | undefined;
  let featured: string[];
  let context: string[] = [];
  let routeKeys: string[] = [];
  let areaKeys: string[] = [];
  let box: LonLatBox;

  if ('map' in request) {
    // Own keys only: "constructor" or "toString" names no map.
    const spec = Object.hasOwn(file.maps, request.map) ? file.maps[request.map] : undefined;
    if (!spec) throw new MapRequestError(`no map "${request.map}" in the coordinates file (known: ${Object.keys(file.maps).join(', ') || 'none'})`);
    title = spec.title;
    note = spec.note;
    featured = spec.places;
    routeKeys = spec.routes;
    areaKeys = spec.areas;
    const routePoints = routeKeys.flatMap((key) => file.routes[key].via.map((place) => file.places[place].at));
    const points = [...featured.map((key) => file.places[key].at), ...routePoints];
    if (!spec.bounds && points.length === 0) throw new MapRequestError(`map "${request.map}" has no places, routes or bounds`);
    box = layout.fitPlaces !== undefined && points.length > 0 ? boxAround(points, layout.fitPlaces, 0) : (spec.bounds ?? boxAround(points, 0.3, 1.2));
  } else {
    if (!file.incidentMaps) return null;
    const byGlossary = new Map(Object.entries(file.places).flatMap(([key, place]) => (place.glossary ? [[place.glossary, key] as const] : [])));
    featured = [...new Set(request.glossaryPlaces.flatMap((slug) => (byGlossary.has(slug) ? [byGlossary.get(slug)!] : [])))];
    if (featured.length === 0) return null;
    title = request.title;
    const span = layout.incidentSpan ?? 1;
    box = boxAround(
      featured.map((key) => file.places[key].at),
      file.incidentMaps.margin * span,
      file.incidentMaps.minSpan * span,
    );
    context = file.incidentMaps.context.filter((key) => !featured.includes(key));
    areaKeys = file.incidentMaps.areas;
  }

  const frame = frameFor(box, width, { minHeight: width * layout.minHeight, maxHeight: width * layout.maxHeight });
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

  const areas = areaKeys.map((key) => {
    const area = file.areas[key];
    return { key, name: area.name, d: `${lineToPath(area.outline.map((at) => frame.project(at)))}Z` };
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
  // The credit lines, bottom left (see renderMapSvg).
  const credit = wrapText(format(text.credit, { attribution: file.attribution, approximate: text.approximate }), creditSize, frame.width - 12);
  const creditHeight = Math.ceil(creditSize * (0.4 + 1.2 * credit.length));
  if (!layout.creditBelow) obstacles.push({ x: 0, y: frame.height - creditHeight, width: Math.max(...credit.map((line) => textWidth(line, creditSize))) + 8, height: creditHeight });

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
      // A region's name over it or just above or below, never beside it, where it would seem to name the land next door.
      sides: region ? ['centre', 'above', 'below'] : sidesFrom(place.label),
      // Italics run wider.
      ...(region && { em: 0.68 }),
    });
  }
  for (const { key, xy } of contextXY) {
    const place = file.places[key];
    requests.push({ id: `place:${key}`, key, kind: 'context', lines: [place.name], x: xy[0], y: xy[1], fontSize: fontSize - 1, sides: place.kind === 'region' ? ['centre'] : sidesFrom(place.label) });
  }
  const kindOf = new Map(requests.map((r) => [r.id, r] as const));
  const placed = placeLabels(requests, frame, obstacles).map((label) => ({ ...label, kind: kindOf.get(label.id)!.kind, key: kindOf.get(label.id)!.key }));
  const countryNames = placeCountryNames(drawnCountries, file.countries, frame, [...obstacles, ...placed.map((label) => label.box)], { fontSize: fontSize - 1, upperCase: true });
  // A context place that would cover another label is better left out.
  const labels = [...placed.filter((label) => !(label.crowded && label.kind === 'context')), ...countryNames.map((label) => ({ ...label, kind: 'country' as const }))];
  const shownContext = new Set(labels.filter((l) => l.kind === 'context').map((l) => l.key));
  const drawnDots = dots.filter((dot) => !dot.context || shownContext.has(dot.key));

  const places = [
    ...featured.map((key) => ({ key, name: file.places[key].name, glossary: file.places[key].glossary, context: false })),
    ...contextXY.filter(({ key }) => shownContext.has(key)).map(({ key }) => ({ key, name: file.places[key].name, glossary: file.places[key].glossary, context: true })),
  ];
  const description = [
    format(text.descriptionCountries, { countries: list(drawnCountries.map((c) => c.name)) }),
    format(text.descriptionPlaces, { places: list(places.map((p) => p.name)) }),
    ...areas.map((area) => format(text.descriptionArea, { area: area.name })),
    ...routes.map((route) =>
      format(route.status === 'proposed' ? text.descriptionProposed : text.descriptionExisting, {
        route: route.name,
        places: list(file.routes[route.key].via.map((k) => file.places[k].name)),
        approximate: text.approximate,
      }),
    ),
  ].join(' ');

  return {
    title,
    description,
    note,
    width: frame.width,
    height: frame.height + (layout.creditBelow ? creditHeight : 0),
    countries: drawnCountries.map(({ rings: _rings, ...country }) => country),
    routes: routes.map((route) => ({ key: route.key, name: route.name, status: route.status, d: lineToPath(route.points) })),
    areas,
    dots: drawnDots,
    ringed: !('map' in request),
    labels,
    places,
    attribution: file.attribution,
    credit,
    ...(inset && { inset }),
  };
}
