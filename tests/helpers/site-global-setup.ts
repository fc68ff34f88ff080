import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { writeFileAtomic } from '../../packages/cited-explainer/lib/atomic-write.ts';
import { closeSharedChromium } from './browser.ts';
import { buildProjectInBackground, buildSiteInBackground, freshOutDir } from './build-site.ts';
import { setupCrawl } from './crawl.ts';

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

/** The fixture explainer: two sources about a flood, one page. */
export const fixtureSiteDir = 'tests/fixtures/site-basic';

/** The example explainer project: its own astro.config.mjs, src/content.config.ts and content/. */
export const exampleProjectDir = 'tests/fixtures/example-explainer';

/** The builds every site test shares: content folder and base path of each. */
export const sharedBuilds = {
  /** The real site (content/) at "/". */
  realSite: { content: 'content', base: '/' },
  /** The same under the sub-path /explainer/. */
  realSiteUnderBase: { content: 'content', base: '/explainer' },
  /** The real site built a second time, into another folder with its own cache (determinism.test.ts). */
  realSiteAgain: { content: 'content', base: '/' },
  /** The fixture explainer about a flood, which has an address (site.json "url"). */
  fixtureSite: { content: fixtureSiteDir, base: '/' },
  /** The example explainer about the Gettysburg Address: a project of its own, built with `astro build --root`. */
  exampleSite: { project: exampleProjectDir, base: '/' },
} as const;

export type SharedBuild = keyof typeof sharedBuilds;

/** What the setup writes once every shared build (and its crawl) is done: each build, or why the setup failed. */
export type SharedBuildsRecord = { builds: Record<SharedBuild, ProvidedBuild> } | { error: string };

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the setup writes the SharedBuildsRecord (see tests/helpers/site-builds-ready.ts). */
    sharedBuilds: string;
  }
}

/**
 * Builds every shared site once for all site tests, side by side: Astro writes generated modules
 * into its project root's .astro/ folder, so each build but one has a root of its own. A failed
 * build does not stop the run: the checks that need it fail with its output (see
 * builtSite in tests/helpers/site.ts).
 *
 * The setup returns at once and the builds go on in the background: Vitest runs every project's
 * global setup before any file, and the unit and package files (an earlier group, see
 * vitest.config.ts) need none of this, so they run meanwhile. Site files wait for the record
 * (site-builds-ready.ts, the site project's setup file).
 */
export default function setup(project: TestProject): () => Promise<void> {
  const kept = process.env.REUSE_QUALITY_BUILDS;
  if (kept) {
    // For working on site tests: the builds and crawls a run kept (KEEP_QUALITY_BUILDS=1), used as they are.
    const record = resolve(kept, 'shared-builds.json');
    if (!existsSync(record)) throw new Error(`REUSE_QUALITY_BUILDS=${kept}: no shared-builds.json there; keep a run's builds with KEEP_QUALITY_BUILDS=1 first`);
    project.provide('sharedBuilds', record);
    return async () => {};
  }
  // Under .builds/ (git-ignored): builds must be inside the project, see build-site.ts.
  const work = freshOutDir('quality-');
  const record = join(work, 'shared-builds.json');
  project.provide('sharedBuilds', record);
  // The record is written once every site is built; the crawls may still be running (siteCrawl waits for them).
  const done = buildAndCrawl(work)
    .then(
      async ({ builds, crawls }) => {
        writeRecord(record, { builds });
        await crawls;
      },
      (error: unknown) => writeRecord(record, { error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    )
    // The crawls' browser: left open, it would keep Vitest's main process from exiting.
    .finally(closeSharedChromium);
  return async () => {
    await done;
    if (!process.env.KEEP_QUALITY_BUILDS) rmSync(work, { recursive: true, force: true });
  };
}

const writeRecord = (path: string, record: SharedBuildsRecord) => writeFileAtomic(path, JSON.stringify(record));

async function buildAndCrawl(work: string): Promise<{ builds: Record<SharedBuild, ProvidedBuild>; crawls: Promise<unknown> }> {
  const crawls: Array<Promise<void>> = [];
  const builds = (Object.entries(sharedBuilds) as Array<[SharedBuild, (typeof sharedBuilds)[SharedBuild]]>).map(async ([key, build]): Promise<[SharedBuild, ProvidedBuild]> => {
    const outDir = join(work, key);
    // The crawled builds first: the others are needed only once the crawls are done, so they run
    // at a lower priority, on what the crawls leave of the CPU.
    const priority = key in crawled ? undefined : lowPriority;
    // The real site at "/" builds as `npm run build` does, in the project itself; every other build
    // has a root of its own (the example is a project already), so that all run side by side.
    const { contentDir, result } =
      'project' in build
        ? { contentDir: resolve(build.project, 'content'), result: await buildProjectInBackground(build.project, { outDir, priority }) }
        : {
            contentDir: resolve(build.content),
            result: await buildSiteInBackground(build.content, {
              outDir,
              base: build.base === '/' ? undefined : build.base,
              root: key === 'realSite' ? false : undefined,
              priority,
            }),
          };
    // Each real-site build is crawled as soon as it is built, while the others still build and the
    // first site files run (siteCrawl waits for it).
    mark(`${key} ${result.ok ? 'built' : 'failed to build'}`);
    if (key in crawled && result.ok) crawls.push(setupCrawl(key as keyof typeof crawled, outDir, build.base).then(() => mark(`${key} crawled`)));
    return [key, { ok: result.ok, output: result.output, outDir: result.outDir, contentDir, base: build.base }];
  });
  return { builds: Object.fromEntries(await Promise.all(builds)) as Record<SharedBuild, ProvidedBuild>, crawls: Promise.all(crawls) };
}

const started = performance.now();
/** With SUITE_TIMELINE=1, when each build and crawl ended, for finding what the run waits on. */
const mark = (what: string) => {
  if (process.env.SUITE_TIMELINE) process.stdout.write(`suite timeline: ${what} at ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
};

/** The builds the global setup crawls in Chromium (see saveCrawl). */
const crawled = { realSite: true, realSiteUnderBase: true } as const;

/** A nice value (as `nice -n 10`): the build yields the CPU to the crawls. */
const lowPriority = 10;
