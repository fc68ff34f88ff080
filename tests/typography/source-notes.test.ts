import { describe, expect, it } from 'vitest';
import type { SourceMeta } from '../../packages/cited-explainer/schemas/source.ts';
import { notesForReaders } from '../../packages/cited-explainer/typography/source-notes.ts';

const meta: SourceMeta = {
  id: 'town-news',
  publisher: "Town's News",
  publisherNote: "a re-post ('Leave a Reply')",
  section: '"world" section',
  headline: "Mayor's 'plan'",
  author: { name: "Pat O'Neil", note: "unsigned; 'By staff'" },
  published: { date: '2021-11-16', time: null, timezone: null, estimate: true, basis: "the page's calendar" },
  url: null,
  urlConfidence: "the archive's copy",
  republishedFrom: "headline 'Flood'",
  reworded: false,
  archived: '2021-11-20',
  sha256: '0'.repeat(64),
  raw: 'raw/town.txt',
  notes: ["line 3: 'whre'"],
};

describe('notesForReaders', () => {
  it("gives the archivist's notes typographer's quotes and leaves the source's own words as published", () => {
    const shown = notesForReaders(meta);
    expect(shown.publisherNote).toBe('a re-post (‘Leave a Reply’)');
    expect(shown.section).toBe('“world” section');
    expect(shown.author).toEqual({ name: "Pat O'Neil", note: 'unsigned; ‘By staff’' });
    expect(shown.published.basis).toBe('the page’s calendar');
    expect(shown.urlConfidence).toBe('the archive’s copy');
    expect(shown.republishedFrom).toBe('headline ‘Flood’');
    expect(shown.notes).toEqual(['line 3: ‘whre’']);
    expect([shown.publisher, shown.headline]).toEqual([meta.publisher, meta.headline]);
  });
});
