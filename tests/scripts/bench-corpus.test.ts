import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProvenance } from '../../packages/cited-explainer/schemas/provenance.ts';
import { type CorpusFormat, editFirstClaim, projectPagesDir, writeCorpus } from '../../scripts/bench-corpus.ts';
import { firstContentError } from '../helpers/content-check.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const root = tempDir('bench-corpus-');

/** The text of each page of a corpus after its front matter, in page order. */
function bodies(format: CorpusFormat) {
  const dir = join(root, format);
  const corpus = writeCorpus({ dir, pages: 3, sources: 4, citationsPerPage: 5, format });
  const pagesDir = projectPagesDir(dir, format);
  return { dir, corpus, texts: corpus.pageFiles.map((file) => readFileSync(join(pagesDir, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '')) };
}

describe('bench corpora', () => {
  it('writes the same page texts for the floor and Starlight, without citations, and the cited corpus with them', () => {
    const floor = bodies('floor');
    const starlightMd = bodies('starlight-md');
    const starlightMdx = bodies('starlight-mdx');
    const cited = bodies('md');
    expect(starlightMd.texts).toEqual(floor.texts);
    expect(starlightMdx.texts).toEqual(floor.texts);
    expect(starlightMdx.corpus.pageFiles.every((file) => file.endsWith('.mdx'))).toBe(true);
    expect(floor.texts.join('')).not.toContain('[@');
    expect(cited.corpus.citations).toBe(15);
    expect(cited.texts.map((text) => text.replace(/\[@[^\]]*\]/g, ''))).toEqual(floor.texts);
  });

  it('writes provenance records that ingest and the archive check accept', () => {
    const { dir } = bodies('mdx');
    expect(parseProvenance(readFileSync(join(dir, 'raw', 'provenance.json'), 'utf8'))).toHaveLength(4);
  });

  // The build refuses a claim whose names or numbers no cited passage has (unsupported-detail), or
  // that states an attributed passage in the site's own voice: the bench needs corpora that build.
  it.each(['md', 'mdx'] as const)('writes %s pages that pass the checks and faithfulness rules of the build', async (format) => {
    const dir = join(root, `rules-${format}`);
    writeCorpus({ dir, pages: 4, sources: 6, citationsPerPage: 12, format });
    expect(await firstContentError(dir)).toBeUndefined();
  });

  it('edits the first claim of a page with a word the build accepts, and only that claim', async () => {
    const dir = join(root, 'edited');
    const corpus = writeCorpus({ dir, pages: 2, sources: 4, citationsPerPage: 6, format: 'md' });
    const path = join(dir, 'pages', corpus.pageFiles[1]);
    const text = readFileSync(path, 'utf8');
    const edited = editFirstClaim(text, 'benchedited');
    const body = edited.replace(/^---\n[\s\S]*?\n---\n/, '');
    expect(body.split('benchedited')).toHaveLength(2);
    // The marked claim is the page's first, and it keeps its citation.
    expect(body.indexOf('benchedited')).toBeLessThan(body.indexOf('[@'));
    expect(edited.replace(' benchedited', '')).toBe(text);
    writeFileSync(path, edited);
    expect(await firstContentError(dir)).toBeUndefined();
  });

  it('makes Starlight a project of its own that lists Starlight as a dependency (so Vite bundles it) and uses its docs collection', () => {
    const { dir } = bodies('starlight-md');
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies).toHaveProperty('@astrojs/starlight');
    expect(readFileSync(join(dir, 'astro.config.mjs'), 'utf8')).toContain("import starlight from '@astrojs/starlight'");
    expect(readFileSync(join(dir, 'src/content.config.ts'), 'utf8')).toContain('docsLoader()');
  });
});
