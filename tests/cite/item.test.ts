import { describe, expect, it } from 'vitest';
import { citeBlock } from '../../packages/cited-explainer/cite/block.ts';
import { citationKey, citeFilePath, citeUrl, pageCslItem } from '../../packages/cited-explainer/cite/item.ts';

describe('cite metadata', () => {
  it('cites the whole address when the site has one, else none (a path is no address in a bibliography)', () => {
    expect(citeUrl('https://river-town.example.org/', '/', '/bridges/')).toBe('https://river-town.example.org/bridges/');
    expect(citeUrl('https://river-town.example.org/', '/explainer', '/')).toBe('https://river-town.example.org/explainer/');
    expect(citeUrl(undefined, '/explainer', '/bridges/')).toBeUndefined();
  });

  it('keys BibTeX entries by page path, in the characters citation-js keeps', () => {
    expect(citationKey('/')).toBe('index');
    expect(citationKey('/incidents/2021-11-16-border-clashes/')).toBe('incidents_2021_11_16_border_clashes');
  });

  it('puts each download at /cite/<page path>.<format>', () => {
    expect(citeFilePath('/', 'bib')).toBe('/cite/index.bib');
    expect(citeFilePath('/corridors/lachin/', 'ris')).toBe('/cite/corridors/lachin.ris');
    expect(citeFilePath('/sources/river-report/', 'json')).toBe('/cite/sources/river-report.json');
  });

  it('dates a page by its last review, never by the clock, and leaves the access date to the reader', () => {
    const item = pageCslItem({ page: { title: 'Flood', updated: '2024-06-01' }, site: { title: 'River Town', url: undefined }, path: '/flood/', base: '/' });
    expect(item.issued).toEqual({ 'date-parts': [[2024, 6, 1]] });
    expect(item).not.toHaveProperty('accessed'); // the day a reader reads it is theirs to give
    expect(item).not.toHaveProperty('URL'); // the site's address is not known
    const published = pageCslItem({ page: { title: 'Flood', updated: '2024-06-01' }, site: { title: 'River Town', url: 'https://river-town.example.org/' }, path: '/flood/', base: '/' });
    expect(published.URL).toBe('https://river-town.example.org/flood/');
  });

  it('links the downloads under the base, each with its own file name', () => {
    const item = pageCslItem({ page: { title: 'Flood', updated: '2024-06-01' }, site: { title: 'River Town', url: undefined }, path: '/flood/', base: '/explainer' });
    const block = citeBlock(item, '/flood/', '/explainer', true);
    expect(block.addressUnknown).toBe(true);
    expect(block.styles.map((s) => s.label)).toEqual(['APA 7', 'MLA 9', 'Chicago (notes and bibliography)', 'Harvard (Cite Them Right)']);
    expect(block.downloads).toEqual([
      { label: 'BibTeX', href: '/explainer/cite/flood.bib', filename: 'flood.bib' },
      { label: 'RIS', href: '/explainer/cite/flood.ris', filename: 'flood.ris' },
      { label: 'CSL-JSON', href: '/explainer/cite/flood.json', filename: 'flood.json' },
    ]);
  });
});
