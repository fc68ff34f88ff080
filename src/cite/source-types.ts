import { defaultSourceType, type SourceType } from '../schemas/source-type.ts';
import type { SourceMeta } from '../schemas/source.ts';

/**
 * How each kind of source is named and cited. The provenance field `publisher` is the publication
 * a periodical or website item appears in (CSL `container-title`), whoever issued a stand-alone
 * document (a book, a report: CSL `publisher`), or where a speech was delivered (CSL
 * `event-place`). BibTeX types are the ones pandoc and biblatex read back as the CSL type (pandoc
 * reads `@unpublished` as a manuscript unless it names an event, which our records do not); RIS
 * has no speech type, so a speech is `GEN`, the generic one.
 */
export interface SourceTypeFormat {
  /** What readers see: "Speech". */
  label: string;
  /** The noun for one document of this kind in running text: "the original speech". */
  noun: string;
  /** Its plural: "these archived speeches". */
  nouns: string;
  /** One of a list of sources all of this kind: "every archived news article". */
  listNoun: string;
  csl: 'article-newspaper' | 'article-magazine' | 'article-journal' | 'webpage' | 'speech' | 'book' | 'report' | 'legislation';
  /** The CSL field the provenance's `publisher` fills; RIS writes it as T2, PB or CY (risPublisherTag). */
  publisherAs: 'container-title' | 'publisher' | 'event-place';
  /** What the source page calls the provenance's `publisher`. */
  publisherLabel: string;
  bibtex: { type: string; entrysubtype?: string; publisherField: 'journal' | 'publisher' | 'institution' | 'venue' };
  ris: string;
  /** The schema.org type of a page's cited work in its JSON-LD (schema.org has no speech: a CreativeWork). */
  schemaOrg: string;
}

export const sourceTypeFormats: Readonly<Record<SourceType, SourceTypeFormat>> = {
  'newspaper-article': { label: 'Newspaper article', noun: 'article', nouns: 'articles', listNoun: 'news article', csl: 'article-newspaper', publisherAs: 'container-title', publisherLabel: 'Publisher', bibtex: { type: 'article', entrysubtype: 'newspaper', publisherField: 'journal' }, ris: 'NEWS', schemaOrg: 'NewsArticle' },
  'magazine-article': { label: 'Magazine article', noun: 'article', nouns: 'articles', listNoun: 'magazine article', csl: 'article-magazine', publisherAs: 'container-title', publisherLabel: 'Publisher', bibtex: { type: 'article', entrysubtype: 'magazine', publisherField: 'journal' }, ris: 'MGZN', schemaOrg: 'Article' },
  'journal-article': { label: 'Journal article', noun: 'article', nouns: 'articles', listNoun: 'journal article', csl: 'article-journal', publisherAs: 'container-title', publisherLabel: 'Publisher', bibtex: { type: 'article', publisherField: 'journal' }, ris: 'JOUR', schemaOrg: 'ScholarlyArticle' },
  'web-page': { label: 'Web page', noun: 'page', nouns: 'pages', listNoun: 'web page', csl: 'webpage', publisherAs: 'container-title', publisherLabel: 'Publisher', bibtex: { type: 'online', publisherField: 'journal' }, ris: 'ELEC', schemaOrg: 'WebPage' },
  speech: { label: 'Speech', noun: 'speech', nouns: 'speeches', listNoun: 'speech', csl: 'speech', publisherAs: 'event-place', publisherLabel: 'Delivered at', bibtex: { type: 'unpublished', publisherField: 'venue' }, ris: 'GEN', schemaOrg: 'CreativeWork' },
  book: { label: 'Book', noun: 'book', nouns: 'books', listNoun: 'book', csl: 'book', publisherAs: 'publisher', publisherLabel: 'Publisher', bibtex: { type: 'book', publisherField: 'publisher' }, ris: 'BOOK', schemaOrg: 'Book' },
  report: { label: 'Report', noun: 'report', nouns: 'reports', listNoun: 'report', csl: 'report', publisherAs: 'publisher', publisherLabel: 'Publisher', bibtex: { type: 'report', publisherField: 'institution' }, ris: 'RPRT', schemaOrg: 'Report' },
  'legal-document': { label: 'Legal document', noun: 'document', nouns: 'documents', listNoun: 'legal document', csl: 'legislation', publisherAs: 'publisher', publisherLabel: 'Publisher', bibtex: { type: 'legislation', publisherField: 'publisher' }, ris: 'LEGAL', schemaOrg: 'Legislation' },
};

/** The RIS tag of each CSL field a provenance's `publisher` may fill. */
export const risPublisherTag: Readonly<Record<SourceTypeFormat['publisherAs'], string>> = { 'container-title': 'T2', publisher: 'PB', 'event-place': 'CY' };

/** A source's kind: the one its provenance names, or a newspaper article. */
export const sourceTypeOf = (meta: Pick<SourceMeta, 'type'>): SourceType => meta.type ?? defaultSourceType;

export const sourceFormatOf = (meta: Pick<SourceMeta, 'type'>): SourceTypeFormat => sourceTypeFormats[sourceTypeOf(meta)];

/** What a list of sources holds, in words: "news article(s)" when all are of that kind, else "source(s)". */
export function sourceListNouns(metas: ReadonlyArray<Pick<SourceMeta, 'type'>>): { one: string; many: string } {
  const kinds = new Set(metas.map(sourceTypeOf));
  if (kinds.size !== 1) return { one: 'source', many: 'sources' };
  const format = sourceTypeFormats[[...kinds][0]];
  return { one: format.listNoun, many: format.nouns };
}
