import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildsDir } from '../../helpers/build-site.ts';
import { builtSite, listPages } from '../../helpers/site.ts';
import { MIN_TARGET_PX, MIN_TEXT_PX, readerProblems, sitePage } from './reader-checks.ts';

// The reader's design bar (issue 10): one page of each kind, at a laptop's and a phone's width, in
// light and dark. Each fails on a page that scrolls sideways, on text drawn under 12 px (map labels
// included) and on tap targets under 24 px. The full-page screenshots are kept for review under
// .builds/screenshots/<width>-<scheme>/ (git-ignored), whether the checks pass or not.
const build = builtSite();

/** A page of each kind: every top-level page, and the first page under each section ("/incidents/…"). */
function onePagePerKind(pages: string[]): string[] {
  const kinds = new Map<string, string>();
  for (const path of pages) {
    const segments = path.split('/').filter(Boolean);
    const kind = segments.length > 1 ? `${segments[0]}/*` : path;
    if (!kinds.has(kind)) kinds.set(kind, path);
  }
  return [...kinds.values()];
}

const pages = onePagePerKind(listPages(build.outDir));
const views = [390, 1280].flatMap((width) => (['light', 'dark'] as const).map((scheme) => ({ width, scheme })));
const cases = views.flatMap((view) => pages.map((path) => [`${view.width} px ${view.scheme} ${path}`, { ...view, path }] as const));
const screenshots = join(buildsDir, 'screenshots');
const fileName = (path: string) => (path.replace(/^\/|\/$/g, '').replace(/[/.]/g, '-') || 'home') + '.png';

const site = sitePage(build);

describe('what a reader sees', () => {
  it('covers the home page, an explainer, an incident, an actor, a source and search', () => {
    for (const path of ['/', '/search/', '/404.html']) expect(pages).toContain(path);
    for (const section of ['incidents', 'actors', 'sources']) expect(pages.some((p) => p.startsWith(`/${section}/`) && p.split('/').length > 3)).toBe(true);
  });

  it.each(cases)(`%s: no sideways scrolling, no text under ${MIN_TEXT_PX} px, no tap target under ${MIN_TARGET_PX} px`, async (_, { width, scheme, path }) => {
    await site.page.setViewportSize({ width, height: 900 });
    await site.page.emulateMedia({ colorScheme: scheme, media: 'screen' });
    await site.page.goto(new URL(path.slice(1), site.open.server.url).href);
    const folder = join(screenshots, `${width}-${scheme}`);
    mkdirSync(folder, { recursive: true });
    await site.page.screenshot({ path: join(folder, fileName(path)), fullPage: true });
    const problems = await readerProblems(site.page);
    expect(problems.overflow, 'the page scrolls sideways').toBeNull();
    expect(problems.smallText, `text under ${MIN_TEXT_PX} px`).toEqual([]);
    expect(problems.smallTargets, `tap targets under ${MIN_TARGET_PX} px`).toEqual([]);
  });

  it('no page scrolls sideways on the narrowest phone (320 px)', async () => {
    await site.page.setViewportSize({ width: 320, height: 900 });
    await site.page.emulateMedia({ colorScheme: 'light', media: 'screen' });
    const wide: string[] = [];
    for (const path of listPages(build.outDir)) {
      await site.page.goto(new URL(path.slice(1), site.open.server.url).href);
      const { overflow } = await readerProblems(site.page);
      if (overflow) wide.push(`${path}: ${overflow}`);
    }
    expect(wide).toEqual([]);
  });
});
