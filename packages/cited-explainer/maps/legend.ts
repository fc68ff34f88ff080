import { format } from '../i18n/format.ts';
import type { Strings } from '../i18n/strings.ts';
import type { MapModel } from './compose.ts';

/**
 * The key to a map, pure: one entry for each kind of symbol the map draws, and none for a symbol it
 * does not (a map without a proposed route has no "dashed line" entry).
 */

export type LegendSymbol = 'town' | 'ringed' | 'context' | 'region' | 'area' | 'existing' | 'proposed' | 'primary' | 'secondary' | 'neighbour';

export interface LegendEntry {
  symbol: LegendSymbol;
  /** For a country tone: the countries drawn in it, in the coordinates file's order. */
  countries: string[];
  /** For a line or an area: the names of those drawn so, in the map's order (the map itself does not label them). */
  names?: string[];
}

const countryTones = ['primary', 'secondary', 'neighbour'] as const;

export function legendEntries(model: MapModel): LegendEntry[] {
  const drawn: Record<Exclude<LegendSymbol, (typeof countryTones)[number]>, boolean> = {
    town: !model.ringed && model.dots.some((dot) => !dot.context),
    ringed: model.ringed && model.dots.some((dot) => !dot.context),
    context: model.dots.some((dot) => dot.context),
    region: model.labels.some((label) => label.kind === 'region'),
    area: model.areas.length > 0,
    existing: model.routes.some((route) => route.status === 'existing'),
    proposed: model.routes.some((route) => route.status === 'proposed'),
  };
  const names: Partial<Record<LegendSymbol, string[]>> = {
    area: model.areas.map((area) => area.name),
    existing: model.routes.filter((route) => route.status === 'existing').map((route) => route.name),
    proposed: model.routes.filter((route) => route.status === 'proposed').map((route) => route.name),
  };
  const symbols = Object.entries(drawn).flatMap(([symbol, shown]) =>
    shown ? [{ symbol: symbol as LegendSymbol, countries: [], ...(names[symbol as LegendSymbol] && { names: names[symbol as LegendSymbol] }) }] : [],
  );
  const tones = countryTones.flatMap((tone) => {
    const countries = model.countries.filter((country) => country.tone === tone).map((country) => country.name);
    return countries.length > 0 ? [{ symbol: tone, countries }] : [];
  });
  return [...symbols, ...tones];
}

/** Joins names as the site's language does: "A, B and C". */
export type ListWords = (names: string[]) => string;

/** What an entry of the key says. The countries a map is about are named; the rest are "other countries". */
export function entryWords(entry: LegendEntry, text: Strings['map'], list: ListWords): string {
  const named = (template: string) => format(template, { names: list(entry.names ?? []) });
  const words: Record<Exclude<LegendSymbol, 'primary' | 'secondary'>, string> = {
    town: text.keyTown,
    ringed: text.keyRinged,
    context: text.keyContext,
    region: text.keyRegion,
    area: named(text.keyArea),
    existing: named(text.keyExisting),
    proposed: named(text.keyProposed),
    neighbour: text.keyNeighbour,
  };
  return entry.symbol === 'primary' || entry.symbol === 'secondary' ? list(entry.countries) : words[entry.symbol];
}

/** The locator inset in words: the region's named countries, and those the map's rectangle takes in. */
export function locatorWords(model: MapModel, text: Strings['map'], list: ListWords): string {
  const named = model.inset?.locator.countries.flatMap((country) => (country.name ? [country.name] : [])) ?? [];
  const covered = model.countries.map((country) => country.name);
  // Without names to list, the sentence that lists them would read "with ."
  if (named.length === 0 || covered.length === 0) return text.locatorDescriptionUnnamed;
  return format(text.locatorDescription, { countries: list(named), covered: list(covered) });
}
