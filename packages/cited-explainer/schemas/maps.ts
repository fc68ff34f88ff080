import { z } from 'zod';
import { prose } from './cited.ts';
import { slug } from './common.ts';

/**
 * content/maps.yaml: the optional coordinates file. Without it the site has no maps; with it,
 * pages ask for a map by key (<PlaceMap map="…" />) and incident pages show their places.
 * Every position and line in it is approximate, for orientation only.
 */

/** Longitude then latitude, in degrees (WGS 84), as GeoJSON writes them. */
export const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

/** A box of the earth: its south-west and north-east corners. */
export const lonLatBox = z.tuple([lonLat, lonLat]).refine(([sw, ne]) => sw[0] < ne[0] && sw[1] < ne[1], 'write the south-west corner first, then the north-east corner');

export const labelSides = ['right', 'left', 'above', 'below'] as const;

export const mapPlaceSchema = z.strictObject({
  /** The label, spelled as the pages spell it. */
  name: prose({ max: 80 }),
  /** Approximate centre (a town's centre; a label point for a region), [longitude, latitude]. */
  at: lonLat,
  /** A town or village is drawn as a dot with a label; a region (province, district) as a label alone. */
  kind: z.enum(['town', 'region']).default('town'),
  /** The glossary entry of this place (kind: place), when there is one: the map links it, and incidents find it by it. */
  glossary: slug.optional(),
  /** Where its label goes first, when there is room. */
  label: z.enum(labelSides).optional(),
});

export const mapCountrySchema = z.strictObject({
  /** The country's id in the world-atlas topology (ISO 3166-1 numeric, as a string: "051"). */
  id: z.string().regex(/^\d{3}$/, 'the ISO 3166-1 numeric code, three digits in quotes: "051"'),
  name: prose({ max: 80 }),
  /** How strongly it is drawn: the countries a page is about, or their neighbours. */
  tone: z.enum(['primary', 'secondary', 'neighbour']).default('neighbour'),
  /** Points where its name may be written, best first; the first inside a map is used. */
  labels: z.array(lonLat).default([]),
});

export const mapRouteSchema = z.strictObject({
  /** What the line is, for its label and the text alternative: "Old bridge road". */
  name: prose({ max: 120 }),
  /** Places (keys of `places`) the line runs through, in order: an approximate polyline. */
  via: z.array(slug).min(2),
  /** A road that existed, or a route that was only proposed (drawn dashed). */
  status: z.enum(['existing', 'proposed']).default('existing'),
});

export const mapAreaSchema = z.strictObject({
  /** The area's name, for the key and the text alternative: "Old delta". */
  name: prose({ max: 120 }),
  /** A rough outline, [longitude, latitude] corners in order (the ring closes itself): drawn hatched and called approximate. */
  outline: z.array(lonLat).min(3),
});

export const mapSchema = z.strictObject({
  /** The map's title: its <title> and the start of its caption. */
  title: prose({ max: 200 }),
  /** A sentence for the caption after the title, such as what the line is based on. */
  note: prose({ max: 1000 }).optional(),
  /** The area shown; without it, the places' extent with a margin. */
  bounds: lonLatBox.optional(),
  places: z.array(slug).default([]),
  routes: z.array(slug).default([]),
  /** Areas (keys of `areas`) drawn hatched under the lines and places. */
  areas: z.array(slug).default([]),
});

export const mapLocatorSchema = z.strictObject({
  /**
   * The wider region the inset shows, south-west corner first: a viewing box, not a claim. Every
   * map's area must lie inside it.
   */
  bounds: lonLatBox,
});

export const mapsFileSchema = z
  .strictObject({
    /** Where the country outlines come from, written small on every map. */
    attribution: prose({ max: 200 }),
    /** Natural Earth scale of the outlines: 1:50m (default) or the coarser 1:110m. */
    resolution: z.enum(['50m', '110m']).default('50m'),
    countries: z.array(mapCountrySchema).default([]),
    places: z.record(slug, mapPlaceSchema),
    routes: z.record(slug, mapRouteSchema).default({}),
    /** Approximate outlines of areas (a region the pages are about), for orientation only. */
    areas: z.record(slug, mapAreaSchema).default({}),
    maps: z.record(slug, mapSchema).default({}),
    /**
     * When present, every map gets a locator inset: a small overview of this wider region (the
     * outlines of every country in it) with a rectangle where the map's area lies.
     */
    locator: mapLocatorSchema.optional(),
    /** When present, every incident page with at least one place in `places` gets a map of them. */
    incidentMaps: z
      .strictObject({
        /** Degrees added around the incident's places. */
        margin: z.number().min(0).max(10).default(0.3),
        /** The smallest width and height of the area shown, in degrees. */
        minSpan: z.number().positive().max(40).default(1.2),
        /** Places (keys) drawn for orientation when they fall inside the area. */
        context: z.array(slug).default([]),
        /** Areas (keys of `areas`) drawn on every incident map, where they fall inside it. */
        areas: z.array(slug).default([]),
      })
      .optional(),
  })
  .superRefine((file, ctx) => {
    const places = new Set(Object.keys(file.places));
    const routes = new Set(Object.keys(file.routes));
    for (const [key, route] of Object.entries(file.routes)) {
      route.via.forEach((place, i) => {
        if (!places.has(place)) ctx.addIssue({ code: 'custom', path: ['routes', key, 'via', i], message: `no place "${place}" in "places"` });
      });
    }
    for (const [key, map] of Object.entries(file.maps)) {
      map.places.forEach((place, i) => {
        if (!places.has(place)) ctx.addIssue({ code: 'custom', path: ['maps', key, 'places', i], message: `no place "${place}" in "places"` });
      });
      map.routes.forEach((route, i) => {
        if (!routes.has(route)) ctx.addIssue({ code: 'custom', path: ['maps', key, 'routes', i], message: `no route "${route}" in "routes"` });
      });
    }
    const areas = new Set(Object.keys(file.areas));
    for (const [key, map] of Object.entries(file.maps)) {
      map.areas.forEach((area, i) => {
        if (!areas.has(area)) ctx.addIssue({ code: 'custom', path: ['maps', key, 'areas', i], message: `no area "${area}" in "areas"` });
      });
    }
    file.incidentMaps?.areas.forEach((area, i) => {
      if (!areas.has(area)) ctx.addIssue({ code: 'custom', path: ['incidentMaps', 'areas', i], message: `no area "${area}" in "areas"` });
    });
    file.incidentMaps?.context.forEach((place, i) => {
      if (!places.has(place)) ctx.addIssue({ code: 'custom', path: ['incidentMaps', 'context', i], message: `no place "${place}" in "places"` });
    });
    const ids = new Set<string>();
    file.countries.forEach((country, i) => {
      if (ids.has(country.id)) ctx.addIssue({ code: 'custom', path: ['countries', i, 'id'], message: `country "${country.id}" is listed twice` });
      ids.add(country.id);
    });
  });

export type MapsFile = z.infer<typeof mapsFileSchema>;
export type MapPlace = z.infer<typeof mapPlaceSchema>;
export type MapCountry = z.infer<typeof mapCountrySchema>;
export type MapRoute = z.infer<typeof mapRouteSchema>;
export type MapArea = z.infer<typeof mapAreaSchema>;
export type MapSpec = z.infer<typeof mapSchema>;
export type MapLocator = z.infer<typeof mapLocatorSchema>;
export type LonLat = z.infer<typeof lonLat>;
export type LonLatBox = z.infer<typeof lonLatBox>;
