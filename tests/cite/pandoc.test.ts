import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readArchive } from '../../packages/cited-explainer/archive/read.ts';
import { toBibtex, toRis } from '../../packages/cited-explainer/cite/export.ts';
import { formatCitation, formatWithCiteproc, itemForStyle } from '../../packages/cited-explainer/cite/format.ts';
import { type CslItem, pageCslItem, sourceCslItem } from '../../packages/cited-explainer/cite/item.ts';
import { expectBibtexRecord, expectCslRecord, expectRisRecords, pandoc, pandocMissing, pandocRead } from '../helpers/reference-readers.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/**
 * The exports read back by real clients (tests/helpers/reference-readers.ts): every field of the
 * CSL-JSON record must come back, and citeproc in pandoc must print APA and Chicago as the page's
 * "Cite this page" does. The items are those of the real site and of the fixture site, made by
 * the site's own functions (tests/site/exports-read-back.test.ts reads the built files).
 */

const work = tempDir('pandoc-');

function itemsOf(contentDir: string): CslItem[] {
  const site = JSON.parse(readFileSync(join(contentDir, 'site.json'), 'utf8')) as { title: string; url?: string };
  const pagesDir = join(contentDir, 'pages');
  const pages = readdirSync(pagesDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.mdx?$/.test(file))
    .map((file) => {
      const front = parseYaml(readFileSync(join(pagesDir, file), 'utf8').split(/^---$/m)[1]) as { title: string; updated: string | Date };
      const updated = front.updated instanceof Date ? front.updated.toISOString().slice(0, 10) : front.updated;
      const path = `/${file.replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '')}/`.replace(/\/+/g, '/');
      return pageCslItem({ page: { title: front.title, updated }, site, path, base: '/' });
    });
  const sources = [...readArchive(join(contentDir, 'sources')).values()].map((source) => sourceCslItem(source.meta, '/', site.url));
  return [...pages, ...sources];
}

const sites = { 'the real site': itemsOf('content'), 'the fixture site': itemsOf('tests/fixtures/site-basic') };

const citeprocStyles = (() => {
  const styles = createRequire(import.meta.url)('@citation-js/plugin-csl/lib/styles.json') as Record<string, string>;
  writeFileSync(join(work, 'apa.csl'), styles.apa);
  // Chicago replaces a repeated author (or the name standing in for it) with "———" in a list, which
  // "Cite this page" (one item) never does. Without that substitution every item can share one
  // bibliography: one pandoc run per file, not one per group of items.
  const chicago = readFileSync('packages/cited-explainer/cite/styles/chicago-note-bibliography.csl', 'utf8');
  const single = chicago.replace(/ subsequent-author-substitute="[^"]*"/, '');
  if (single === chicago) throw new Error('the Chicago style no longer sets subsequent-author-substitute on its bibliography');
  writeFileSync(join(work, 'chicago.csl'), single);
  return { apa: join(work, 'apa.csl'), chicago: join(work, 'chicago.csl') } as const;
})();

/** The bibliography entries pandoc's citeproc prints for a bibliography file, as plain text by citation key. */
function pandocEntries(bibliography: string, style: string): Map<string, string> {
  const html = pandoc(['--citeproc', `--bibliography=${bibliography}`, `--csl=${style}`, '-t', 'html', '--wrap=none'], '---\nnocite: "@*"\n---\n');
  return new Map([...html.matchAll(/<div id="ref-([^"]+)" class="csl-entry"[^>]*>([\s\S]*?)<\/div>/g)].map(([, key, entry]) => [key, plain(entry)]));
}

const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

describe.each(Object.entries(sites))('the citation exports of %s, read back', (_, items) => {
  it('pandoc is installed (npm test installs it from Debian)', () => {
    expect(pandocMissing).toBeUndefined();
  });

  it('BibTeX, read by pandoc as biblatex: no field lost compared with the CSL-JSON record', () => {
    const file = join(work, 'all.bib');
    writeFileSync(file, toBibtex(items));
    const read = pandocRead(file, 'biblatex');
    expect(read.map((item) => item.id)).toEqual(items.map((item) => item['citation-key']));
    for (const [i, item] of items.entries()) expectBibtexRecord(read[i], item);
  });

  it('CSL-JSON, read by pandoc: no field lost', () => {
    const file = join(work, 'all.json');
    writeFileSync(file, JSON.stringify(items));
    const read = pandocRead(file, 'csljson');
    for (const [i, item] of items.entries()) expectCslRecord(read[i], item);
  });

  it('RIS, read by citation-js: title, publication or site, author, date, access date, URL and note', () => {
    expectRisRecords(toRis(items), items);
  });

  it('citeproc in pandoc prints APA and Chicago as "Cite this page" does, from the BibTeX and from the CSL-JSON', { timeout: 120_000 }, () => {
    writeFileSync(join(work, 'cite.bib'), toBibtex(items));
    // Each style is given a web page as "Cite this page" gives it (format.ts, itemForStyle: the site title-cased, in Chicago after the title).
    const asJson = (id: 'apa' | 'chicago') => JSON.stringify(items.map((item) => ({ ...itemForStyle(item, id), id: item['citation-key'] ?? item.id })));
    const rendered = (id: 'apa' | 'chicago') => {
      writeFileSync(join(work, `cite-${id}.json`), asJson(id));
      return { bib: pandocEntries(join(work, 'cite.bib'), citeprocStyles[id]), json: pandocEntries(join(work, `cite-${id}.json`), citeprocStyles[id]) };
    };
    const byStyle = { apa: rendered('apa'), chicago: rendered('chicago') };
    for (const item of items) {
      const key = item['citation-key'] ?? item.id;
      // From BibTeX a web page's site comes back as its publisher (biblatex's organization), which
      // the styles print as a page's publisher: compared with the page's entry for that record.
      const fromBibtex = item.type === 'webpage' && item['container-title'] ? formatWithCiteproc({ ...item, 'container-title': undefined, publisher: item['container-title'] }).styles : undefined;
      for (const style of formatCitation(item).styles.filter((style) => style.id === 'apa' || style.id === 'chicago')) {
        const id = style.id as 'apa' | 'chicago';
        const ours = plain(style.html);
        const oursFromBibtex = fromBibtex ? plain(fromBibtex.find((other) => other.id === id)!.html) : ours;
        // pandoc's citeproc (Haskell) prints a CSL `section` after an APA date as "[Section].",
        // which citeproc-js, and so the page and Zotero, leave out. The engines also title-case a
        // few short words differently in Chicago ("after": citeproc-js lower-cases it, as CMOS
        // 8.159 does; pandoc's does not), so Chicago is compared regardless of case.
        const comparable = (text: string | undefined) => (id === 'chicago' ? text?.toLowerCase() : text);
        const fromJson = byStyle[id].json.get(key);
        expect(comparable(item.section ? fromJson?.replace(` [${item.section}].`, '') : fromJson), `${item.id} ${id} (CSL-JSON)`).toBe(comparable(ours));
        // Neither BibTeX nor biblatex has a field for a newspaper's section (it goes in the note),
        // so Chicago's "sec. …" cannot come back from BibTeX.
        const withoutSection = item.section ? oursFromBibtex.replace(`, sec. ${item.section}`, '') : oursFromBibtex;
        // In the one bibliography of every page, APA tells the pages apart under their one publisher
        // (standing in for the author) by year suffixes ("2026a"), which a single entry never has.
        const fromBib = fromBibtex && id === 'apa' ? byStyle[id].bib.get(key)?.replace(/\((ca\. )?(\d{4})[a-z]([,)])/, '($1$2$3') : byStyle[id].bib.get(key);
        expect(comparable(fromBib), `${item.id} ${id} (BibTeX)`).toBe(comparable(withoutSection));
      }
    }
  });
});
