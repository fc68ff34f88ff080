import { describe, expect, it } from 'vitest';
import { joinBlocks, parseArchiveFile, serializeArchiveFile, sha256, splitBlocks } from '../../packages/cited-explainer/archive/format.ts';
import { archivedSource } from '../helpers/archive-fixture.ts';

describe('archive format', () => {
  it('splits a body into anchored blocks with offsets of their text', () => {
    const body = joinBlocks([
      { kind: 'standfirst', text: 'Lead.' },
      { kind: 'paragraph', text: 'First.' },
      { kind: 'heading', text: 'Part two' },
      { kind: 'paragraph', text: 'Second.' },
    ]);
    expect(body).toBe('> Lead.\n\nFirst.\n\n## Part two\n\nSecond.\n');
    const blocks = splitBlocks(body);
    expect(blocks.map((b) => [b.anchor, b.kind, b.text])).toEqual([
      ['p1', 'standfirst', 'Lead.'],
      ['p2', 'paragraph', 'First.'],
      ['p3', 'heading', 'Part two'],
      ['p4', 'paragraph', 'Second.'],
    ]);
    for (const block of blocks) expect(body.slice(block.start, block.end)).toBe(block.text);
  });

  it('round-trips through the file format', () => {
    const source = archivedSource('round-trip', ['One.', 'Two.'], { reworded: true, publisherNote: 'a re-post', section: 'World' });
    const parsed = parseArchiveFile(serializeArchiveFile(source.meta, source.body), 'x.md');
    expect(parsed.meta).toEqual(source.meta);
    expect(parsed.body).toBe(source.body);
  });

  it('catches a quietly edited body, naming the file', () => {
    const source = archivedSource('edited', ['The original words.']);
    const text = serializeArchiveFile(source.meta, source.body).replace('original', 'altered');
    expect(() => parseArchiveFile(text, 'content/sources/edited.md')).toThrow(/^content\/sources\/edited\.md: the archived body does not match its stored sha256/);
  });

  it('names the line of a bad metadata field', () => {
    const source = archivedSource('bad-date', ['Text.']);
    const text = serializeArchiveFile({ ...source.meta, archived: '2022-02-30' }, source.body);
    const line = text.split('\n').findIndex((l) => l.startsWith('archived:')) + 1;
    expect(() => parseArchiveFile(text, 'f.md')).toThrow(new RegExp(`^f\\.md:${line}: metadata field "archived": not a real calendar date`));
  });

  it('hashes the body as UTF-8', () => {
    expect(sha256('\u2019')).toBe('fbe7a43247c3ae64bacf6cc936b1532082faf51869b27a26c198ec4480af9c4b');
  });
});
