import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArchive } from '../../packages/cited-explainer/archive/read.ts';
import { maxRawBytes } from '../../packages/cited-explainer/ingest/decode.ts';
import { ingest } from '../../packages/cited-explainer/ingest/ingest.ts';
import { STAGING_FOLDER } from '../../packages/cited-explainer/lib/content-layout.ts';
import { refusal, scratch, snapshot } from '../helpers/ingest.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const rawFiles = (dir: string) =>
  readdirSync(join(dir, 'raw'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => join(dir, 'raw', f));

describe('ingest', () => {
  it('re-creates the committed archive byte for byte from the raw inputs', () => {
    const dir = tempDir('ingest-fresh-');
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
      const incoming = tempDir('incoming-');
      writeFileSync(join(incoming, 'provenance.json'), readFileSync('content/raw/provenance.json'));
      const file = join(incoming, '000_97bd53f18ffc2277.txt');
      writeFileSync(file, bytes);
      const good = join(incoming, '001_47821bafeb867471.txt');
      cpSync('content/raw/001_47821bafeb867471.txt', good);
      // The good file in the same run is not written either.
      const refused = refusal(dir, () => ingest({ contentDir: dir, files: [good, file], archived: '2026-01-01', force: true }));
      expect(refused).toMatch(message);
      expect(refused).toContain(file);
    });
  }

  it('refuses a missing file and a file without a provenance record', () => {
    const dir = scratch();
    expect(() => ingest({ contentDir: dir, files: [join(dir, 'raw', 'nope.txt')], archived: '2026-01-01' })).toThrow(/nope\.txt: no such file/);
    const stray = join(dir, 'raw', 'stray.txt');
    writeFileSync(stray, 'Some article\n');
    expect(() => ingest({ contentDir: dir, files: [stray], archived: '2026-01-01' })).toThrow(/no provenance record with "file": "stray\.txt"/);
  });

  it('copies a raw input from elsewhere into content/raw under its id, with its provenance record', () => {
    const dir = tempDir('ingest-copy-');
    const incoming = tempDir('incoming-');
    const records = JSON.parse(readFileSync('content/raw/provenance.json', 'utf8')).map((r: Record<string, unknown>) => ({ ...r, archived: undefined }));
    writeFileSync(join(incoming, 'provenance.json'), JSON.stringify(records));
    cpSync('content/raw/001_47821bafeb867471.txt', join(incoming, '001_47821bafeb867471.txt'));
    ingest({ contentDir: dir, files: [join(incoming, '001_47821bafeb867471.txt')], archived: '2026-02-03' });
    expect(readFileSync(join(dir, 'raw', 'axadle-afp-2021-11-16-armenia-border-clashes.txt'), 'utf8')).toBe(readFileSync('content/raw/001_47821bafeb867471.txt', 'utf8'));
    const kept = JSON.parse(readFileSync(join(dir, 'raw', 'provenance.json'), 'utf8'));
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ file: 'axadle-afp-2021-11-16-armenia-border-clashes.txt', archived: '2026-02-03' });
    const archive = readFileSync(join(dir, 'sources', 'axadle-afp-2021-11-16-armenia-border-clashes.md'), 'utf8');
    expect(archive).toContain('archived: 2026-02-03');
    expect(archive).toContain('raw: raw/axadle-afp-2021-11-16-armenia-border-clashes.txt');
    expect(readdirSync(dir).sort()).toEqual(['raw', 'sources']); // no staging folder left behind
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

  /** A folder of incoming articles: one raw file under `name` with `record` as its provenance. */
  function incomingArticle(name: string, rawFrom: string, record: Record<string, unknown>): string {
    const incoming = tempDir('incoming-');
    writeFileSync(join(incoming, 'provenance.json'), JSON.stringify([{ ...record, file: name }]));
    cpSync(rawFrom, join(incoming, name));
    return join(incoming, name);
  }
  const keptRecords = (dir: string) => JSON.parse(readFileSync(join(dir, 'raw', 'provenance.json'), 'utf8')) as Array<Record<string, unknown>>;
  const seedRecord = (id: string) => keptRecords('content').find((r) => r.id === id)!;

  it("never replaces another source's raw copy that has the incoming file's name", () => {
    const dir = scratch();
    const other = { ...seedRecord('jpost-2023-06-28-four-soldiers-killed-us-talks'), id: 'jpost-copy-under-a-taken-name', archived: undefined };
    // The incoming file is named like the Axadle raw copy, but it is another article.
    const file = incomingArticle('001_47821bafeb867471.txt', 'content/raw/002_5526a00ab1bd6eca.txt', other);
    ingest({ contentDir: dir, files: [file], archived: '2026-01-01' });
    expect(readFileSync(join(dir, 'raw', '001_47821bafeb867471.txt'), 'utf8')).toBe(readFileSync('content/raw/001_47821bafeb867471.txt', 'utf8'));
    expect(readFileSync(join(dir, 'raw', 'jpost-copy-under-a-taken-name.txt'), 'utf8')).toBe(readFileSync('content/raw/002_5526a00ab1bd6eca.txt', 'utf8'));
    const kept = keptRecords(dir);
    expect(kept.find((r) => r.id === 'axadle-afp-2021-11-16-armenia-border-clashes')).toMatchObject({ file: '001_47821bafeb867471.txt' });
    expect(kept.find((r) => r.id === 'jpost-copy-under-a-taken-name')).toMatchObject({ file: 'jpost-copy-under-a-taken-name.txt' });
  });

  it('--force under a new file name leaves one record and one raw copy for the id', () => {
    const dir = scratch();
    const id = 'axadle-afp-2021-11-16-armenia-border-clashes';
    const file = incomingArticle('renamed.txt', 'content/raw/001_47821bafeb867471.txt', seedRecord(id));
    ingest({ contentDir: dir, files: [file], archived: '2026-01-01', force: true });
    const kept = keptRecords(dir);
    expect(kept.filter((r) => r.id === id)).toEqual([expect.objectContaining({ file: `${id}.txt` })]);
    expect(kept).toHaveLength(5);
    expect(readdirSync(join(dir, 'raw'))).not.toContain('001_47821bafeb867471.txt');
    expect(readArchive(join(dir, 'sources')).get(id)!.meta.raw).toBe(`raw/${id}.txt`);
  });

  it('refuses a provenance file with two records for one file or one id, in one line', () => {
    const dir = scratch();
    const records = keptRecords(dir);
    for (const [key, twin] of [
      ['file', { ...records[1], id: 'another-id' }],
      ['id', { ...records[1], file: 'another.txt' }],
    ] as const) {
      writeFileSync(join(dir, 'raw', 'provenance.json'), JSON.stringify([...records, twin]));
      expect(() => ingest({ contentDir: dir, files: [join(dir, 'raw', '000_97bd53f18ffc2277.txt')], archived: '2026-01-01', force: true })).toThrow(
        new RegExp(`provenance\\.json:\\d+:\\d+: record 5\\.${key}: records 1 and 5 both have ${key} "${(twin as Record<string, string>)[key]}": keep one record per ${key}$`),
      );
    }
  });

  const oneLineRefusals: Array<[string, Record<string, unknown>, RegExp]> = [
    ['an author with no name before its separator', { author: ', staff' }, /"author": ", staff" has no name before its first separator/],
    ['a javascript: URL', { url: 'javascript:alert(document.domain)//' }, /record 0\.url: must be an absolute address starting with http:\/\/ or https:\/\//],
    ['a data: URL', { url: 'data:text/html,<script>alert(1)</script>' }, /record 0\.url: must be an absolute address starting with http:\/\/ or https:\/\//],
    ['a control character in a field', { headline: 'Bridges\u0007 reopen' }, /record 0\.headline: contains U\+0007, a control character, at character 8/],
  ];
  for (const [name, change, message] of oneLineRefusals) {
    it(`refuses ${name} in one line, leaving content unchanged`, () => {
      const dir = scratch();
      const file = incomingArticle('new.txt', 'content/raw/002_5526a00ab1bd6eca.txt', { ...seedRecord('jpost-2023-06-28-four-soldiers-killed-us-talks'), id: 'a-new-id', ...change });
      expect(refusal(dir, () => ingest({ contentDir: dir, files: [file], archived: '2026-01-01' }))).toMatch(message);
    });
  }

  it('refuses a provenance record whose file is a path, so no record can reach outside its folder', () => {
    const dir = scratch();
    const records = keptRecords(dir);
    writeFileSync(join(dir, 'raw', 'provenance.json'), JSON.stringify([{ ...records[0], file: '../sources/x.md' }]));
    expect(() => ingest({ contentDir: dir, files: [join(dir, 'raw', '000_97bd53f18ffc2277.txt')], archived: '2026-01-01', force: true })).toThrow(
      /provenance\.json:\d+:\d+: record 0\.file: must be a file name in the same folder, without a path$/,
    );
  });

  it('refuses a bad --archived date in one line, without a stack trace', () => {
    const dir = scratch();
    const before = snapshot(dir);
    const run = spawnSync(
      resolve('node_modules/.bin/node'),
      ['packages/cited-explainer/cli/main.ts', 'ingest', '--content', dir, '--archived', '2024-13-45', join(dir, 'raw', '000_97bd53f18ffc2277.txt')],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('cited-explainer ingest: --archived "2024-13-45": not a real calendar date (cited-explainer ingest --help)');
    expect(snapshot(dir)).toEqual(before);
  });

  it('discards an interrupted run that was not committed, and removes leftover temporary files', () => {
    const dir = scratch();
    const before = snapshot(dir);
    // What kill -9 leaves mid-way through staging, and what an interrupted atomic write leaves.
    mkdirSync(join(dir, STAGING_FOLDER));
    writeFileSync(join(dir, STAGING_FOLDER, '0'), 'half a raw article');
    writeFileSync(join(dir, 'sources', 'x.md.123.tmp'), 'half an archive');
    const log: string[] = [];
    expect(ingest({ contentDir: dir, files: [], archived: '2026-01-01', log: (line) => log.push(line) })).toEqual([]);
    expect(log.join('\n')).toMatch(/discarded an interrupted ingest/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('finishes a committed run that was interrupted while moving files into place', () => {
    const dir = scratch();
    const id = 'axadle-afp-2021-11-16-armenia-border-clashes';
    const file = incomingArticle('renamed.txt', 'content/raw/001_47821bafeb867471.txt', seedRecord(id));
    // Something in the way of the last move: the run fails after it has committed.
    rmSync(join(dir, 'sources', `${id}.md`));
    mkdirSync(join(dir, 'sources', `${id}.md`, 'blocker'), { recursive: true });
    expect(() => ingest({ contentDir: dir, files: [file], archived: '2026-01-01', force: true })).toThrow();
    expect(existsSync(join(dir, STAGING_FOLDER, 'commit.json'))).toBe(true);
    rmSync(join(dir, 'sources', `${id}.md`), { recursive: true });
    const log: string[] = [];
    ingest({ contentDir: dir, files: [], archived: '2026-01-01', log: (line) => log.push(line) });
    expect(log.join('\n')).toMatch(/finished an interrupted ingest/);
    expect(existsSync(join(dir, STAGING_FOLDER))).toBe(false);
    expect(keptRecords(dir).filter((r) => r.id === id)).toHaveLength(1);
    expect(readArchive(join(dir, 'sources')).get(id)!.meta.raw).toBe(`raw/${id}.txt`);
  });
});
