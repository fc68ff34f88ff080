import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProvenance } from '../../packages/cited-explainer/schemas/provenance.ts';
import { type CorpusFormat, projectPagesDir, writeCorpus } from '../../scripts/bench-corpus.ts';
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

  it('makes Starlight a project of its own that lists Starlight as a dependency (so Vite bundles it) and uses its docs collection', () => {
    const { dir } = bodies('starlight-md');
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies).toHaveProperty('@astrojs/starlight');
    expect(readFileSync(join(dir, 'astro.config.mjs'), 'utf8')).toContain("import starlight from '@astrojs/starlight'");
    expect(readFileSync(join(dir, 'src/content.config.ts'), 'utf8')).toContain('docsLoader()');
  });
});
