import { contentDir } from 'virtual:cited-explainer/config';
import type { GeoPermissibleObjects } from 'd3-geo';
import { getContentModel } from '../content-model/load.ts';
import { ContentError } from '../lib/content-error.ts';
import { siteLocale } from '../lib/site.ts';
import { composeMap, countryFeatures, LocatorBoundsError, type MapModel, type MapRequest, MapRequestError, mapLayouts } from './compose.ts';
import { glossaryLinkProblems, type LoadedMaps, loadCountryOutlines, loadMapsFile } from './load.ts';
import { composeLocator, type Locator } from './locator.ts';

/**
 * Astro glue: reads the coordinates file and the outlines once per build, checks the file's
 * glossary links, draws the locator inset's region once, and composes the maps pages ask for.
 */

interface SiteMaps {
  loaded: LoadedMaps;
  countries: Map<string, GeoPermissibleObjects>;
  locator?: Locator;
}

let cached: Promise<SiteMaps | undefined> | undefined;

function siteMaps(): Promise<SiteMaps | undefined> {
  cached ??= (async () => {
    const loaded = loadMapsFile(contentDir);
    if (!loaded) return undefined;
    const model = await getContentModel();
    const problems = glossaryLinkProblems(loaded.data, new Map([...model.glossary].map(([slug, entry]) => [slug, entry.data.kind])));
    if (problems.length > 0) throw new ContentError({ file: loaded.file, message: problems[0], hint: 'Name an existing glossary entry of kind place, or leave "glossary" out.' });
    const countries = countryFeatures(await loadCountryOutlines(loaded.data.resolution));
    const { locator } = loaded.data;
    // The inset is 240 px across a wider region: the coarser outlines show all it can, in half the bytes.
    const overview = locator && composeLocator(locator, loaded.data.countries, countryFeatures(await loadCountryOutlines('110m')));
    return { loaded, countries, locator: overview };
  })();
  return cached;
}

/** A map drawn for each frame (compose.ts, mapLayouts). */
export type MapDrawings = Record<keyof typeof mapLayouts, MapModel>;

/**
 * The map a page asks for, drawn for a wide and for a narrow frame. A named map must exist (a page
 * naming a map in a content folder without a coordinates file is an error); a map of places is
 * null when there is nothing to draw.
 */
export async function getMap(request: MapRequest, where: string): Promise<MapDrawings | null> {
  const maps = await siteMaps();
  if (!maps) {
    if ('map' in request) throw new ContentError({ file: where, message: `asks for the map "${request.map}", but the content folder has no maps.yaml` });
    return null;
  }
  try {
    const draw = (layout: (typeof mapLayouts)[keyof typeof mapLayouts]) => composeMap(maps.loaded.data, maps.countries, request, { layout, locator: maps.locator, locale: siteLocale });
    const wide = draw(mapLayouts.wide);
    return wide && { wide, narrow: draw(mapLayouts.narrow)! };
  } catch (error) {
    const inMapsFile = 'map' in request || error instanceof LocatorBoundsError;
    if (error instanceof MapRequestError) throw new ContentError({ file: inMapsFile ? maps.loaded.file : where, message: error.message });
    throw error;
  }
}
