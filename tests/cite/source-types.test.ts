import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bibtexEntry, exportFormatOf, risRecord } from '../../src/cite/export.ts';
import { sourceCslItem } from '../../src/cite/item.ts';
import { sourceFormatOf, sourceListNouns, sourceTypeFormats } from '../../src/cite/source-types.ts';
import { provenanceRecordSchema } from '../../src/schemas/provenance.ts';
import { sourceTypeSchema, type SourceType } from '../../src/schemas/source-type.ts';
import { archivedSource } from '../helpers/archive-fixture.ts';
import { pandoc, pandocMissing } from '../helpers/reference-readers.ts';

/** A source of the given kind (or of none), as the site cites it. */
const itemOf = (type: SourceType | undefined) =>
  sourceCslItem(archivedSource('bliss-copy', ['Text.'], { type, publisher: 'Abraham Lincoln', headline: 'Address', author: { name: 'Abraham Lincoln', note: null }, published: { date: '1863-11-19', time: null, timezone: null, estimate: false, basis: null }, url: null }).meta, '/');

const risTag = (ris: string, tag: string) => ris.split('\n').find((line) => line.startsWith(`${tag}  - `))?.slice(6);

describe('the kind of a source', () => {
  it('is optional in a provenance record, and a newspaper article when left out', () => {
    const record = { file: 'a.txt', id: 'a', publisher: 'P', headline: 'H', author: 'unknown', published: { date: '2020-01-01', time: null, timezone: null, estimate: false, basis: null }, url: null, url_confidence: 'none', republished_from: null };
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
    ['web-page', 'webpage', 'container-title', '@online', undefined, 'journal', 'ELEC'],
    ['speech', 'speech', 'publisher', '@unpublished', undefined, 'howpublished', 'GEN'],
    ['book', 'book', 'publisher', '@book', undefined, 'publisher', 'BOOK'],
    ['report', 'report', 'publisher', '@report', undefined, 'institution', 'RPRT'],
    ['legal-document', 'legislation', 'publisher', '@legislation', undefined, 'publisher', 'LEGAL'],
  ] as const)('%s: CSL %s, the publisher as %s, BibTeX %s, RIS %s', (type, csl, publisherAs, bibType, subtype, bibField, ris) => {
    const item = itemOf(type);
    expect(item.type).toBe(csl);
    expect(item[publisherAs]).toBe('Abraham Lincoln');
    expect(item).not.toHaveProperty(publisherAs === 'publisher' ? 'container-title' : 'publisher');
    const bib = bibtexEntry(item);
    expect(bib.startsWith(`${bibType}{sources_bliss_copy,\n`)).toBe(true);
    expect(bib.includes('entrysubtype')).toBe(subtype !== undefined);
    if (subtype) expect(bib).toContain(`  entrysubtype = {${subtype}},\n`);
    expect(bib).toContain(`  ${bibField} = {Abraham Lincoln},\n`);
    const record = risRecord(item);
    expect(risTag(record, 'TY')).toBe(ris);
    expect(risTag(record, publisherAs === 'publisher' ? 'PB' : 'T2')).toBe('Abraham Lincoln');
    expect(risTag(record, publisherAs === 'publisher' ? 'T2' : 'PB')).toBeUndefined();
  });

  it('a source without a kind is cited exactly as a newspaper article', () => {
    expect(itemOf(undefined)).toEqual(itemOf('newspaper-article'));
  });

  it('names a list of sources by their common kind, or "sources" when they differ', () => {
    expect(sourceListNouns([{}, { type: 'newspaper-article' }])).toEqual({ one: 'news article', many: 'articles' });
    expect(sourceListNouns([{ type: 'speech' }])).toEqual({ one: 'speech', many: 'speeches' });
    expect(sourceListNouns([{}, { type: 'book' }])).toEqual({ one: 'source', many: 'sources' });
  });
});

describe.skipIf(pandocMissing)('the exports of each kind, read back by reference readers', () => {
  const work = mkdtempSync(join(tmpdir(), 'source-types-'));

  it.each(sourceTypeSchema.options.filter((type) => type !== 'speech'))('%s: pandoc reads the BibTeX as the CSL type, citation-js the RIS', (type) => {
    const item = itemOf(type);
    const file = join(work, `${type}.bib`);
    writeFileSync(file, bibtexEntry(item));
    const [back] = JSON.parse(pandoc(['-f', 'biblatex', '-t', 'csljson', file])) as Array<Record<string, unknown>>;
    expect(back.type).toBe(item.type);
    expect(back.publisher ?? back['container-title']).toBe('Abraham Lincoln');
    const [fromRis] = new Cite(risRecord(item)).data as Array<Record<string, unknown>>;
    expect(fromRis.type).toBe(item.type);
  });

  it('speech: pandoc reads the BibTeX as a manuscript (biblatex has no speech), citation-js the RIS as a generic document', () => {
    const item = itemOf('speech');
    const file = join(work, 'speech.bib');
    writeFileSync(file, bibtexEntry(item));
    const [back] = JSON.parse(pandoc(['-f', 'biblatex', '-t', 'csljson', file])) as Array<Record<string, unknown>>;
    expect(back).toMatchObject({ type: 'manuscript', publisher: 'Abraham Lincoln', title: 'Address' });
    expect((new Cite(risRecord(item)).data as Array<Record<string, unknown>>)[0]).toMatchObject({ type: 'document', publisher: 'Abraham Lincoln' });
  });
});
