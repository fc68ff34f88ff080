import { type ArchivedSource, type BlockKind, joinBlocks, sha256, splitBlocks } from '../../packages/cited-explainer/archive/format.ts';
import type { SourceMeta } from '../../packages/cited-explainer/schemas/source.ts';

/** An in-memory archived source for unit tests. */
export function archivedSource(id: string, blocks: Array<string | { kind: BlockKind; text: string }>, meta: Partial<SourceMeta> = {}): ArchivedSource {
  const body = joinBlocks(blocks.map((block) => (typeof block === 'string' ? { kind: 'paragraph' as const, text: block } : block)));
  return {
    file: `content/sources/${id}.md`,
    body,
    blocks: splitBlocks(body),
    meta: {
      id,
      publisher: 'The Daily Example',
      publisherNote: null,
      section: null,
      headline: `Headline of ${id}`,
      author: { name: null, note: null },
      published: { date: '2022-03-25', time: null, timezone: null, estimate: false, basis: null },
      url: `https://news.example/${id}`,
      urlConfidence: 'found',
      republishedFrom: null,
      reworded: false,
      archived: '2026-11-22',
      sha256: sha256(body),
      raw: `raw/${id}.txt`,
      notes: [],
      ...meta,
    },
  };
}
