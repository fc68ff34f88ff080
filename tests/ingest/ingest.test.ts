import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IngestError, ingest } from '../../src/ingest/ingest.ts';
import { maxRawBytes } from '../../src/ingest/decode.ts';
import { readArchive } from '../../src/archive/read.ts';

/** A scratch content folder holding a copy of the project's raw inputs and archive. */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-'));
  cpSync('content/raw', join(dir, 'raw'), { recursive: true });
  cpSync('content/sources', join(dir, 'sources'), { recursive: true });
  return dir;
}

/** Every file under a folder with its bytes, to prove nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[join(entry.parentPath, entry.name)] = readFileSync(join(entry.parentPath, entry.name), 'base64');
  }
  return files;
}

const rawFiles = (dir: string) => readdirSync(join(dir, 'raw')).filter((f) => f.endsWith('.txt')).map((f) => join(dir, 'raw', f));

describe('ingest', () => {
  it('re-creates the committed archive byte for byte from the raw inputs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-fresh-'));
    cpSync('content/raw', join(dir, 'raw'), { recursive: true });
    ingest({ contentDir: dir, files: rawFiles(dir), archived: '1999-01-01' });
    const committed = readdirSync('content/sources').sort();
    expect(readdirSync(join(dir, 'sources')).sort()).toEqual(committed);
    for (const name of committed) {
      expect(readFileSync(join(dir, 'sources', name), 'utf8'), name).toBe(readFileSync(join('content/sources', name), 'utf8'));
    }
  });

  it('refuses to replace an archived source without force, and replaces it with force', () => {
    const dir = scratch();
    const before = snapshot(dir);
    const [first] = rawFiles(dir);
    expect(() => ingest({ contentDir: dir, files: [first], archived: '2026-01-01' })).toThrow(/is already archived at .* \(pass --force to replace it\)/);
    expect(snapshot(dir)).toEqual(before);
    ingest({ contentDir: dir, files: [first], archived: '2026-01-01', force: true });
    expect(snapshot(dir)).toEqual(before); // same input, same archive
  });

  const badInputs: Array<[string, Uint8Array | string, RegExp]> = [
    ['empty', '', /the file is empty/],
    ['whitespace only', ' \n\t\n', /only whitespace/],
    ['binary', new Uint8Array([72, 105, 0, 33]), /binary \(NUL byte at offset 2\)/],
    ['invalid UTF-8', new Uint8Array([72, 105, 0xc3, 0x28]), /not valid UTF-8 \(first bad byte at offset 2\)/],
    ['oversized', 'a'.repeat(maxRawBytes + 1), /over the 1048576-byte limit/],
  ];

  for (const [name, bytes, message] of badInputs) {
    it(`refuses a raw article that is ${name}, in one line, leaving content unchanged`, () => {
      const dir = scratch();
      const incoming = mkdtempSync(join(tmpdir(), 'incoming-'));
      writeFileSync(join(incoming, 'provenance.json'), readFileSync('content/raw/provenance.json'));
      const file = join(incoming, '000_97bd53f18ffc2277.txt');
      writeFileSync(file, bytes);
      const good = join(incoming, '001_47821bafeb867471.txt');
      cpSync('content/raw/001_47821bafeb867471.txt', good);
      const before = snapshot(dir);
      let error: unknown;
      try {
        ingest({ contentDir: dir, files: [good, file], archived: '2026-01-01', force: true });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(IngestError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).toContain(file);
      expect((error as Error).message).not.toContain('\n');
      expect(snapshot(dir)).toEqual(before); // the good file in the same run was not written either
    });
  }

  it('refuses a missing file and a file without a provenance record', () => {
    const dir = scratch();
    expect(() => ingest({ contentDir: dir, files: [join(dir, 'raw', 'nope.txt')], archived: '2026-01-01' })).toThrow(/nope\.txt: no such file/);
    const stray = join(dir, 'raw', 'stray.txt');
    writeFileSync(stray, 'Some article\n');
    expect(() => ingest({ contentDir: dir, files: [stray], archived: '2026-01-01' })).toThrow(/no provenance record with "file": "stray\.txt"/);
  });

  it('copies a raw input from elsewhere into content/raw with its provenance record', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-copy-'));
    const incoming = mkdtempSync(join(tmpdir(), 'incoming-'));
    const records = JSON.parse(readFileSync('content/raw/provenance.json', 'utf8')).map((r: Record<string, unknown>) => ({ ...r, archived: undefined }));
    writeFileSync(join(incoming, 'provenance.json'), JSON.stringify(records));
    cpSync('content/raw/001_47821bafeb867471.txt', join(incoming, '001_47821bafeb867471.txt'));
    ingest({ contentDir: dir, files: [join(incoming, '001_47821bafeb867471.txt')], archived: '2026-02-03' });
    expect(readFileSync(join(dir, 'raw', '001_47821bafeb867471.txt'), 'utf8')).toBe(readFileSync('content/raw/001_47821bafeb867471.txt', 'utf8'));
    const kept = JSON.parse(readFileSync(join(dir, 'raw', 'provenance.json'), 'utf8'));
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ file: '001_47821bafeb867471.txt', archived: '2026-02-03' });
    expect(readFileSync(join(dir, 'sources', 'axadle-afp-2021-11-16-armenia-border-clashes.md'), 'utf8')).toContain('archived: 2026-02-03');
  });

  it('marks a reworded copy in its archive metadata, and refuses "reworded" without what it rewords', () => {
    const dir = scratch();
    const axadle = readArchive(join(dir, 'sources')).get('axadle-afp-2021-11-16-armenia-border-clashes')!;
    expect(axadle.meta.reworded).toBe(true);
    expect(readArchive(join(dir, 'sources')).get('jpost-2023-06-28-four-soldiers-killed-us-talks')!.meta.reworded).toBe(false);
    const records = JSON.parse(readFileSync(join(dir, 'raw', 'provenance.json'), 'utf8'));
    const jpost = records.find((r: { id: string }) => r.id === 'jpost-2023-06-28-four-soldiers-killed-us-talks');
    jpost.reworded = true;
    writeFileSync(join(dir, 'raw', 'provenance.json'), JSON.stringify(records));
    expect(() => ingest({ contentDir: dir, files: [join(dir, 'raw', jpost.file)], archived: '2026-01-01', force: true })).toThrow(
      /reworded: a reworded copy must say what it rewords in "republished_from"/,
    );
  });
});
