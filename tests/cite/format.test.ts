import { Cite } from '@citation-js/core';
import { describe, expect, it, vi } from 'vitest';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { toBibtex } from '../../packages/cited-explainer/cite/export.ts';
import { type CiteStyleId, formatCitation, formatWithCiteproc } from '../../packages/cited-explainer/cite/format.ts';
import { pageCslItem, sourceCslItem } from '../../packages/cited-explainer/cite/item.ts';
import { archivedSource } from '../helpers/archive-fixture.ts';

const url = 'https://river-town.example.org/explainer/bridges/closures/';
const page = pageCslItem({
  page: { title: 'The River Town flood', updated: '2024-06-01' },
  site: { title: 'River Town flood explainer', url: 'https://river-town.example.org/' },
  path: '/bridges/closures/',
  base: '/explainer',
});
const cited = formatCitation(page);
const html = (citation: typeof cited, id: CiteStyleId) => citation.styles.find((s) => s.id === id)!.html;
/** The entry as a reader sees it: citeproc's HTML without its tags. */
const text = (citation: typeof cited, id: CiteStyleId) =>
  html(citation, id)
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');

/*
 * Expected strings written from the style guides, then compared with citeproc-js. Where the two
 * first differed, the official CSL style makes a documented choice, noted beside the string.
 */
describe('formatCitation of an explainer page', () => {
  it('APA 7: title in the author position (no author), full date, site name, URL; no retrieval date for a dated page', () => {
    // The site name is title-cased: apa.csl's source-website macro applies text-case="title" to it.
    expect(text(cited, 'apa')).toBe(`The River Town flood. (2024, June 1). River Town Flood Explainer. ${url}`);
    expect(html(cited, 'apa')).toBe(`<i>The River Town flood</i>. (2024, June 1). River Town Flood Explainer. ${url}`);
  });

  it('MLA 9: “Title.” Container, day month year, URL.', () => {
    expect(text(cited, 'mla')).toBe(`“The River Town Flood.” River Town Flood Explainer, 1 June 2024, ${url}.`);
    expect(html(cited, 'mla')).toBe(`“The River Town Flood.” <i>River Town Flood Explainer</i>, 1 June 2024, ${url}.`);
  });

  it('Chicago notes and bibliography: the page title first, then the site, title-cased as APA writes it (format.ts, WebpageSite)', () => {
    // CMOS 14.206 would print "Last modified June 1, 2024."; CSL has no "modified" date, so the
    // official style prints the date as the page's own. The site is given to it as the page's
    // publisher, which it writes after the title and before the date, with a comma.
    expect(text(cited, 'chicago')).toBe(`“The River Town Flood.” River Town Flood Explainer, June 1, 2024. ${url}.`);
  });

  it("Harvard (Cite Them Right), in British English: title first, year, site (title-cased as APA writes it), URL; the access date is the reader's", () => {
    expect(text(cited, 'harvard')).toBe(`The River Town flood (2024) River Town Flood Explainer. Available at: ${url}.`);
  });

  it('every style names the site as APA does, from the name as site.json writes it; the record keeps it as written', () => {
    const item = pageCslItem({ page: { title: 'Background', updated: '2026-06-01' }, site: { title: 'Armenia and Azerbaijan: a cited explainer' }, path: '/background/', base: '/' });
    const styles = formatWithCiteproc(item);
    for (const id of ['apa', 'mla', 'chicago', 'harvard'] as const) expect(text(styles, id), id).toContain('Armenia and Azerbaijan: A Cited Explainer');
    expect(text(styles, 'chicago')).toBe('“Background.” Armenia and Azerbaijan: A Cited Explainer, June 1, 2026.');
    expect(item['container-title']).toBe('Armenia and Azerbaijan: a cited explainer');
    expect(styles.bibtex).toContain('organization = {{Armenia and Azerbaijan: a cited explainer}}');
  });

  it('BibTeX: an @online entry keyed by the page path, with the site name as its organization and the full date', () => {
    expect(cited.bibtex).toBe(
      [
        '@online{bridges_closures,',
        '  title = {{The} {River} {Town} flood},',
        '  organization = {{River Town flood explainer}},',
        '  year = {2024},',
        '  month = jun,',
        '  date = {2024-06-01},',
        `  url = {${url}},`,
        '}',
        '',
      ].join('\n'),
    );
  });

  it('BibTeX round-trips through citation-js’s BibTeX parser to the same title, date and URL', () => {
    const [parsed] = new Cite(cited.bibtex, { forceType: '@biblatex/text' }).data;
    expect(parsed.title).toBe('The River Town flood');
    expect(parsed.issued).toEqual({ 'date-parts': [[2024, 6, 1]] });
    expect(parsed.URL).toBe(url);
  });

  it('RIS parses, with the title, site name, date and URL', () => {
    expect(cited.ris.startsWith('TY  - ELEC\n')).toBe(true);
    expect(cited.ris.endsWith('ER  - \n')).toBe(true);
    const [parsed] = new Cite(cited.ris, { forceType: '@ris/file' }).data;
    expect(parsed.title).toBe('The River Town flood');
    // citation-js reads an ELEC record's T2 as the collection (Zotero: the website's title).
    expect(parsed['collection-title']).toBe('River Town flood explainer');
    expect(parsed.issued).toEqual({ 'date-parts': [[2024, 6, 1]] });
    expect(parsed.URL).toBe(url);
  });

  it('CSL-JSON parses back to the item', () => {
    expect(JSON.parse(cited.cslJson)).toEqual([page]);
  });

  it('is the same on every run and any day (no clock, no random ids)', () => {
    vi.useFakeTimers({ now: new Date('2031-03-04T05:06:07Z'), toFake: ['Date'] });
    try {
      const later = formatWithCiteproc(page);
      expect(later).toEqual(cited);
      expect(JSON.stringify(later)).not.toMatch(/2031/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('carries no style attribute (the CSP forbids them): citeproc’s upright title inside an italic one becomes a class', () => {
    const nested = formatWithCiteproc({ ...page, id: 'nested', title: 'Reading <i>The River Town News</i> in 2024' });
    for (const style of nested.styles) expect(style.html, style.id).not.toContain('style=');
    expect(nested.styles.map((style) => style.html).join(' ')).toContain('class="csl-upright"');
  });
});

describe('formatCitation of an archived source (the original article)', () => {
  it('cites the publisher, headline, author and URL, dated as published', () => {
    const meta = archivedSource('river-report', ['Text.'], {
      publisher: 'River Town News',
      headline: 'River Town bridges closed as water rises',
      author: { name: 'Jane Example', note: null },
      published: { date: '2024-05-06', time: '18:00', timezone: 'UTC', estimate: false, basis: null },
      url: 'https://news.example/flood-day-one',
      archived: '2024-06-01',
    }).meta;
    const source = formatCitation(sourceCslItem(meta, '/'));
    // The byline is kept as written (a CSL literal name), as the archive cannot tell given from family names.
    expect(text(source, 'apa')).toBe('Jane Example. (2024, May 6). River Town bridges closed as water rises. River Town News. https://news.example/flood-day-one');
    expect(text(source, 'mla')).toBe('Jane Example. “River Town Bridges Closed as Water Rises.” River Town News, 6 May 2024, https://news.example/flood-day-one.');
    expect(text(source, 'chicago')).toBe('Jane Example. “River Town Bridges Closed as Water Rises.” River Town News, May 6, 2024. https://news.example/flood-day-one.');
    expect(text(source, 'harvard')).toBe(
      'Jane Example (2024) ‘River Town bridges closed as water rises’, River Town News, 6 May. Available at: https://news.example/flood-day-one (Accessed: 1 June 2024).',
    );
    expect(source.bibtex.startsWith('@article{sources_river_report,\n  entrysubtype = {newspaper},\n')).toBe(true);
  });

  it('shows an estimated date as the styles mark one, and leaves out an unknown author and URL', () => {
    const meta = archivedSource('river-later', ['Text.'], {
      publisher: 'River Town News',
      headline: 'Both bridges reopen',
      author: { name: null, note: 'no byline' },
      published: { date: '2024-05-07', time: null, timezone: null, estimate: true, basis: 'the dateline of a later report' },
      url: null,
      archived: '2024-06-01',
    }).meta;
    const source = formatCitation(sourceCslItem(meta, '/'));
    expect(text(source, 'apa')).toBe('Both bridges reopen. (ca. 2024, May 7). River Town News.');
    // CMOS 14.207: in a bibliography the newspaper's name stands in for a missing author (the
    // style then joins title and date with a comma, as for web pages).
    expect(text(source, 'chicago')).toBe('River Town News. “Both Bridges Reopen,” [May 7, 2024?].');
    expect(text(source, 'mla')).toBe('“Both Bridges Reopen.” River Town News, 7 May 2024.');
    expect(JSON.parse(source.cslJson)[0].custom.certainty.issued).toBe('estimate: the dateline of a later report');
  });
});

describe('toBibtex', () => {
  it('writes several items as one BibTeX file that parses back to them', async () => {
    const second = pageCslItem({ page: { title: 'The weir', updated: '2024-06-02' }, site: { title: 'River Town flood explainer' }, path: '/weir/', base: '/' });
    const bib = toBibtex([page, second]);
    const parsed = (await Cite.async(bib)).data as Array<{ title: string; 'citation-key'?: string }>;
    expect(parsed.map((entry) => entry.title)).toEqual(['The River Town flood', 'The weir']);
  });
});
