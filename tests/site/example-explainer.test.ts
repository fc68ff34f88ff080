import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readArchive } from '../../packages/cited-explainer/archive/read.ts';
import { type Ledger, ledgerSchema } from '../../packages/cited-explainer/schemas/ledger.ts';
import { builtSite, listPages, readPage } from '../helpers/site.ts';
import type { ProvidedBuild } from '../helpers/site-global-setup.ts';
import { uncitedBlocks } from '../helpers/uncited-blocks.ts';

/**
 * The second explainer (issue 13): tests/fixtures/example-explainer is a project of its own about
 * the Gettysburg Address, built by the global setup with `astro build --root` from the same
 * integration, with no code of its own beyond a replacement footer. It proves the generator
 * carries no topic: other words (strings.json), another kind of source (a speech, no URL), no
 * incidents or maps.
 */
describe('the example explainer, built as its own project', () => {
  let build: ProvidedBuild;
  let ledger: Ledger;
  beforeAll(() => {
    build = builtSite('exampleSite');
    ledger = ledgerSchema.parse(JSON.parse(readFileSync(join(build.outDir, 'citations.json'), 'utf8')));
  });

  it('uses its own footer (the integration option components.Footer) on every page', () => {
    for (const path of listPages(build.outDir)) {
      const footer = /<footer[^>]*>[\s\S]*<\/footer>/.exec(readPage(build.outDir, path))?.[0];
      expect(footer, path).toMatch(/^<footer class="site-footer example-footer">/);
      // The default footer's corrections paragraph is not there (the about page may still hold it).
      expect(footer, path).not.toContain('class="corrections"');
    }
  });

  it('speaks in its own words: strings.json rewords the scope line and leaves out "later events"', () => {
    const page = readPage(build.outDir, '/what-the-address-says/');
    expect(page).toMatch(/<p class="scope" role="note"[^>]*>Based on the text of a speech from November 19, 1863\.<\/p>/);
    expect(page).not.toContain('Later events');
  });

  it('names nothing of the real explainer anywhere', () => {
    for (const path of listPages(build.outDir)) expect(readPage(build.outDir, path), path).not.toMatch(/Armenia|Azerbaijan|Karabakh|Lachin|Zangezur|ceasefire/i);
  });

  it('cites every sentence a reader sees on its explainer, actor and glossary pages', () => {
    const pages = listPages(build.outDir).filter((path) => !/^\/(sources|search|data|about)\/|^\/404/.test(path));
    expect(pages).toEqual(expect.arrayContaining(['/', '/what-the-address-says/', '/actors/abraham-lincoln/', '/glossary/']));
    expect(pages.flatMap((path) => uncitedBlocks(readPage(build.outDir, path)).map((text) => `${path}: ${text}`))).toEqual([]);
  });

  it('publishes each quote as it stands in the archived speech, attributed to its speaker', () => {
    const archive = readArchive(join(build.contentDir, 'sources'));
    expect(ledger.citations.length).toBeGreaterThan(10);
    for (const entry of ledger.citations) {
      expect(archive.get(entry.source)!.body.slice(entry.start, entry.end)).toBe(entry.quote);
      expect(entry.speaker).toBe('abraham-lincoln');
    }
  });

  it('describes its source as a speech delivered at a place, with no address', () => {
    const page = readPage(build.outDir, '/sources/gettysburg-address-bliss-copy/');
    expect(page).toContain('<dt>Type</dt><dd>Speech</dd><dt>Delivered at</dt><dd>Gettysburg, Pennsylvania');
    expect(page).toContain('Cite the original speech');
    const [item] = JSON.parse(readFileSync(join(build.outDir, 'sources.json'), 'utf8'));
    expect(item).toMatchObject({ type: 'speech', 'event-place': 'Gettysburg, Pennsylvania' });
    expect(item.URL).toBeUndefined();
  });
});
