import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assertPlainFolder, readPlainFile } from '../../packages/cited-explainer/lib/inside-folder.ts';

/** A content folder with a page and a raw file, and a folder beside it that is outside it. */
function folders() {
  const work = mkdtempSync(join(tmpdir(), 'inside-folder-'));
  const content = join(work, 'content');
  const outside = join(work, 'outside');
  mkdirSync(join(content, 'pages'), { recursive: true });
  mkdirSync(join(content, 'raw'));
  mkdirSync(outside);
  writeFileSync(join(content, 'pages', 'index.md'), '# A page\n');
  writeFileSync(join(outside, 'secret.md'), 'SECRET FIRST LINE\nmore\n');
  return { work, content, outside };
}

describe('no path leaves the project: links and special files are refused by name, never followed', () => {
  let work = '';
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('passes a folder of plain files and folders, and a missing one (its absence is reported elsewhere)', () => {
    const f = folders();
    work = f.work;
    expect(() => assertPlainFolder(f.content, f.work)).not.toThrow();
    expect(() => assertPlainFolder(join(f.work, 'none'), f.work)).not.toThrow();
  });

  it.each([
    ['a file link to a page elsewhere', 'pages/linked.md', (outside: string) => join(outside, 'secret.md')],
    ['a folder link', 'pages/more', (outside: string) => outside],
    ['a raw file linked to a system file', 'raw/flood.txt', () => '/etc/hostname'],
    ['a dangling link', 'raw/gone.txt', (outside: string) => join(outside, 'gone.txt')],
  ])('%s', (_, at, target) => {
    const f = folders();
    work = f.work;
    symlinkSync(target(f.outside), join(f.content, at));
    expect(() => assertPlainFolder(f.content, f.work)).toThrow(
      new RegExp(
        `^content/${at}: is a symbolic link \\(to ${target(f.outside).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\): the site is built only from files inside its folders, never through a link\\n {2}Replace the link`,
      ),
    );
    expect(() => readPlainFile(join(f.content, at), f.work)).toThrow(/is a symbolic link/);
  });

  it('refuses the content folder itself when it is a link', () => {
    const f = folders();
    work = f.work;
    symlinkSync(f.content, join(f.work, 'linked-content'));
    expect(() => assertPlainFolder(join(f.work, 'linked-content'), f.work)).toThrow(/^linked-content: is a symbolic link/);
  });

  it('refuses a FIFO, which would hang the build when read', () => {
    const f = folders();
    work = f.work;
    const made = spawnSync('mkfifo', [join(f.content, 'raw', 'pipe.txt')]);
    expect(made.status, 'mkfifo must exist on the test machine').toBe(0);
    expect(() => assertPlainFolder(f.content, f.work)).toThrow(/^content\/raw\/pipe\.txt: is a FIFO: the site is built only from plain files and folders/);
    expect(() => readPlainFile(join(f.content, 'raw', 'pipe.txt'), f.work)).toThrow(/is a FIFO/);
  });

  it('never shows what a link points to: the error holds the link and its target path, not the text', () => {
    const f = folders();
    work = f.work;
    symlinkSync(join(f.outside, 'secret.md'), join(f.content, 'raw', 'x.txt'));
    let message = '';
    try {
      readPlainFile(join(f.content, 'raw', 'x.txt'), f.work);
    } catch (error) {
      message = String(error);
    }
    expect(message).toContain('content/raw/x.txt');
    expect(message).not.toContain('SECRET');
  });
});
