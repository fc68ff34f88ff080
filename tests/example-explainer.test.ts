import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArchive } from '../packages/cited-explainer/archive/read.ts';
import { bibtexEntry, risRecord } from '../packages/cited-explainer/cite/export.ts';
import { sourceCslItem } from '../packages/cited-explainer/cite/item.ts';
import { loadSiteConfig } from '../packages/cited-explainer/lib/site-config.ts';
import { firstContentError } from './helpers/content-check.ts';
import { exampleProjectDir } from './helpers/site-global-setup.ts';

/**
 * The second example explainer, tests/fixtures/example-explainer/content/: the Gettysburg Address
 * from the public-domain text of its Bliss copy, made with the generator's own ingest. It proves
 * that a content folder on another topic, with a speech for a source and without incidents or
 * maps, passes the build's checks. (Its full build, as a project of its own: tests/site/example-explainer.test.ts.)
 */
const dir = join(exampleProjectDir, 'content');

describe('the Gettysburg Address example explainer', () => {
  it('passes the build’s in-process checks: site.json, the archive re-derived from raw/, every citation of every page', async () => {
    expect(await firstContentError(dir)).toBeUndefined();
  });

  it('has no site address and leaves out incidents and maps, which it does not need', () => {
    const site = loadSiteConfig(dir);
    expect(site.url).toBeUndefined();
    expect(site.lang).toBe('en');
    for (const optional of ['incidents', 'maps.yaml']) expect(existsSync(join(dir, optional)), optional).toBe(false);
  });

  it('archives one speech, with no invented address, cited as a speech', () => {
    const sources = [...readArchive(join(dir, 'sources')).values()];
    expect(sources).toHaveLength(1);
    const [{ meta, body }] = sources;
    expect(meta).toMatchObject({ type: 'speech', url: null, author: { name: 'Abraham Lincoln' }, published: { date: '1863-11-19' } });
    expect(meta.urlConfidence).toMatch(/Bliss copy/);
    expect(body).toBe(readFileSync(join(dir, 'raw', 'gettysburg-address-bliss-copy.txt'), 'utf8'));
    const item = sourceCslItem(meta, '/');
    expect(item).toMatchObject({ type: 'speech', 'event-place': 'Gettysburg, Pennsylvania', title: 'Gettysburg Address' });
    expect(bibtexEntry(item)).toMatch(/^@unpublished\{/);
    expect(risRecord(item)).toMatch(/^TY {2}- GEN\n/);
  });
});
