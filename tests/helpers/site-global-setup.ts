import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, freshOutDir } from './build-site.ts';

export interface ProvidedBuild {
  ok: boolean;
  /** Build output (stdout and stderr), shown when a check needs a build that failed. */
  output: string;
  outDir: string;
  /** The content folder the site was built from. */
  contentDir: string;
  /** The base path ("/" or "/explainer"). */
  base: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    realSite: ProvidedBuild;
    realSiteUnderBase: ProvidedBuild;
  }
}

/**
 * Builds the real site (content/) once for all site tests: at "/" and under the sub-path
 * /explainer/. (Not from a copy of content/: pages import components by relative paths.)
 * A failed build does not stop the run: the checks that need it fail with its output
 * (see builtSite in tests/helpers/site.ts).
 */
export default function setup(project: TestProject): () => void {
  // Under .builds/ (git-ignored): builds must be inside the project, see build-site.ts.
  const work = freshOutDir('quality-');
  const contentDir = resolve('content');
  const builds = [
    ['realSite', '/'],
    ['realSiteUnderBase', '/explainer'],
  ] as const;
  for (const [key, base] of builds) {
    const result = buildSite(contentDir, { outDir: join(work, key), base: base === '/' ? undefined : base });
    project.provide(key, { ok: result.ok, output: result.output, outDir: result.outDir, contentDir, base });
  }
  return () => {
    if (!process.env.KEEP_QUALITY_BUILDS) rmSync(work, { recursive: true, force: true });
  };
}
