import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, freshOutDir } from '../../helpers/build-site.ts';
import { builtSite } from '../../helpers/site.ts';

/**
 * Build hardening (issue 12) where it needs a build: two content pages at one address differing
 * only in case (a fixture folder cannot hold them: a case-insensitive disk cannot check it out),
 * and `npm run check:dist` on built sites. The other refusals are fixture folders in
 * tests/fixtures/bad/h2-* (tests/bad-inputs/builds.test.ts) and unit tests.
 */
const work = mkdtempSync(join(tmpdir(), 'h2-hardening-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs scripts/check-dist.ts on a built folder, for the content and base it was built from. */
function checkDist(outDir: string, contentDir: string, base = '/') {
  const run = spawnSync(resolve('node_modules/.bin/node'), ['scripts/check-dist.ts', outDir, '--content', resolve(contentDir), '--base', base], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('a page whose address differs from another’s only in case fails the build (issue 12.8)', () => {
  it('names both files and writes nothing', () => {
    const content = join(work, 'case');
    cpSync('tests/fixtures/site-basic', content, { recursive: true });
    const page = readFileSync(join(content, 'pages/index.mdx'), 'utf8').replace(/^title: .*$/m, 'title: Background');
    writeFileSync(join(content, 'pages/background.mdx'), page);
    writeFileSync(join(content, 'pages/Background.mdx'), page);
    const outDir = join(freshOutDir('h2-case-'), 'dist');
    try {
      const build = buildSite(content, { outDir });
      expect(build.ok).toBe(false);
      expect(build.output).toMatch(/pages\/background\.mdx: its address \/background\/ is also that of .*pages\/Background\.mdx \(addresses ignore case\): rename one of them/);
      expect(existsSync(outDir) ? readdirSync(outDir) : []).toEqual([]);
    } finally {
      rmSync(resolve(outDir, '..'), { recursive: true, force: true });
    }
  });
});

describe('npm run check:dist', () => {
  it.each(['realSite', 'realSiteUnderBase'] as const)('passes %s as built', (which) => {
    const build = builtSite(which);
    const run = checkDist(build.outDir, build.contentDir, build.base);
    expect(run.output).toContain('holds what it should and nothing else');
    expect(run.status).toBe(0);
  });

  it('fails a built site with a script file that is not the search code, a missing ledger or a broken link, one line each', () => {
    const build = builtSite('realSite');
    const copy = join(work, 'dist');
    cpSync(build.outDir, copy, { recursive: true });
    writeFileSync(join(copy, '_astro', 'widget.js'), 'document.title = "pwned";');
    rmSync(join(copy, 'citations.json'));
    const home = join(copy, 'index.html');
    writeFileSync(home, readFileSync(home, 'utf8').replace('</main>', '<a href="/nowhere/">x</a></main>'));
    const run = checkDist(copy, build.contentDir);
    expect(run.status).toBe(1);
    const lines = run.output.trim().split('\n');
    // The ledger's absence also breaks the links to it (from /data/): each is its own line.
    expect(lines[0]).toMatch(/^check:dist: the built site breaks \d+ rules of what may be published:$/);
    expect(lines.slice(1)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\/citations\.json: missing: the claim ledger$/),
        expect.stringMatching(/\/_astro\/widget\.js: a script file that is not the site's own search code/),
        expect.stringMatching(/\/index\.html: <a href="\/nowhere\/">: no such file in the built site$/),
        expect.stringMatching(/<a href="\/citations\.json">: no such file in the built site$/),
      ]),
    );
  });
});
