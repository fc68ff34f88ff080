import type { SourceMeta } from '../schemas/source.ts';

/** A source as a CSL-JSON item (article-newspaper), plus our own provenance fields. */
export function toCslItem(meta: SourceMeta, archivePath: string) {
  const [year, month, day] = meta.published.date.split('-').map(Number);
  const [aYear, aMonth, aDay] = meta.archived.split('-').map(Number);
  return {
    id: meta.id,
    type: 'article-newspaper',
    title: meta.headline,
    'container-title': meta.publisher,
    ...(meta.author.name ? { author: [{ literal: meta.author.name }] } : {}),
    issued: { 'date-parts': [[year, month, day]], ...(meta.published.estimate ? { circa: true } : {}) },
    ...(meta.url ? { URL: meta.url } : {}),
    accessed: { 'date-parts': [[aYear, aMonth, aDay]] },
    custom: {
      archive: archivePath,
      sha256: meta.sha256,
      certainty: {
        author: meta.author.name ? (meta.author.note ?? 'as stated') : `unknown: ${meta.author.note ?? ''}`.trim(),
        issued: meta.published.estimate ? `estimate: ${meta.published.basis ?? ''}`.trim() : 'as stated',
        URL: meta.urlConfidence,
      },
      republishedFrom: meta.republishedFrom,
    },
  };
}
