import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildResult, buildSite, buildSiteInBackground, freshOutDir } from '../helpers/build-site.ts';
import { fixtureVariant } from '../helpers/content-check.ts';
import { fileHashes } from '../helpers/site.ts';

/**
 * A build publishes only when it passes, through real builds of the fixture explainer into one
 * output folder: one build at a time, a failed build leaves the published site as it was, and a
 * build after an edit renders only what the edit reaches (Astro's incremental build,
 * lib/render-keys.ts). A file of its own, so that it runs beside builds.test.ts.
 */

describe('a build publishes only when it passes', () => {
  const folders: string[] = [];
  afterAll(() => {
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });
  // The fixture explainer with a title that could break out of the preview image's SVG or the
  // page's markup (issue 12.7): the build that publishes also shows that it is drawn.
  const hostileTitle = `Floods ]]> <b>"bridges"</b> & the <![CDATA[ weir`;
  let outDir: string;
  let variant: ReturnType<typeof fixtureVariant>;
  let winner: BuildResult;
  let refused: BuildResult;
  beforeAll(async () => {
    outDir = join(freshOutDir('publish-'), 'dist');
    folders.push(resolve(outDir, '..'));
    variant = fixtureVariant((page) => page.replace(/^title: .*$/m, `title: '${hostileTitle}'`));
    const { dir } = variant;
    folders.push(dir);
    // A Markdown page too, for the build after an edit (below): one that cites only what the edit leaves.
    writeFileSync(join(dir, 'pages', 'levels.md'), markdownPage);
    const [first, alongside] = await Promise.all([
      buildSiteInBackground(dir, { outDir }),
      // Started while the first runs: it takes the folder before it reads any content.
      new Promise<BuildResult>((done) => setTimeout(() => buildSiteInBackground(dir, { outDir }).then(done), 1000)),
    ]);
    // Which of the two takes the folder first is the machine's to decide (on a loaded one the later
    // start can win): exactly one publishes, and the other refuses in one line.
    [winner, refused] = first.ok ? [first, alongside] : [alongside, first];
  }, 240_000);

  it('a second build into the same folder while one runs refuses in one line', () => {
    expect(winner.ok, winner.output).toBe(true);
    expect(refused.ok, refused.output).toBe(false);
    expect(refused.output).toMatch(/outDir \S+dist: another build \(process \d+\) is writing it; wait for it to finish/);
  });

  it('a title with "]]>", markup and quotes gets its preview image and stays text in the page', () => {
    expect(winner.ok, winner.output).toBe(true);
    expect(readFileSync(join(outDir, 'preview.png')).subarray(1, 4).toString()).toBe('PNG');
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toContain('<h1>Floods ]]&gt; &lt;b&gt;');
  });

  it('a failed build leaves the published site byte for byte', () => {
    expect(winner.ok, winner.output).toBe(true);
    const published = fileHashes(outDir);
    const { dir } = fixtureVariant((page) => page.replace('The northern bridge reopened on Tuesday]', 'The northern bridge opened on Tuesday]'));
    folders.push(dir);
    const failed = buildSite(dir, { outDir });
    expect(failed.ok).toBe(false);
    expect(failed.output).toContain('quote not found in source "town-news-flood-day-two"');
    expect(fileHashes(outDir)).toEqual(published);
    expect(readdirSync(resolve(outDir, '..')).filter((name) => name.includes('dist'))).toEqual(['dist', 'dist-root']);
  });

  // Astro's incremental build copies a page whose code and data are unchanged from the last build
  // (lib/render-keys.ts): after one claim is reworded, that page and the source it cites are
  // rendered again, the rest is copied, and the site is the one a build from scratch publishes.
  it('a build after an edit renders only the pages the edit reaches, and publishes what a build from scratch would', async () => {
    expect(winner.ok, winner.output).toBe(true);
    const edited = variant.text.replace('The southern bridge stayed closed.', 'The southern bridge stayed closed for repairs.');
    expect(edited).not.toBe(variant.text);
    writeFileSync(variant.page, edited);
    const fromScratchDir = join(freshOutDir('publish-scratch-'), 'dist');
    folders.push(resolve(fromScratchDir, '..'));
    const [again, fromScratch] = await Promise.all([buildSiteInBackground(variant.dir, { outDir }), buildSiteInBackground(variant.dir, { outDir: fromScratchDir })]);
    expect(again.ok, again.output).toBe(true);
    expect(fromScratch.ok, fromScratch.output).toBe(true);
    // The Markdown page and the source the edit does not cite; the edited page, the source it
    // cites (its "Cited by" quotes the claim) and the pages without a key are rendered.
    expect(copiedPages(again.output)).toEqual(['/levels/index.html', '/sources/town-news-flood-day-one/index.html']);
    expect(copiedPages(fromScratch.output)).toEqual([]);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toContain('stayed closed for repairs');
    expect(fileHashes(outDir)).toEqual(fileHashes(fromScratchDir));
  }, 240_000);

  // A title shows wherever its page is listed or cited (the sources' "Cited by"): front matter is the
  // whole site's data, so every page is rendered again, as a build from scratch renders it.
  it('a build after a title edit renders every page again', async () => {
    const levels = join(variant.dir, 'pages', 'levels.md');
    writeFileSync(levels, markdownPage.replace('title: River levels', 'title: River levels, night by night'));
    const again = await buildSiteInBackground(variant.dir, { outDir });
    expect(again.ok, again.output).toBe(true);
    expect(copiedPages(again.output)).toEqual([]);
    expect(renderedPages(again.output)).toEqual(
      expect.arrayContaining(['/index.html', '/levels/index.html', '/sources/town-news-flood-day-one/index.html', '/sources/town-news-flood-day-two/index.html']),
    );
    expect(readFileSync(join(outDir, 'sources', 'town-news-flood-day-one', 'index.html'), 'utf8')).toContain('River levels, night by night');
  }, 240_000);
});

/** The pages Astro's incremental build copied from the last build instead of rendering them, from its log. */
const copiedPages = (output: string) => [...output.matchAll(/[├└]─ (\S+) \((?:restored|cached)\)/g)].map((match) => match[1]).sort();
/** The pages it rendered, each logged with its time ("(+12ms)"). */
const renderedPages = (output: string) => [...output.matchAll(/[├└]─ (\S+) \(\+\d/g)].map((match) => match[1]).sort();

const markdownPage = `---
title: River levels
description: How high the river rose.
updated: 2024-06-01
---

The town's flood office said the river rose by two metres overnight.[@town-news-flood-day-one: The river rose by two metres overnight]
`;
