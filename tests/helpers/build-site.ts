import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join, resolve } from 'node:path';

export interface BuildResult {
  ok: boolean;
  /** stdout and stderr, without colour codes. */
  output: string;
  outDir: string;
}

/**
 * Where test builds go. It must be inside the project: Astro's prerender step imports packages
 * from the output folder, which only resolve with node_modules above it.
 */
export const buildsDir = resolve('.builds');

/** A fresh, empty output folder for one build. */
export function freshOutDir(prefix = 'build-'): string {
  mkdirSync(buildsDir, { recursive: true });
  return mkdtempSync(join(buildsDir, prefix));
}

/**
 * Vitest mirrors import.meta.env into its process.env (BASE_URL=/, MODE=test, NODE_ENV=test, DEV,
 * PROD, SSR, VITEST*). A build started from a test must not inherit them: Vite takes BASE_URL=/
 * over the configured base (a sub-path build would link to "/"), and NODE_ENV=test is not a
 * production build.
 */
const vitestVariables = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']);

function buildEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !vitestVariables.has(name) && !name.startsWith('VITEST')));
}

export interface BuildOptions {
  base?: string;
  outDir?: string;
  /**
   * The project root of the build (see scripts/build-explainer.ts): by default one of its own beside
   * the output, so that builds (and test files) can run side by side; `false` for this project's
   * root and its astro.config.mjs, as `npm run build` builds the real site.
   */
  root?: string | false;
  /** A nice value for the build's process (background builds only): higher yields the CPU to others. */
  priority?: number;
}

/**
 * The build of a content folder with the integration (scripts/build-explainer.ts: the real site
 * through its astro.config.mjs unless given a root of its own, any other folder as a project
 * configured with `citedExplainer({ content })`), with the same Node (node_modules/.bin/node) the
 * npm scripts use, into a fresh folder under .builds/ by default.
 */
function siteBuild(contentDir: string, options: BuildOptions): BuildCommand {
  const outDir = options.outDir ?? freshOutDir();
  const root = options.root ?? `${outDir}-root`;
  const content = resolve(contentDir) === resolve('content') && root === false ? [] : ['--content', resolve(contentDir)];
  const flags = [...(options.base ? ['--base', options.base] : []), ...(root === false ? [] : ['--root', root])];
  return { args: ['scripts/build-explainer.ts', '--out', outDir, ...content, ...flags], outDir, priority: options.priority };
}

/** An Astro project of its own (a folder with astro.config.mjs), built with `astro build` as its user would. */
export function projectBuild(root: string, options: BuildOptions): BuildCommand {
  const outDir = options.outDir ?? freshOutDir();
  return { args: [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--root', resolve(root), '--outDir', outDir], outDir, priority: options.priority };
}

export const buildSite = (contentDir: string, options: BuildOptions = {}): BuildResult => runNow(siteBuild(contentDir, options));
export const buildSiteInBackground = (contentDir: string, options: BuildOptions = {}): Promise<BuildResult> => runInBackground(siteBuild(contentDir, options));
export const buildProjectInBackground = (root: string, options: BuildOptions = {}): Promise<BuildResult> => runInBackground(projectBuild(root, options));

const node = resolve('node_modules/.bin/node');
/** The environment of a build process: no Vitest variables, no telemetry, no colour codes in its log. */
export const buildProcessEnv = () => ({ ...buildEnv(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' });
// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape character starts a colour code
const withoutColours = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

/** A build's Node arguments (a script and its flags) and where it writes. */
export interface BuildCommand {
  args: string[];
  outDir: string;
  priority?: number;
}

function runNow({ args, outDir }: BuildCommand): BuildResult {
  const result = spawnSync(node, args, { encoding: 'utf8', env: buildProcessEnv() });
  return { ok: result.status === 0, output: withoutColours(`${result.stdout}\n${result.stderr}`), outDir };
}

function runInBackground({ args, outDir, priority }: BuildCommand): Promise<BuildResult> {
  return new Promise((done) => {
    const child = spawn(node, args, { env: buildProcessEnv() });
    if (priority !== undefined && child.pid !== undefined) setPriority(child.pid, priority);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => done({ ok: status === 0, output: withoutColours(output), outDir }));
  });
}
