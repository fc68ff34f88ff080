import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { notAnArticle } from '../../packages/cited-explainer/ingest/article.ts';
import { ingest } from '../../packages/cited-explainer/ingest/ingest.ts';
import { INGEST_LOCK_FILE } from '../../packages/cited-explainer/lib/content-layout.ts';
import { escapeRegExp } from '../helpers/content-check.ts';
import { refusal, scratch as scratchContent, snapshot } from '../helpers/ingest.ts';

/**
 * Ingest refuses, in one line and before it changes anything: a second run while one holds the
 * content folder's lock (taken before anything is read, so two runs never lose each other's
 * records), an address where a file path belongs, a file that is not an article (JSON, code, HTML
 * source), and a link in the content folder.
 */

const node = resolve('node_modules/.bin/node');
const cli = 'packages/cited-explainer/cli/main.ts';
const seedRecords = JSON.parse(readFileSync('content/raw/provenance.json', 'utf8')) as Array<Record<string, unknown>>;

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};

const scratch = () => {
  const dir = scratchContent('ingest-refusals-');
  made.push(dir);
  return dir;
};

/** An incoming file with a provenance record beside it (a seed record under a new id). */
function incoming(name: string, text: string | Buffer, id: string): string {
  const dir = tempDir('incoming-');
  writeFileSync(join(dir, 'provenance.json'), JSON.stringify([{ ...seedRecords[1], id, file: name, archived: undefined }]));
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

const runCli = (content: string, files: string[]) =>
  new Promise<{ status: number | null; stderr: string }>((done) => {
    const child = spawn(node, [cli, 'ingest', '--content', content, '--archived', '2026-01-01', ...files], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (status) => done({ status, stderr }));
  });

describe('one ingest at a time: the lock is taken before anything is read', () => {
  it('refuses while a running ingest holds the lock, whatever the inputs, and changes nothing', () => {
    const dir = scratch();
    const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(join(dir, INGEST_LOCK_FILE), JSON.stringify({ pid: running.pid }));
      const before = snapshot(dir);
      const busy = new RegExp(`^another ingest \\(process ${running.pid}\\) is writing .*; run this one when it has finished \\(if no ingest is running, delete .*${INGEST_LOCK_FILE}\\)$`);
      // A missing file, an address, a good article: the lock is refused first, before any is read.
      for (const files of [[join(dir, 'raw', 'nope.txt')], ['https://example.com/article'], [incoming('a.txt', readFileSync('content/raw/001_47821bafeb867471.txt'), 'lock-test')]]) {
        expect(() => ingest({ contentDir: dir, files, archived: '2026-01-01' })).toThrow(busy);
      }
      expect(snapshot(dir)).toEqual(before);
    } finally {
      running.kill();
    }
  });

  it('takes over a lock left by a run that died, and leaves no lock behind', () => {
    const dir = scratch();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(join(dir, INGEST_LOCK_FILE), JSON.stringify({ pid: Number(dead.stdout) }));
    const file = incoming('a.txt', readFileSync('content/raw/001_47821bafeb867471.txt'), 'after-a-dead-lock');
    expect(ingest({ contentDir: dir, files: [file], archived: '2026-01-01' })).toEqual([join(dir, 'sources', 'after-a-dead-lock.md')]);
    expect(existsSync(join(dir, INGEST_LOCK_FILE))).toBe(false);
  });

  it('two ingests started together: each either writes its record or refuses in one line; no record is lost', async () => {
    const dir = scratch();
    const article = readFileSync('content/raw/001_47821bafeb867471.txt');
    const ids = ['race-one', 'race-two'];
    const runs = await Promise.all(ids.map((id) => runCli(dir, [incoming(`${id}.txt`, article, id)])));
    const kept = (JSON.parse(readFileSync(join(dir, 'raw', 'provenance.json'), 'utf8')) as Array<{ id: string }>).map((r) => r.id);
    runs.forEach((run, i) => {
      if (run.status === 0) expect(kept, `run ${i} exited 0, so its record is kept`).toContain(ids[i]);
      else expect(run.stderr).toMatch(/^cited-explainer ingest: another ingest \(process \d+\) is writing [^\n]*\n$/);
    });
    expect(runs.some((run) => run.status === 0)).toBe(true);
    expect(existsSync(join(dir, INGEST_LOCK_FILE))).toBe(false);
  });
});

describe('ingest refuses what it cannot archive, in one line', () => {
  it('an address: ingest reads files, it never fetches', async () => {
    const dir = scratch();
    const before = snapshot(dir);
    const run = await runCli(dir, ['https://example.com/news/article']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      "cited-explainer ingest: https://example.com/news/article: ingest takes the path of a file holding the article's text, not an address: save the article's text to a file and pass its path\n",
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it.each([
    ['package.json', () => readFileSync('package.json'), /: the file is JSON data, not an article: ingest takes the article's text as a reader sees it, copied from the page$/],
    ['ingest.ts', () => readFileSync('packages/cited-explainer/ingest/ingest.ts'), /: the file looks like program code \(\d+ of \d+ lines\), not an article: /],
    ['run.py', () => 'import os\n\ndef main():\n    os.system("id")\n\nif __name__ == "__main__":\n    main()\n', /: the file looks like program code \(5 of 5 lines\)/],
    [
      'page.html',
      () => '<!doctype html>\n<html><head><title>News</title></head>\n<body><script src="/app.js"></script></body>\n</html>\n',
      /: the file is HTML or XML markup \(4 of 4 lines\), not an article: /,
    ],
  ])('%s', (name, text, message) => {
    const dir = scratch();
    const file = incoming(name, text(), 'not-an-article');
    expect(refusal(dir, () => ingest({ contentDir: dir, files: [file], archived: '2026-01-01' }))).toMatch(new RegExp(`^${escapeRegExp(file)}${message.source}`));
  });

  it('a link in the content folder, named, before anything is read', () => {
    const dir = scratch();
    symlinkSync('/etc/hostname', join(dir, 'raw', 'linked.txt'));
    const file = incoming('a.txt', readFileSync('content/raw/001_47821bafeb867471.txt'), 'beside-a-link');
    expect(() => ingest({ contentDir: dir, files: [file], archived: '2026-01-01' })).toThrow(
      /raw\/linked\.txt: is a symbolic link \(to \/etc\/hostname\): the site is built only from files inside its folders, never through a link$/,
    );
  });
});

describe('what reads as an article', () => {
  it('every raw input of the project and of the fixtures does (no false refusal)', () => {
    const raw = [
      ...readdirSync('content/raw').map((name) => join('content/raw', name)),
      ...readdirSync('tests/fixtures', { recursive: true, encoding: 'utf8' })
        .filter((path) => /(?:^|\/)(?:raw|inputs)\/[^/]+\.txt$/.test(path))
        .map((path) => join('tests/fixtures', path)),
    ].filter((path) => path.endsWith('.txt') && readFileSync(path).length > 0 && !readFileSync(path).includes(0));
    expect(raw.length).toBeGreaterThan(10);
    for (const path of raw) expect([path, notAnArticle(readFileSync(path, 'utf8'))]).toEqual([path, undefined]);
  });

  it('prose that mentions code, braces or tags is still prose', () => {
    expect(notAnArticle('Talks resume\n\nThe ministry said the {draft} text was final; talks resume on Monday.\n\nA spokesman called it "a <first> step".\n')).toBeUndefined();
  });
});
