import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArchiveFile, sha256 } from '../../packages/cited-explainer/archive/format.ts';
import { readArchive } from '../../packages/cited-explainer/archive/read.ts';
import { checkAgainstIngest, metadataLine, verifyArchiveAgainstRaw } from '../../packages/cited-explainer/archive/verify.ts';
import { deriveArchive } from '../../packages/cited-explainer/ingest/derive.ts';
import { STAGING_FOLDER } from '../../packages/cited-explainer/lib/content-layout.ts';
import { provenanceFileSchema } from '../../packages/cited-explainer/schemas/provenance.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const id = 'jpost-2023-06-28-four-soldiers-killed-us-talks';
const archiveFile = `content/sources/${id}.md`;
const original = readFileSync(archiveFile, 'utf8');
const record = provenanceFileSchema.parse(JSON.parse(readFileSync('content/raw/provenance.json', 'utf8'))).find((r) => r.id === id)!;
const derived = deriveArchive({ ...record, archived: record.archived! }, readFileSync(`content/raw/${record.file}`, 'utf8'));

/** Checks an edited copy of the archive file against what ingest derives (the pure function). */
const check = (text: string) => () => checkAgainstIngest(text, parseArchiveFile(text, archiveFile), derived);
const lineOf = (text: string, start: string) => text.split('\n').findIndex((line) => line.startsWith(start)) + 1;

/** Rewrites the stored sha256 to match the (edited) body, as someone hiding an edit would. */
function rehash(text: string): string {
  const body = text.slice(text.indexOf('\n---\n') + 5);
  return text.replace(/^sha256: [0-9a-f]+$/m, `sha256: ${sha256(body)}`);
}

describe('archives are what ingest writes from their raw input', () => {
  it('accepts the archive as committed', () => {
    expect(check(original)).not.toThrow();
    expect(() => verifyArchiveAgainstRaw('content', readArchive('content/sources'))).not.toThrow();
  });

  it('catches an added paragraph under a recomputed sha256, naming the file and the line', () => {
    const tampered = rehash(`${original}\nThe ceasefire was agreed by everyone.\n`);
    expect(() => parseArchiveFile(tampered, archiveFile)).not.toThrow(); // the hash alone cannot tell
    const line = tampered.split('\n').length - 1;
    expect(check(tampered)).toThrow(
      new RegExp(`^${archiveFile}:${line}: the archived body differs from what ingest writes from raw/${record.file}: this line reads "The ceasefire was agreed by everyone\\.", ingest gives nothing`),
    );
  });

  it('catches a changed word under a recomputed sha256, at its line', () => {
    const tampered = rehash(original.replace('Four ethnic Armenian soldiers', 'Five ethnic Armenian soldiers'));
    const line = lineOf(tampered, 'Five ethnic Armenian soldiers');
    expect(line).toBeGreaterThan(0);
    expect(check(tampered)).toThrow(new RegExp(`^${archiveFile}:${line}: the archived body differs .*this line reads "Five ethnic Armenian soldiers.*ingest gives "Four ethnic`));
  });

  const edits: Array<[string, string, string, string]> = [
    ['publisher', 'publisher: ', 'publisher: The Jerusalem Post (jpost.com)\n', 'publisher'],
    ['a nested field', '  date: 2023-06-28', '  date: 2023-06-27', 'published.date'],
    ['the reworded flag', 'reworded: false', 'reworded: true', 'reworded'],
    ['a note', '  - Removed', '  - Kept', 'notes.3'],
    ['the raw path', 'raw: raw/', 'raw: raw/other-', 'raw'],
  ];
  for (const [name, find, replacement, field] of edits) {
    it(`catches an edited ${name}, naming the field "${field}" and its line`, () => {
      const at = original.split('\n').findIndex((line) => line.startsWith(find));
      expect(at, find).toBeGreaterThan(0);
      const lines = original.split('\n');
      lines[at] = replacement.endsWith('\n') ? replacement.slice(0, -1) : lines[at].replace(find, replacement);
      const tampered = lines.join('\n');
      expect(check(tampered)).toThrow(new RegExp(`^${archiveFile}:${at + 1}: metadata field "${field.replace('.', '\\.')}" differs from what ingest writes`));
    });
  }

  it('finds the line of a nested metadata field', () => {
    expect(metadataLine(original, ['published', 'date'])).toBe(lineOf(original, '  date:'));
    expect(metadataLine(original, ['author', 'name'])).toBe(lineOf(original, '  name:'));
    expect(metadataLine(original, ['notes', 3])).toBe(lineOf(original, '  - Removed'));
  });
});

describe('verifyArchiveAgainstRaw (the build glue)', () => {
  function scratch(): string {
    const dir = tempDir('verify-');
    cpSync('content/raw', join(dir, 'raw'), { recursive: true });
    cpSync('content/sources', join(dir, 'sources'), { recursive: true });
    return dir;
  }
  const verify = (dir: string) => () => verifyArchiveAgainstRaw(dir, readArchive(join(dir, 'sources'), dir), dir);

  it('refuses an archive whose raw input is missing', () => {
    const dir = scratch();
    rmSync(join(dir, 'raw', record.file));
    expect(verify(dir)).toThrow(new RegExp(`^raw/${record.file}: the raw input of "${id}" cannot be read: it is missing`));
  });

  it('refuses an archive without a provenance record', () => {
    const dir = scratch();
    const records = JSON.parse(readFileSync(join(dir, 'raw', 'provenance.json'), 'utf8')).filter((r: { id: string }) => r.id !== id);
    writeFileSync(join(dir, 'raw', 'provenance.json'), JSON.stringify(records));
    expect(verify(dir)).toThrow(new RegExp(`^sources/${id}\\.md:2: no record in raw/provenance\\.json has the id "${id}"`));
  });

  it('refuses an archive with no raw folder at all', () => {
    const dir = scratch();
    rmSync(join(dir, 'raw'), { recursive: true });
    expect(verify(dir)).toThrow(/^sources\/[a-z0-9-]+\.md:\d+: there is no raw\/provenance\.json/);
  });

  it('refuses to build over an interrupted ingest', () => {
    const dir = scratch();
    mkdirSync(join(dir, STAGING_FOLDER));
    expect(verify(dir)).toThrow(new RegExp(`^${STAGING_FOLDER}: an ingest was interrupted here`));
  });
});
