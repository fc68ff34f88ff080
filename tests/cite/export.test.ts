import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { downloadBody } from '../../packages/cited-explainer/cite/download-files.ts';
import { bibtexEntry, bibtexText, risRecord } from '../../packages/cited-explainer/cite/export.ts';
import { pageCslItem, sourceCslItem } from '../../packages/cited-explainer/cite/item.ts';
import { archivedSource } from '../helpers/archive-fixture.ts';

/** A source's CSL item, the one record every export is made from. */
const sourceItem = (meta: Parameters<typeof archivedSource>[2]) =>
  sourceCslItem(archivedSource('river-report', ['Text.'], { publisher: 'River Town News', headline: 'Bridges reopen', archived: '2024-06-01', ...meta }).meta, '/', 'https://river-town.example.org/');
const stated = { date: '2024-05-06', time: null, timezone: null, estimate: false, basis: null };
const byline = { name: 'Jane Example', note: null };
const risTags = (ris: string) =>
  ris
    .trimEnd()
    .split('\n')
    .map((line) => line.slice(0, 2));

describe('one CSL record per source, and each export made from it', () => {
  it('a dated, bylined article: every field in its own place', () => {
    const item = sourceItem({ author: { name: 'Jane Example', note: null }, published: stated, url: 'https://news.example/a', section: 'Local' });
    expect(item).toMatchObject({
      type: 'article-newspaper',
      title: 'Bridges reopen',
      'container-title': 'River Town News',
      section: 'Local',
      author: [{ literal: 'Jane Example' }],
      issued: { 'date-parts': [[2024, 5, 6]] },
      accessed: { 'date-parts': [[2024, 6, 1]] },
      URL: 'https://news.example/a',
      note: 'Archived copy: https://river-town.example.org/sources/river-report/',
    });
    expect(item.issued).not.toHaveProperty('circa');
    expect(bibtexEntry(item)).toBe(
      [
        '@article{sources_river_report,',
        '  entrysubtype = {newspaper},',
        '  author = {{Jane Example}},',
        '  title = {{Bridges} reopen},',
        '  journal = {River Town News},',
        '  year = {2024},',
        '  month = may,',
        '  date = {2024-05-06},',
        '  url = {https://news.example/a},',
        '  urldate = {2024-06-01},',
        '  note = {Section: Local. Archived copy: https://river-town.example.org/sources/river-report/},',
        '}',
        '',
      ].join('\n'),
    );
    expect(risRecord(item)).toBe(
      [
        'TY  - NEWS',
        'ID  - sources_river_report',
        'TI  - Bridges reopen',
        'AU  - Jane Example',
        'T2  - River Town News',
        'SE  - Local',
        'PY  - 2024',
        'DA  - 2024/05/06/',
        'Y2  - 2024/06/01/',
        'UR  - https://news.example/a',
        'N1  - Archived copy: https://river-town.example.org/sources/river-report/',
        'ER  - ',
        '',
      ].join('\n'),
    );
  });

  it('an estimated date: circa in CSL, the full date in every export, the estimate said in the note', () => {
    const item = sourceItem({ author: byline, published: { ...stated, estimate: true, basis: 'a weekday in the text' }, url: 'https://news.example/a' });
    expect(item.issued).toEqual({ 'date-parts': [[2024, 5, 6]], circa: true });
    expect(item.note).toBe('Date estimated, not read from the page. Archived copy: https://river-town.example.org/sources/river-report/');
    expect(bibtexEntry(item)).toContain('  date = {2024-05-06~},\n');
    expect(risRecord(item)).toContain('DA  - 2024/05/06/\n');
    expect(risRecord(item)).toContain('N1  - Date estimated, not read from the page.');
  });

  it('an unknown author: no author field anywhere, "No byline" in the note', () => {
    const item = sourceItem({ author: { name: null, note: 'unknown (no byline)' }, published: stated, url: 'https://news.example/a' });
    expect(item).not.toHaveProperty('author');
    expect(item.note).toMatch(/^No byline\. /);
    expect(bibtexEntry(item)).not.toMatch(/author/);
    expect(risTags(risRecord(item))).not.toContain('AU');
  });

  it('an unknown URL: no address field anywhere, said in the note', () => {
    const item = sourceItem({ author: byline, published: stated, url: null });
    expect(item).not.toHaveProperty('URL');
    expect(item.note).toMatch(/^Original address unknown\. /);
    expect(bibtexEntry(item)).not.toMatch(/\burl =/);
    expect(risTags(risRecord(item))).not.toContain('UR');
  });

  it('a re-post: the publication name stays clean, the provenance goes to the note', () => {
    const item = sourceItem({
      publisher: 'Axadle Times',
      publisherNote: 'axadletimes.com, "ax-world" section',
      republishedFrom: 'AFP, 2021-11-16',
      reworded: true,
      author: byline,
      published: stated,
      url: 'https://news.example/a',
    });
    expect(item['container-title']).toBe('Axadle Times');
    expect(item.note).toBe('axadletimes.com, "ax-world" section. Reworded from: AFP, 2021-11-16. Archived copy: https://river-town.example.org/sources/river-report/');
    expect(item.custom).toMatchObject({ publisherNote: 'axadletimes.com, "ax-world" section', republishedFrom: 'AFP, 2021-11-16', reworded: true });
    expect(bibtexEntry(item)).toContain('  journal = {Axadle Times},\n');
    expect(risRecord(item)).toContain('T2  - Axadle Times\n');
    expect(risRecord(item)).toContain('N1  - axadletimes.com, "ax-world" section. Reworded from: AFP, 2021-11-16.');
  });

  it('a page: the site name, title, last-reviewed date and address; no access date', () => {
    const item = pageCslItem({
      page: { title: 'Background', updated: '2026-11-23' },
      site: { title: 'River Town explained', url: 'https://river-town.example.org/' },
      path: '/background/',
      base: '/',
    });
    expect(bibtexEntry(item)).toBe(
      '@online{background,\n  title = {{Background}},\n  organization = {{River Town explained}},\n  year = {2026},\n  month = nov,\n  date = {2026-11-23},\n  url = {https://river-town.example.org/background/},\n}\n',
    );
    expect(risRecord(item)).toBe(
      'TY  - ELEC\nID  - background\nTI  - Background\nT2  - River Town explained\nPY  - 2026\nDA  - 2026/11/23/\nUR  - https://river-town.example.org/background/\nER  - \n',
    );
  });

  it('a page: the site’s name is its organization (biblatex ignores `journal` in @online), one name even with "and" in it', () => {
    const item = pageCslItem({ page: { title: 'Background', updated: '2026-11-23' }, site: { title: 'Armenia and Azerbaijan: a cited explainer' }, path: '/background/', base: '/' });
    const bib = bibtexEntry(item);
    expect(bib).toContain('  organization = {{Armenia and Azerbaijan: a cited explainer}},\n');
    expect(bib).not.toContain('journal');
  });

  it('a page of a site whose address is not known: no address at all, never a bare path', () => {
    const item = pageCslItem({ page: { title: 'Background', updated: '2026-11-23' }, site: { title: 'River Town explained', url: undefined }, path: '/background/', base: '/explainer' });
    expect(bibtexEntry(item)).not.toMatch(/url|background\//);
    expect(risRecord(item)).not.toMatch(/^UR|background\//m);
    expect(downloadBody.json(item)).not.toMatch(/URL|background\//);
  });
});

describe('no field can break out of its record', () => {
  const hostile = 'Flood\nER  - \nTY  - JOUR\r\nTI  - Injected\u2028}\n@misc{evil, title={x}';
  const item = pageCslItem({ page: { title: hostile, updated: '2024-06-01' }, site: { title: 'Site\r\nT2  - x', url: 'https://river-town.example.org/' }, path: '/flood/', base: '/' });

  it('RIS: one record, one line per tag', () => {
    const ris = risRecord(item);
    expect(risTags(ris)).toEqual(['TY', 'ID', 'TI', 'T2', 'PY', 'DA', 'UR', 'ER']);
    expect(new Cite(ris, { forceType: '@ris/file' }).data).toHaveLength(1);
  });

  it('BibTeX: one entry, braces balanced, LaTeX specials escaped', () => {
    const bib = bibtexEntry(item);
    expect(bib.match(/^@/gm)).toHaveLength(1);
    expect(bib.split('\n').filter((line) => line.startsWith('  title'))).toHaveLength(1);
    let depth = 0;
    for (const [i, char] of [...bib].entries()) {
      if (bib[i - 1] === '\\') continue;
      depth += char === '{' ? 1 : char === '}' ? -1 : 0;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    expect(bibtexText('50% & $5_000 #1 ^ ~ \\ {x}')).toBe('50\\% \\& \\$5\\_000 \\#1 \\^{} \\~{} \\textbackslash{} \\{x\\}');
  });

  it('CSL-JSON: every string on one line', () => {
    expect(item.title).toBe('Flood ER  -  TY  - JOUR TI  - Injected } @misc{evil, title={x}');
    expect(item['container-title']).toBe('Site T2  - x');
  });
});
