import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProcessEnv } from '../helpers/build-site.ts';

/**
 * The generator as a stranger gets it (issue 23): `npm pack` of packages/cited-explainer (compiled
 * to JavaScript by its prepack step), its CLI's `init` run from the installed tarball into an empty
 * folder outside this repository, the project installed from the tarball, a text file ingested with
 * the project's own `cited-explainer ingest`, a page written that cites it, then `check` and the
 * build: the page and its source page must be in dist/. Installs are offline first: everything is
 * in npm's cache from installing this repository.
 */
const work = mkdtempSync(join(tmpdir(), 'cited-explainer-user-'));
// The package is packed from a copy: its prepack step compiles .js files beside the sources and
// points package.json at them until postpack, and builds running beside this test (other files'
// builds import the package) must never see that half-way state. The copy sits in .builds/ so that
// the prepack step finds esbuild and TypeScript in this repository's node_modules.
mkdirSync('.builds', { recursive: true });
const packCopy = mkdtempSync(resolve('.builds/pack-'));
// Removing a whole node_modules takes more than the default 10 s on a busy machine.
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(packCopy, { recursive: true, force: true });
}, 60_000);

const project = join(work, 'my-explainer');
const node24 = resolve('node_modules/.bin/node');
// The installed bin runs `#!/usr/bin/env node`: the Node that Astro 7 needs comes first on PATH.
const env = { ...buildProcessEnv(), PATH: `${dirname(node24)}${delimiter}${process.env.PATH}` };
const npmInstall = ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];

interface Run {
  status: number | null;
  output: string;
}
const run = (command: string, args: string[], cwd: string): Run => {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
};

let tarball: string;
let init: Run;
let ingest: Run;
let check: Run;
let build: Run;

beforeAll(() => {
  const source = join(packCopy, 'cited-explainer');
  cpSync('packages/cited-explainer', source, { recursive: true, filter: (path) => !path.includes('node_modules') });
  const packed = execFileSync('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: source, encoding: 'utf8' }).trim().split('\n').at(-1)!;
  tarball = join(work, packed);
  // The CLI as `npm create` runs it: installed from the tarball into a folder of its own.
  const tool = join(work, 'tool');
  mkdirSync(tool);
  writeFileSync(join(tool, 'package.json'), JSON.stringify({ name: 'tool', private: true, type: 'module' }));
  execFileSync('npm', [...npmInstall, tarball], { cwd: tool, stdio: 'pipe' });
  init = run(join(tool, 'node_modules/.bin/cited-explainer'), ['init', project], work);
  if (init.status !== 0) return;
  // The tool's node_modules holds what the project needs: npm install then only links the project to it.
  renameSync(join(tool, 'node_modules'), join(project, 'node_modules'));
  execFileSync('npm', [...npmInstall, tarball], { cwd: project, stdio: 'pipe' });

  // A text file from elsewhere, with its provenance record beside it (fictional test text).
  const inbox = join(work, 'inbox');
  mkdirSync(inbox);
  writeFileSync(join(inbox, 'bridges.txt'), 'Bridges reopen in River Town\n\nThe northern bridge reopened on Tuesday after engineers found no damage, the council said.\n');
  const record = {
    file: 'bridges.txt',
    id: 'town-news-bridges',
    publisher: 'River Town News',
    headline: 'Bridges reopen in River Town',
    author: 'unknown (no byline)',
    published: { date: '2024-05-07', time: null, timezone: null, estimate: true, basis: "'on Tuesday' in the text." },
    url: null,
    url_confidence: 'unknown',
    republished_from: null,
    evidence: null,
    boilerplate_lines: [],
    encoding_issues: [],
  };
  writeFileSync(join(inbox, 'provenance.json'), JSON.stringify([record]));
  ingest = run('npm', ['run', 'ingest', '--', '--archived', '2024-06-01', join(inbox, 'bridges.txt')], project);
  writeFileSync(
    join(project, 'content/pages/bridges.md'),
    '---\ntitle: The bridges\ndescription: Which bridge reopened.\nupdated: 2024-06-01\n---\n\nThe council said the northern bridge reopened on Tuesday.[@town-news-bridges: The northern bridge reopened on Tuesday after engineers found no damage, the council said.]\n',
  );
  check = run('npm', ['run', 'check'], project);
  build = run('npm', ['run', 'build'], project);
}, 600_000);

describe('a project made by the packed CLI', () => {
  it('installs the package as JavaScript wherever Node loads it', () => {
    expect(init.status, init.output).toBe(0);
    const installed = join(project, 'node_modules/cited-explainer');
    for (const file of ['cli/main.js', 'integration/index.js', 'ingest/ingest.js']) expect(existsSync(join(installed, file)), file).toBe(true);
    // The repository's own files stay out: no tests, no pack script, no demo site.
    for (const file of ['scripts/pack.mjs', 'content.config.ts', 'env.d.ts', 'src']) expect(existsSync(join(installed, file)), file).toBe(false);
  });

  it('makes a project with the module type, the Node version and the scripts', () => {
    const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
    expect(manifest.type).toBe('module');
    expect(manifest.engines.node).toBe('>=22.12.0');
    expect(Object.keys(manifest.scripts)).toEqual(expect.arrayContaining(['dev', 'build', 'test', 'ingest', 'check']));
    expect(manifest.dependencies['cited-explainer']).toMatch(/^file:/);
  });

  it('ingests a text file with the project’s own CLI', () => {
    expect(ingest.status, ingest.output).toBe(0);
    expect(existsSync(join(project, 'content/sources/town-news-bridges.md'))).toBe(true);
    expect(existsSync(join(project, 'content/raw/town-news-bridges.txt'))).toBe(true);
  });

  it('checks the content without a build', () => {
    expect(check.status, check.output).toBe(0);
    expect(check.output).toMatch(/pass the content checks/);
  });

  it('builds the sample and the new page, with their sources', () => {
    expect(build.status, build.output).toBe(0);
    expect(readFileSync(join(project, 'dist/bridges/index.html'), 'utf8')).toMatch(/class="cite-marker"/);
    expect(existsSync(join(project, 'dist/sources/town-news-bridges/index.html'))).toBe(true);
    // The starter's own sample: a page, an incident, an actor and the glossary, all cited.
    expect(readFileSync(join(project, 'dist/index.html'), 'utf8')).toMatch(/class="cite-marker"/);
    for (const page of ['incidents/1863-11-19-gettysburg-address', 'actors/abraham-lincoln', 'glossary', 'sources/gettysburg-address-bliss-copy']) {
      expect(existsSync(join(project, 'dist', page, 'index.html')), page).toBe(true);
    }
    expect(readFileSync(join(project, 'dist/favicon.svg'), 'utf8')).toMatch(/^<svg/);
  });
});
