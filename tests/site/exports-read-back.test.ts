import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CslItem } from '../../packages/cited-explainer/cite/item.ts';
import { smartQuotes } from '../../packages/cited-explainer/typography/smart-quotes.ts';
import { expectBibtexRecord, expectCslRecord, expectRisRecords, pandocMissing, pandocRead } from '../helpers/reference-readers.ts';
import { builtSite, listFiles, readPage } from '../helpers/site.ts';

/**
 * Every citation download of the built sites, read back by real clients: each /cite/ BibTeX and
 * RIS file gives back what its CSL-JSON twin holds, and so does /data/sources.bib against
 * /sources.json; no publication name carries our provenance commentary, which the source pages
 * still show. (tests/cite/pandoc.test.ts checks the formatted styles.)
 */
describe.each(['realSite', 'fixtureSite'] as const)('citation downloads of %s', (which) => {
  it('pandoc is installed (npm test installs it from Debian)', () => {
    expect(pandocMissing).toBeUndefined();
  });

  it('each /cite/ BibTeX and RIS file holds what its CSL-JSON twin does', () => {
    const { outDir } = builtSite(which);
    const twins = listFiles(outDir).filter((file) => file.startsWith('cite/') && file.endsWith('.json'));
    expect(twins.length).toBeGreaterThan(2);
    for (const twin of twins) {
      const [item] = JSON.parse(readFileSync(join(outDir, twin), 'utf8')) as CslItem[];
      const stem = join(outDir, twin.replace(/\.json$/, ''));
      expectCslRecord(pandocRead(join(outDir, twin), 'csljson')[0], item);
      expectBibtexRecord(pandocRead(`${stem}.bib`, 'biblatex')[0], item);
      expectRisRecords(readFileSync(`${stem}.ris`, 'utf8'), [item]);
    }
  });

  it('/data/sources.bib holds what /sources.json does, source by source', () => {
    const { outDir } = builtSite(which);
    const items = JSON.parse(readFileSync(join(outDir, 'sources.json'), 'utf8')) as CslItem[];
    const read = pandocRead(join(outDir, 'data', 'sources.bib'), 'biblatex');
    expect(read.map((entry) => entry.id)).toEqual(items.map((item) => item['citation-key']));
    for (const [i, item] of items.entries()) expectBibtexRecord(read[i], item);
  });

  it('no publication name carries provenance commentary; the source pages show it beside the name', () => {
    const { outDir } = builtSite(which);
    const items = JSON.parse(readFileSync(join(outDir, 'sources.json'), 'utf8')) as CslItem[];
    for (const item of items) {
      expect(item['container-title'], item.id).not.toMatch(/[();]|\b(copy|copied|re-?post|reworded|section|original)\b/i);
      const note = (item.custom as { publisherNote: string | null }).publisherNote;
      const page = readPage(outDir, `/sources/${item.id}/`)
        .replace(/&(quot|#34|#x22);/g, '"')
        .replace(/&(#39|#x27);/g, "'")
        .replace(/&amp;/g, '&');
      // As the page shows the archivist's notes: with typographer's quotes (notesForReaders).
      if (note) expect(page, item.id).toContain(smartQuotes(note));
    }
  });
});
