import { Cite } from '@citation-js/core';
import { describe, expect, it } from 'vitest';
import { citeprocEntry, citeStyles } from '../../packages/cited-explainer/cite/format.ts';
import { type CslItem, pageCslItem, sourceCslItem } from '../../packages/cited-explainer/cite/item.ts';
import { oneEntryStyle } from '../../packages/cited-explainer/cite/one-entry-style.ts';
import { sourceTypeFormats } from '../../packages/cited-explainer/cite/source-types.ts';
import type { SourceType } from '../../packages/cited-explainer/schemas/source-type.ts';
import { archivedSource } from '../helpers/archive-fixture.ts';

const style = (citation: string, bibliography: string) => `<style><macro name="m"><text variable="title"/></macro>${citation}${bibliography}</style>`;

describe('oneEntryStyle', () => {
  const full = style(
    '<citation disambiguate-add-year-suffix="true"><sort><key macro="m"/></sort><layout><text macro="m"/></layout></citation>',
    '<bibliography subsequent-author-substitute="———"><sort><key variable="issued"/></sort><layout><text macro="m"/></layout></bibliography>',
  );

  it('gives the citation a constant layout, with neither sort nor disambiguation', () => {
    expect(oneEntryStyle(full, 'test')).toContain('<citation><layout><text value="-"/></layout></citation>');
    expect(oneEntryStyle(full, 'test')).not.toContain('disambiguate');
  });

  it('keeps the bibliography, its macros and its options, less its sort', () => {
    expect(oneEntryStyle(full, 'test')).toBe(
      style('<citation><layout><text value="-"/></layout></citation>', '<bibliography subsequent-author-substitute="———"><layout><text macro="m"/></layout></bibliography>'),
    );
  });

  it('refuses a style without a bibliography, naming it', () => {
    expect(() => oneEntryStyle(style('<citation><layout/></citation>', ''), 'notes-only')).toThrow(/"notes-only" has no <citation> or no <bibliography>/);
  });
});

const sourceTypes = Object.keys(sourceTypeFormats) as SourceType[];

/**
 * Items that exercise what a style renders differently: every kind of source; a byline, none, and
 * the same author or the same title and year on several items (which a shared bibliography would
 * disambiguate or abbreviate); estimated dates; no address; a section; a title with markup, an
 * ampersand and quotes; pages without an author or an access date, with and without the site's address.
 */
function corpus(): CslItem[] {
  const sources = sourceTypes.flatMap((type, t) =>
    [0, 1, 2, 3].map((variant) => {
      const id = `${type}-${variant}`;
      const meta = archivedSource(id, ['Text.'], {
        type,
        publisher: variant === 3 ? 'Ministry of Roads & Bridges' : `Wire ${t % 3}`,
        headline: variant === 2 ? 'Bridges “closed” after <i>The Flood</i> & rain' : `Bridges closed ${variant % 2 ? 'again' : ''}`.trim(),
        author: { name: variant === 0 ? null : variant === 3 ? 'A. N. van der Example, Jr.' : 'Jane Example', note: null },
        section: variant === 1 ? 'World' : null,
        published: { date: `2024-0${1 + (variant % 2)}-0${1 + t}`, time: null, timezone: null, estimate: variant === 2, basis: variant === 2 ? 'a later report' : null },
        url: variant === 3 ? null : `https://news.example/${id}`,
      }).meta;
      return sourceCslItem(meta, '/explainer/', variant % 2 ? 'https://river-town.example.org/' : undefined);
    }),
  );
  const pages = ['/', '/bridges/closures/', '/bridges/closures-again/', '/incidents/2024-05-06-bridge/'].map((path, p) =>
    pageCslItem({
      page: { title: p === 2 ? 'Bridge closures' : `Bridge closures ${p}`, updated: '2024-06-01' },
      site: { title: 'River Town flood explainer', url: p % 2 ? 'https://river-town.example.org/' : undefined },
      path,
      base: '/explainer',
    }),
  );
  return [...sources, ...pages];
}

/** The entry as citation-js's own bibliography output writes it, less the id attribute it adds. */
const citationJsEntry = (item: CslItem, template: string, lang: string) => {
  const [[, entry]] = new Cite(item).format('bibliography', { format: 'html', template, lang, asEntryArray: true }) as Array<[string, string]>;
  return entry.replace(/ data-csl-entry-id="[^"]*"/, '');
};

describe('citeprocEntry with the one-entry styles', () => {
  const items = corpus();

  it('covers every kind of source', () => {
    expect(new Set(items.map((item) => item.type))).toEqual(new Set(Object.values(sourceTypeFormats).map((format) => format.csl)));
  });

  // Each style's engine is made on its first entry, both ways: seconds on a busy machine.
  for (const { id, template, lang } of citeStyles) {
    it(`writes every ${id} entry exactly as citation-js's full style does, in any order`, () => {
      const expected = items.map((item) => citationJsEntry(item, template, lang));
      expect(items.map((item) => citeprocEntry(item, template, lang))).toEqual(expected);
      expect(items.map((item) => citeprocEntry(item, template, lang)).reverse()).toEqual(expected.reverse());
    }, 30_000);
  }
});
