import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProcessEnv } from '../helpers/build-site.ts';

/**
 * The integration as a user gets it (issue 13): `npm pack` of ./src, installed with Astro into a
 * fresh project outside this repository (so nothing resolves from the repository's node_modules),
 * which builds a one-page cited explainer from a content folder (the flood fixture).
 */
const project = mkdtempSync(join(tmpdir(), 'cited-explainer-user-'));
// Removing a whole node_modules takes more than the default 10 s on a busy machine.
afterAll(() => rmSync(project, { recursive: true, force: true }), 60_000);

const astroVersion = JSON.parse(readFileSync('node_modules/astro/package.json', 'utf8')).version as string;
let build: { status: number | null; output: string };

beforeAll(() => {
  const tarball = execFileSync('npm', ['pack', '--pack-destination', project, '--silent'], { cwd: 'packages/cited-explainer', encoding: 'utf8' }).trim().split('\n').at(-1)!;
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'user-explainer', private: true, type: 'module', dependencies: { astro: astroVersion, 'cited-explainer': `file:./${tarball}` } }),
  );
  writeFileSync(
    join(project, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nimport citedExplainer from 'cited-explainer';\n\nexport default defineConfig({ integrations: [citedExplainer({ content: './content' })] });\n",
  );
  mkdirSync(join(project, 'src'));
  writeFileSync(join(project, 'src/content.config.ts'), "export { collections } from 'cited-explainer/collections';\n");
  cpSync('tests/fixtures/site-basic', join(project, 'content'), { recursive: true });
  // Offline first: everything is in npm's cache from installing this repository.
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project, stdio: 'pipe' });
  const run = spawnSync(resolve('node_modules/.bin/node'), ['node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: project,
    encoding: 'utf8',
    env: buildProcessEnv(),
  });
  build = { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}, 300_000);

describe('the packed integration in a fresh Astro project', () => {
  it('installs without this repository and builds', () => {
    expect(existsSync(join(project, 'node_modules/cited-explainer/integration/index.ts'))).toBe(true);
    expect(build.status, build.output).toBe(0);
  });

  it('publishes the cited page, its sources, the ledger and the default icon', () => {
    const home = readFileSync(join(project, 'dist/index.html'), 'utf8');
    expect(home).toMatch(/class="cite-marker"/);
    expect(existsSync(join(project, 'dist/sources/town-news-flood-day-one/index.html'))).toBe(true);
    const ledger = JSON.parse(readFileSync(join(project, 'dist/citations.json'), 'utf8'));
    expect(ledger.citations.length).toBeGreaterThan(0);
    expect(readFileSync(join(project, 'dist/favicon.svg'), 'utf8')).toMatch(/^<svg/);
  });
});
