import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Topology } from 'topojson-specification';
import { parse } from 'yaml';
import { ContentError } from '../lib/content-error.ts';
import { MAPS_FILE } from '../lib/content-layout.ts';
import { dataError } from '../lib/data-errors.ts';
import { type MapsFile, mapsFileSchema } from '../schemas/maps.ts';

/** The coordinates file of a content folder, where it lives and what it holds. */
export interface LoadedMaps {
  file: string;
  text: string;
  data: MapsFile;
}

/** Reads and checks <content>/maps.yaml; undefined when the content folder has none (no maps). */
export function loadMapsFile(contentDir: string): LoadedMaps | undefined {
  const path = join(contentDir, MAPS_FILE);
  if (!existsSync(path)) return undefined;
  const file = relative(process.cwd(), path);
  const text = readFileSync(path, 'utf8');
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new ContentError({ file, message: `not valid YAML: ${(error as Error).message.split('\n')[0]}` });
  }
  const checked = mapsFileSchema.safeParse(raw);
  if (!checked.success) throw dataError(file, text, checked.error);
  return { file, text, data: checked.data };
}

/**
 * Problems with the file's links to the glossary: each `glossary` must name an entry of kind
 * place. Pure: takes the glossary as slug → kind.
 */
export function glossaryLinkProblems(maps: MapsFile, glossary: ReadonlyMap<string, string>): string[] {
  return Object.entries(maps.places).flatMap(([key, place]) => {
    if (!place.glossary) return [];
    const kind = glossary.get(place.glossary);
    if (kind === undefined) return [`place "${key}": no glossary entry "${place.glossary}"`];
    if (kind !== 'place') return [`place "${key}": glossary entry "${place.glossary}" is a ${kind}, not a place`];
    return [];
  });
}

/** Natural Earth country outlines as world-atlas ships them. */
export async function loadCountryOutlines(resolution: MapsFile['resolution']): Promise<Topology> {
  const module = resolution === '110m' ? await import('world-atlas/countries-110m.json', { with: { type: 'json' } }) : await import('world-atlas/countries-50m.json', { with: { type: 'json' } });
  return module.default as unknown as Topology;
}
