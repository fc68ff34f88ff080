import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bibtexEntry, exportFormatOf, risRecord } from '../../packages/cited-explainer/cite/export.ts';
import { sourceCslItem } from '../../packages/cited-explainer/cite/item.ts';
import { risPublisherTag, sourceFormatOf, sourceListWords, sourceTypeFormats } from '../../packages/cited-explainer/cite/source-types.ts';
import { defaultLocale } from '../../packages/cited-explainer/i18n/locale.ts';
import { articleLd } from '../../packages/cited-explainer/lib/structured-data.ts';
import { provenanceRecordSchema } from '../../packages/cited-explainer/schemas/provenance.ts';
import { type SourceType, sourceTypeSchema } from '../../packages/cited-explainer/schemas/source-type.ts';
import { archivedSource } from '../helpers/archive-fixture.ts';
import { pandoc, pandocMissing } from '../helpers/reference-readers.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/** A source of the given kind (or of none), as the site cites it. */
const itemOf = (type: SourceType | undefined) =>
  sourceCslItem(
    archivedSource('bliss-copy', ['Text.'], {
      type,
      publisher: 'Abraham Lincoln',
      headline: 'Address',
      author: { name: 'Abraham Lincoln', note: null },
      published: { date: '1863-11-19', time: null, timezone: null, estimate: false, basis: null },
      url: null,
    }).meta,
    '/',
  );

const risTag = (ris: string, tag: string) =>
  ris
    .split('\n')
    .find((line) => line.startsWith(`${tag}  - `))
    ?.slice(6);

describe('the kind of a source', () => {
  it('is optional in a provenance record, and a newspaper article when left out', () => {
    const record = {
      file: 'a.txt',
      id: 'a',
      publisher: 'P',
      headline: 'H',
      author: 'unknown',
      published: { date: '2020-01-01', time: null, timezone: null, estimate: false, basis: null },
      url: null,
      url_confidence: 'none',
      republished_from: null,
    };
    expect(provenanceRecordSchema.parse(record)).not.toHaveProperty('type');
    expect(provenanceRecordSchema.parse({ ...record, type: 'speech' }).type).toBe('speech');
    expect(sourceFormatOf({}).csl).toBe('article-newspaper');
  });

  it('refuses an unknown kind, listing the ones it knows', () => {
    const result = sourceTypeSchema.safeParse('pamphlet');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/one of newspaper-article, .*speech/);
  });

  it('maps every kind to a distinct CSL type, and each CSL type back to its BibTeX and RIS form', () => {
    const csl = Object.values(sourceTypeFormats).map((format) => format.csl);
    expect(new Set(csl).size).toBe(csl.length);
    for (const format of Object.values(sourceTypeFormats)) expect(exportFormatOf(format.csl)).toBe(format);
  });

  it.each([
    // kind, CSL type, where the publisher goes, BibTeX type (+ entrysubtype), BibTeX publisher field, RIS type
    ['newspaper-article', 'article-newspaper', 'container-title', '@article', 'newspaper', 'journal', 'NEWS'],
    ['magazine-article', 'article-magazine', 'container-title', '@article', 'magazine', 'journal', 'MGZN'],
    ['journal-article', 'article-journal', 'container-title', '@article', undefined, 'journal', 'JOUR'],
    ['web-page', 'webpage', 'container-title', '@online', undefined, 'organization', 'ELEC'],
    ['speech', 'speech', 'event-place', '@unpublished', undefined, 'venue', 'GEN'],
    ['book', 'book', 'publisher', '@book', undefined, 'publisher', 'BOOK'],
    ['report', 'report', 'publisher', '@report', undefined, 'institution', 'RPRT'],
    ['legal-document', 'legislation', 'publisher', '@legislation', undefined, 'publisher', 'LEGAL'],
  ] as const)('%s: CSL %s, the publisher as %s, BibTeX %s, RIS %s', (type, csl, publisherAs, bibType, subtype, bibField, ris) => {
    const item = itemOf(type);
    expect(item.type).toBe(csl);
    expect(item[publisherAs]).toBe('Abraham Lincoln');
    for (const other of ['container-title', 'publisher', 'event-place'] as const) if (other !== publisherAs) expect(item).not.toHaveProperty(other);
    const bib = bibtexEntry(item);
    expect(bib.startsWith(`${bibType}{sources_bliss_copy,\n`)).toBe(true);
    expect(bib.includes('entrysubtype')).toBe(subtype !== undefined);
    if (subtype) expect(bib).toContain(`  entrysubtype = {${subtype}},\n`);
    // biblatex's list fields are braced, so a name with "and" in it stays one name.
    expect(bib).toContain(['organization', 'publisher', 'institution'].includes(bibField) ? `  ${bibField} = {{Abraham Lincoln}},\n` : `  ${bibField} = {Abraham Lincoln},\n`);
    const record = risRecord(item);
    expect(risTag(record, 'TY')).toBe(ris);
    for (const [field, tag] of Object.entries(risPublisherTag)) expect(risTag(record, tag), tag).toBe(field === publisherAs ? 'Abraham Lincoln' : undefined);
  });

  it('a source without a kind is cited exactly as a newspaper article', () => {
    expect(itemOf(undefined)).toEqual(itemOf('newspaper-article'));
  });

  it('names a list of sources by their common kind, or "sources" when they differ', () => {
    const { strings } = defaultLocale;
    expect(sourceListWords([{}, { type: 'newspaper-article' }], strings)).toMatchObject({ listNoun: 'news article', nouns: 'articles' });
    expect(sourceListWords([{ type: 'speech' }], strings)).toMatchObject({ listNoun: 'speech', nouns: 'speeches' });
    expect(sourceListWords([{}, { type: 'book' }], strings)).toEqual({ listNoun: 'source', nouns: 'sources' });
  });
});

describe.skipIf(pandocMissing)('the exports of each kind, read back by reference readers', () => {
  const work = tempDir('source-types-');
  /** The CSL field a kind's publisher lands in, as pandoc and citation-js name it. */
  const publisherField = (type: SourceType) => sourceTypeFormats[type].publisherAs;
  const risPlace = { 'container-title': 'container-title', publisher: 'publisher', 'event-place': 'publisher-place' } as const;

  it.each(sourceTypeSchema.options)('%s: pandoc reads the BibTeX back as the same CSL type, citation-js the RIS', (type) => {
    const item = itemOf(type);
    const file = join(work, `${type}.bib`);
    writeFileSync(file, bibtexEntry(item));
    const [back] = JSON.parse(pandoc(['-f', 'biblatex', '-t', 'csljson', file])) as Array<Record<string, unknown>>;
    // pandoc reads @unpublished with a venue as a speech, and an @online entry's organization (the site's name) as its publisher.
    expect(back).toMatchObject({ type: item.type, [type === 'web-page' ? 'publisher' : publisherField(type)]: 'Abraham Lincoln', title: 'Address' });
    const [fromRis] = new Cite(risRecord(item)).data as Array<Record<string, unknown>>;
    // RIS has no speech type: GEN, which citation-js reads as a generic document; it reads an ELEC record's T2 as the collection (Zotero: the website's title).
    const risField = type === 'web-page' ? 'collection-title' : risPlace[publisherField(type)];
    expect(fromRis).toMatchObject({ type: type === 'speech' ? 'document' : item.type, [risField]: 'Abraham Lincoln' });
  });
});

describe('a cited work in a page’s structured data', () => {
  it('is a NewsArticle with its publisher by default, a CreativeWork with its place for a speech', () => {
    const cites = [
      { headline: 'Bridges reopen', publisher: 'River Town News', published: '2024-05-07', url: null },
      { headline: 'Gettysburg Address', publisher: 'Gettysburg, Pennsylvania', published: '1863-11-19', url: null, type: 'speech' as const },
    ];
    const ld = articleLd({ title: 'T', description: 'D', url: '/', updated: '2026-11-29', siteTitle: 'S', cites }, undefined);
    expect(ld.citation).toEqual([
      { '@type': 'NewsArticle', headline: 'Bridges reopen', publisher: { '@type': 'Organization', name: 'River Town News' }, datePublished: '2024-05-07' },
      { '@type': 'CreativeWork', headline: 'Gettysburg Address', locationCreated: { '@type': 'Place', name: 'Gettysburg, Pennsylvania' }, datePublished: '1863-11-19' },
    ]);
  });
});
