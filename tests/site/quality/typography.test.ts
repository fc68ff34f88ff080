import { describe, expect, it } from 'vitest';
import { builtSite, listPages, readPage } from '../../helpers/site.ts';
import { straightQuotes } from '../../helpers/straight-quotes.ts';

// Curly quotes and apostrophes in every rendered text of the real site (issue 10, item 12): the
// site's words, its data (glossary, actors, maps, provenance notes) and its interface. The
// source's own words stay as published (see straight-quotes.ts).
const build = builtSite();

describe('typographer’s quotes', () => {
  it.each(listPages(build.outDir))(
    '%s: no straight quote or apostrophe in its text or in the attributes a reader is given (aria-label, alt, title, description), outside quotations, archived text and code',
    (path) => {
      expect(straightQuotes(readPage(build.outDir, path))).toEqual([]);
    },
  );
});
