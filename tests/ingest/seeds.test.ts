import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../packages/cited-explainer/ingest/clean.ts';
import { provenanceFileSchema } from '../../packages/cited-explainer/schemas/provenance.ts';

/** The five seed articles, as the project keeps them in content/raw/. */
const records = provenanceFileSchema.parse(JSON.parse(readFileSync('content/raw/provenance.json', 'utf8')));
const cleaned = (file: string) => {
  const record = records.find((r) => r.file === file)!;
  const raw = readFileSync(`content/raw/${file}`, 'utf8');
  const result = cleanArticle(raw, { headline: record.headline, boilerplateLines: record.boilerplate_lines, standfirst: record.standfirst });
  const text = result.blocks.map((b) => b.text).join('\n');
  return { ...result, text, kinds: result.blocks.map((b) => b.kind) };
};

describe('ingest of the seed articles', () => {
  it('RFE/RL: drops the photo caption and the headline, keeps all 18 paragraphs', () => {
    const { blocks, text } = cleaned('000_97bd53f18ffc2277.txt');
    expect(text).not.toContain('(file photo)');
    expect(blocks).toHaveLength(18);
    expect(blocks.every((b) => b.kind === 'paragraph')).toBe(true);
    expect(blocks[0].text).toMatch(/^At least five ethnic Armenian soldiers were reportedly wounded/);
    expect(text).toContain('“As a result of the skirmish five Armenians soldiers were wounded,”'); // the source's own typo stays
    expect(blocks.at(-1)!.text).toBe('Some 2,000 Russian troops were deployed in the region to monitor the ceasefire following the Moscow-brokered truce.');
  });

  it('Axadle/AFP: drops the cookie banner, marks the sub-heading, keeps 20 paragraphs', () => {
    const { blocks, text } = cleaned('001_47821bafeb867471.txt');
    expect(text).not.toMatch(/cookies/);
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(['Calls to Moscow']);
    expect(blocks.filter((b) => b.kind === 'paragraph')).toHaveLength(20);
    expect(text).toContain('the ensuing conflict left an estimated 30,000 dead.');
  });

  it('JPost 2023: drops menu, captions, credits, ads, newsletter prompts and close glyphs; marks standfirst and three sub-headings', () => {
    const { blocks, text, kinds } = cleaned('002_5526a00ab1bd6eca.txt');
    for (const furniture of ['menu-control', 'photo credit', 'Advertisement', 'Subscribe to', 'Stay updated', '×', 'Email:', 'The Jerusalem Post', 'A view shows a damaged truck']) {
      expect(text).not.toContain(furniture);
    }
    expect(text).not.toContain('\u00a0');
    expect(blocks[0]).toEqual({ kind: 'standfirst', text: 'The reported strikes in the Nagorno-Karabakh region come as Armenia and Azerbaijan conduct peace talks in the US.' });
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual([
      'Armenian, Azerbaijani FMs continue peace talks in US',
      'Recent clashes between Armenian and Azerbaijani forces',
      'Armenia-Azerbaijan long-term tensions',
    ]);
    expect(kinds.filter((k) => k === 'paragraph')).toHaveLength(16);
  });

  it('JPost 2022: keeps the typo "whre", trims the trailing no-break space, marks the standfirst', () => {
    const { blocks, text } = cleaned('003_8e81b810b2dcb657.txt');
    expect(text).toContain('In 2020, the area whre the republic is situated was recaptured by Azerbaijan.');
    expect(text).toContain('Artsakh is "on the verge of a humanitarian catastrophe."\n');
    expect(text).not.toContain('Taghavard');
    expect(blocks[0].kind).toBe('standfirst');
    expect(blocks.filter((b) => b.kind === 'paragraph')).toHaveLength(23);
  });

  it('BBC re-post: repairs the mojibake, drops captions and the comment form, keeps 9 paragraphs', () => {
    const { blocks, text, log } = cleaned('004_79de90045783ce5a.txt');
    expect(text).toContain('But according to Armenia’s foreign ministry, Azerbaijani forces attacked');
    expect(text).not.toMatch(/¬|†|Leave a Reply|commenting|Connecting to|File pic|The fighting broke out/);
    expect(blocks).toHaveLength(9);
    expect(log.some((line) => line.startsWith('Repaired 1 × mojibake'))).toBe(true);
  });
});
