import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
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

export function buildEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !vitestVariables.has(name) && !name.startsWith('VITEST')));
}

/**
 * Builds the site from a content folder into a fresh folder under .builds/, with the integration
 * (scripts/build-explainer.ts: the real site through its astro.config.mjs, any other folder as a
 * project configured with `citedExplainer({ content })`), and the same Node
 * (node_modules/.bin/node) the npm scripts use.
 */
export function buildSite(contentDir: string, options: { base?: string; outDir?: string } = {}): BuildResult {
  const outDir = options.outDir ?? freshOutDir();
  const content = resolve(contentDir) === resolve('content') ? [] : ['--content', resolve(contentDir)];
  return run(['scripts/build-explainer.ts', '--out', outDir, ...content, ...(options.base ? ['--base', options.base] : [])], outDir);
}

/** Builds an Astro project of its own (a folder with astro.config.mjs) with `astro build`, as its user would. */
export function buildProject(root: string, options: { outDir?: string } = {}): BuildResult {
  const outDir = options.outDir ?? freshOutDir();
  return run([resolve('node_modules/astro/bin/astro.mjs'), 'build', '--root', resolve(root), '--outDir', outDir], outDir);
}

function run(args: string[], outDir: string): BuildResult {
  const result = spawnSync(resolve('node_modules/.bin/node'), args, {
    encoding: 'utf8',
    env: { ...buildEnv(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape character starts a colour code
  const output = `${result.stdout}\n${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  return { ok: result.status === 0, output, outDir };
}
