import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../ingest/ingest.ts';
import { provenanceFileSchema } from '../schemas/provenance.ts';
import { type Command, UsageError } from './command.ts';

/** The sample project init copies: a content folder with one of each kind of file, and its config. */
export const starterDir = fileURLToPath(new URL('../starter/', import.meta.url));

/** Astro 7 needs Node 22.12 or later; the project's engines field says so. */
export const nodeRange = '>=22.12.0';

interface OwnPackage {
  version: string;
  peerDependencies: { astro: string };
}

/** The new project's package.json: its scripts run the site (Astro) and the content tools (this CLI). */
export function projectPackage(name: string, own: OwnPackage) {
  return {
    name,
    version: '0.1.0',
    private: true,
    type: 'module',
    engines: { node: nodeRange },
    scripts: {
      dev: 'astro dev',
      build: 'astro build',
      preview: 'astro preview',
      check: 'cited-explainer check',
      ingest: 'cited-explainer ingest',
      test: 'cited-explainer check && astro build',
    },
    dependencies: { astro: own.peerDependencies.astro, 'cited-explainer': `^${own.version}` },
  };
}

/** A folder name as an npm package name: lower case, and only the characters npm allows. */
export function packageName(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|-+$/g, '');
  return name || 'my-explainer';
}

/**
 * Makes a project in `target` (a new or empty folder): the starter's files, a package.json, and
 * the sample source archived by the real ingest. It is made in a temporary folder beside the
 * target and moved into place at the end, so a failure leaves nothing behind.
 */
export function initProject(target: string): string[] {
  if (existsSync(target) && readdirSync(target).length > 0) throw new UsageError(`${target} is not empty: give a new or an empty folder`);
  const parent = dirname(resolve(target));
  if (!existsSync(parent)) throw new UsageError(`${parent} does not exist: create it first, or give another folder`);
  const stage = mkdtempSync(join(parent, `.${basename(target)}-init-`));
  try {
    cpSync(starterDir, stage, { recursive: true });
    // npm leaves a package's .gitignore out of its tarball: the starter keeps it without the dot.
    renameSync(join(stage, 'gitignore'), join(stage, '.gitignore'));
    const own = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as OwnPackage;
    writeFileSync(join(stage, 'package.json'), `${JSON.stringify(projectPackage(packageName(basename(resolve(target))), own), null, 2)}\n`);
    const contentDir = join(stage, 'content');
    const rawDir = join(contentDir, 'raw');
    const records = provenanceFileSchema.parse(JSON.parse(readFileSync(join(rawDir, 'provenance.json'), 'utf8')));
    const archived = ingest({ contentDir, files: records.map((record) => join(rawDir, record.file)), archived: new Date().toISOString().slice(0, 10) });
    if (existsSync(target)) rmdirSync(target);
    else mkdirSync(parent, { recursive: true });
    renameSync(stage, target);
    return archived.map((path) => join(target, relative(stage, path)));
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

export const initCommand: Command = {
  name: 'init',
  summary: 'make a new explainer project with a sample of each kind of content',
  help: `Usage: cited-explainer init <dir>

Makes a working explainer project in <dir> (a new or an empty folder): package.json
("type": "module", Node ${nodeRange}, scripts dev, build, test, check and ingest),
astro.config.mjs, src/content.config.ts and a content folder with one source (its raw text,
provenance record and archive), a page, an about page, an actor, glossary entries and an incident,
all cited. Then:

  cd <dir>
  npm install
  npm run dev

Options:
  -h, --help   this help`,
  options: {},
  run({ positionals }, output) {
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'no folder given: cited-explainer init <dir>' : `one folder, not ${positionals.length}`);
    const [target] = positionals;
    initProject(target);
    output.out(
      `Made an explainer project in ${target}. Next:\n\n  cd ${target}\n  npm install\n  npm run dev\n\nThe content is in ${join(target, 'content')}; the guide: node_modules/cited-explainer/README.md`,
    );
  },
};
