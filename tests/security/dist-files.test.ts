import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleBrowserScripts } from '../../packages/cited-explainer/search/browser-bundle.ts';
import { contentSecurityPolicy, inlineScripts } from '../../packages/cited-explainer/security/csp.ts';
import { readBuiltSite, siteCheck } from '../../packages/cited-explainer/security/dist-files.ts';
import { tempDir } from '../helpers/temp-dir.ts';

// The dist check of a build in two steps (security/integration.ts): the pages scanned ahead while
// other steps still write, then the whole site. Here on a small folder standing for dist/, checked
// against the fixture explainer's content; only the pages' own problems are looked at (the folder
// lacks the files a whole build writes, which the check reports as missing).
const built = readBuiltSite('tests/fixtures/site-basic', '/');

async function pageWithPolicy(body: string): Promise<string> {
  const { boot } = await bundleBrowserScripts('/', built.searchStrings);
  const policy = contentSecurityPolicy(inlineScripts(boot)).replaceAll("'", '&#39;');
  return `<!DOCTYPE html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="${policy}"></head><body>${body}</body></html>`;
}

const pageProblems = (problems: Array<{ file: string; message: string }>) => problems.filter((problem) => !problem.message.startsWith('missing:')).map((problem) => problem.message);

describe('siteCheck', () => {
  it('finds what a page gained after it was scanned ahead, and keeps its scans for the next build', async () => {
    const dist = tempDir('dist-files-');
    mkdirSync(join(dist, 'about'));
    writeFileSync(join(dist, 'index.html'), await pageWithPolicy('<a href="about/">About</a>'));
    writeFileSync(join(dist, 'about', 'index.html'), await pageWithPolicy('<h1>About</h1>'));
    const kept = join(tempDir('dist-files-cache-'), 'scans.json');

    const check = await siteCheck(dist, built, kept);
    await check.scanAhead();
    // Written after the scan ahead, before the check: as another step of the build could.
    writeFileSync(join(dist, 'about', 'index.html'), await pageWithPolicy('<h1>About</h1><iframe src="/"></iframe>'));
    expect(pageProblems(check.check())).toEqual(['<iframe>: embeds another page; not allowed in the site']);

    // The next build's check, from the kept scans, finds the same.
    expect(pageProblems((await siteCheck(dist, built, kept)).check())).toEqual(['<iframe>: embeds another page; not allowed in the site']);
  });
});
