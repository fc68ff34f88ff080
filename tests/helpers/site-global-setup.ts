import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, freshOutDir } from './build-site.ts';

export interface ProvidedBuild {
  ok: boolean;
  /** Build output (stdout and stderr), shown when a check needs a build that failed. */
  output: string;
  outDir: string;
  /** The content snapshot the site was built from. */
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
 * Builds the real site once for all site tests: at "/" and under the sub-path /explainer/.
 * Both builds read a snapshot of content/ taken at the start, so pages being written in the
 * working tree meanwhile cannot make two checks see two different sites. A failed build does not
 * stop the run: the checks that need it fail with its output (see tests/helpers/site.ts).
 */
export default function setup(project: TestProject): () => void {
  // Under .builds/ (git-ignored): builds must be inside the project, see build-site.ts.
  const work = freshOutDir('quality-');
  const contentDir = join(work, 'content');
  cpSync('content', contentDir, { recursive: true });
  const builds: Array<[keyof Pick<import('vitest').ProvidedContext, 'realSite' | 'realSiteUnderBase'>, string]> = [
    ['realSite', '/'],
    ['realSiteUnderBase', '/explainer'],
  ];
  for (const [key, base] of builds) {
    const result = buildSite(contentDir, { outDir: join(work, key), base: base === '/' ? undefined : base });
    project.provide(key, { ok: result.ok, output: result.output, outDir: result.outDir, contentDir, base });
  }
  return () => {
    if (!process.env.KEEP_QUALITY_BUILDS) rmSync(work, { recursive: true, force: true });
  };
}
