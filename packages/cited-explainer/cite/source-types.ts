import type { Strings } from '../i18n/strings.ts';
import type { SourceMeta } from '../schemas/source.ts';
import { defaultSourceType, type SourceType } from '../schemas/source-type.ts';

/**
 * How each kind of source is named and cited. The provenance field `publisher` is the publication
 * a periodical or website item appears in (CSL `container-title`), whoever issued a stand-alone
 * document (a book, a report: CSL `publisher`), or where a speech was delivered (CSL
 * `event-place`). BibTeX types are the ones pandoc and biblatex read back as the CSL type (pandoc
 * reads `@unpublished` as a manuscript unless it names an event, which our records do not); RIS
 * has no speech type, so a speech is `GEN`, the generic one.
 */
export interface SourceTypeFormat {
  csl: 'article-newspaper' | 'article-magazine' | 'article-journal' | 'webpage' | 'speech' | 'book' | 'report' | 'legislation';
  /** The CSL field the provenance's `publisher` fills; RIS writes it as T2, PB or CY (risPublisherTag). */
  publisherAs: 'container-title' | 'publisher' | 'event-place';
  bibtex: { type: string; entrysubtype?: string; publisherField: 'journal' | 'organization' | 'publisher' | 'institution' | 'venue' };
  ris: string;
  /** The schema.org type of a page's cited work in its JSON-LD (schema.org has no speech: a CreativeWork). */
  schemaOrg: string;
}

export const sourceTypeFormats: Readonly<Record<SourceType, SourceTypeFormat>> = {
  'newspaper-article': {
    csl: 'article-newspaper',
    publisherAs: 'container-title',
    bibtex: { type: 'article', entrysubtype: 'newspaper', publisherField: 'journal' },
    ris: 'NEWS',
    schemaOrg: 'NewsArticle',
  },
  'magazine-article': { csl: 'article-magazine', publisherAs: 'container-title', bibtex: { type: 'article', entrysubtype: 'magazine', publisherField: 'journal' }, ris: 'MGZN', schemaOrg: 'Article' },
  'journal-article': { csl: 'article-journal', publisherAs: 'container-title', bibtex: { type: 'article', publisherField: 'journal' }, ris: 'JOUR', schemaOrg: 'ScholarlyArticle' },
  // biblatex ignores `journal` in an @online entry: the site's name is its `organization`.
  'web-page': { csl: 'webpage', publisherAs: 'container-title', bibtex: { type: 'online', publisherField: 'organization' }, ris: 'ELEC', schemaOrg: 'WebPage' },
  speech: { csl: 'speech', publisherAs: 'event-place', bibtex: { type: 'unpublished', publisherField: 'venue' }, ris: 'GEN', schemaOrg: 'CreativeWork' },
  book: { csl: 'book', publisherAs: 'publisher', bibtex: { type: 'book', publisherField: 'publisher' }, ris: 'BOOK', schemaOrg: 'Book' },
  report: { csl: 'report', publisherAs: 'publisher', bibtex: { type: 'report', publisherField: 'institution' }, ris: 'RPRT', schemaOrg: 'Report' },
  'legal-document': { csl: 'legislation', publisherAs: 'publisher', bibtex: { type: 'legislation', publisherField: 'publisher' }, ris: 'LEGAL', schemaOrg: 'Legislation' },
};

/** The RIS tag of each CSL field a provenance's `publisher` may fill. */
export const risPublisherTag: Readonly<Record<SourceTypeFormat['publisherAs'], string>> = { 'container-title': 'T2', publisher: 'PB', 'event-place': 'CY' };

/** A source's kind: the one its provenance names, or a newspaper article. */
export const sourceTypeOf = (meta: Pick<SourceMeta, 'type'>): SourceType => meta.type ?? defaultSourceType;

export const sourceFormatOf = (meta: Pick<SourceMeta, 'type'>): SourceTypeFormat => sourceTypeFormats[sourceTypeOf(meta)];

/** What readers call a source's kind, in the site's language (locales/*.json, "sourceTypes"). */
export const sourceWordsOf = (meta: Pick<SourceMeta, 'type'>, strings: Strings) => strings.sourceTypes[sourceTypeOf(meta)];

/** What a list of sources holds, in words: "news article(s)" when all are of that kind, else "source(s)". */
export function sourceListWords(metas: ReadonlyArray<Pick<SourceMeta, 'type'>>, strings: Strings): { listNoun: string; nouns: string } {
  const kinds = new Set(metas.map(sourceTypeOf));
  return kinds.size === 1 ? strings.sourceTypes[[...kinds][0]] : strings.sourceTypes.mixed;
}
