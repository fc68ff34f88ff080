import { describe, expect, it } from 'vitest';
import { format } from '../../packages/cited-explainer/i18n/format.ts';
import { english } from '../../packages/cited-explainer/i18n/strings.ts';
import type { MapModel } from '../../packages/cited-explainer/maps/compose.ts';
import { entryWords, legendEntries, locatorWords } from '../../packages/cited-explainer/maps/legend.ts';
import type { Locator } from '../../packages/cited-explainer/maps/locator.ts';

// Small hand-made models: only what the key reads is filled in.
const model = (parts: Partial<MapModel>): MapModel => ({
  title: 'T',
  description: 'D',
  width: 100,
  height: 50,
  countries: [],
  routes: [],
  areas: [],
  dots: [],
  ringed: false,
  labels: [],
  places: [],
  attribution: 'A',
  credit: ['A'],
  ...parts,
});
const country = (id: string, name: string, tone: MapModel['countries'][number]['tone']) => ({ id, name, tone, d: 'M0 0' });
const dot = (key: string, context: boolean) => ({ key, x: 1, y: 1, context });
const route = (key: string, status: 'existing' | 'proposed') => ({ key, name: key, status, d: 'M0 0l1 1' });
const label = (key: string, kind: MapModel['labels'][number]['kind']) => ({
  id: `${kind}:${key}`,
  key,
  kind,
  lines: [key],
  fontSize: 14,
  side: 'centre' as const,
  x: 0,
  y: 0,
  anchor: 'middle' as const,
  box: { x: 0, y: 0, width: 1, height: 1 },
  crowded: false,
});
const symbols = (m: MapModel) => legendEntries(m).map((entry) => entry.symbol);
const list = (names: string[]) => names.join(' + ');

describe('legendEntries', () => {
  it('has an entry for each kind of symbol drawn, and none for the others', () => {
    expect(symbols(model({}))).toEqual([]);
    expect(symbols(model({ dots: [dot('a', false)] }))).toEqual(['town']);
    expect(symbols(model({ dots: [dot('a', true)] }))).toEqual(['context']);
    expect(symbols(model({ routes: [route('r', 'proposed')] }))).toEqual(['proposed']);
    expect(symbols(model({ routes: [route('r', 'existing'), route('s', 'existing')] }))).toEqual(['existing']);
    expect(symbols(model({ areas: [{ key: 'a', name: 'A', d: 'M0 0l1 1l0 1Z' }] }))).toEqual(['area']);
    // An incident's map rings its own places: the key says what the ring means instead of "town".
    expect(symbols(model({ dots: [dot('a', false), dot('b', true)], ringed: true }))).toEqual(['ringed', 'context']);
    // A region is a label in italics; a country's name or a town's label is not a symbol of its own.
    expect(symbols(model({ labels: [label('r', 'region'), label('a', 'town'), label('051', 'country')] }))).toEqual(['region']);
  });

  it('names the countries of each tone drawn, in the order drawn, symbols first', () => {
    const entries = legendEntries(
      model({
        dots: [dot('b', true), dot('a', false)],
        routes: [route('r', 'proposed'), route('s', 'existing')],
        countries: [country('1', 'One', 'neighbour'), country('2', 'Two', 'primary'), country('3', 'Three', 'neighbour')],
      }),
    );
    expect(entries).toEqual([
      { symbol: 'town', countries: [] },
      { symbol: 'context', countries: [] },
      { symbol: 'existing', countries: [], names: ['s'] },
      { symbol: 'proposed', countries: [], names: ['r'] },
      { symbol: 'primary', countries: ['Two'] },
      { symbol: 'neighbour', countries: ['One', 'Three'] },
    ]);
  });
});

describe('entryWords and locatorWords', () => {
  it('says what a symbol means; names the countries a map is about, and calls the rest other countries', () => {
    // A line or an area is named in the key (the map does not label it).
    expect(entryWords({ symbol: 'proposed', countries: [], names: ['R', 'S'] }, english.map, list)).toBe(format(english.map.keyProposed, { names: 'R + S' }));
    expect(entryWords({ symbol: 'area', countries: [], names: ['A'] }, english.map, list)).toBe(format(english.map.keyArea, { names: 'A' }));
    expect(entryWords({ symbol: 'secondary', countries: ['Two', 'Four'] }, english.map, list)).toBe('Two + Four');
    expect(entryWords({ symbol: 'neighbour', countries: ['One'] }, english.map, list)).toBe(english.map.keyNeighbour);
  });

  it('describes the inset: the named countries of its region, and those the map takes in', () => {
    const unnamed = { id: '7', tone: 'neighbour' as const, d: 'M0 0' };
    const locator = { countries: [unnamed, country('2', 'Two', 'primary'), country('6', 'Six', 'neighbour')] } as unknown as Locator;
    const inset = { locator, area: { x: 1, y: 1, width: 2, height: 2 } };
    expect(locatorWords(model({ countries: [country('2', 'Two', 'primary')], inset }), english.map, list)).toBe(format(english.map.locatorDescription, { countries: 'Two + Six', covered: 'Two' }));
  });

  it('describes the inset without lists when there are no names to list', () => {
    const unnamedOnly = { locator: { countries: [{ id: '7', tone: 'neighbour', d: 'M0 0' }] } as unknown as Locator, area: { x: 1, y: 1, width: 2, height: 2 } };
    expect(locatorWords(model({ countries: [country('2', 'Two', 'primary')], inset: unnamedOnly }), english.map, list)).toBe(english.map.locatorDescriptionUnnamed);
    const named = { ...unnamedOnly, locator: { countries: [country('2', 'Two', 'primary')] } as unknown as Locator };
    expect(locatorWords(model({ countries: [], inset: named }), english.map, list)).toBe(english.map.locatorDescriptionUnnamed);
  });
});
