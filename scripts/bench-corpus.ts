/**
 * Synthetic corpora for the build benchmark: a content folder with `sources` archived sources
 * (the real archive format, hashed as ingest does) and `pages` explainer pages of about
 * `citationsPerPage` citations each, every quote taken from a source so that it matches exactly
 * one place. Deterministic: the same arguments give the same files. Written under .builds/ (not
 * committed).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { joinBlocks, serializeArchiveFile, sha256, type BlockKind } from '../src/archive/format.ts';
import type { SourceMeta } from '../src/schemas/source.ts';

export interface CorpusOptions {
  dir: string;
  pages: number;
  sources: number;
  citationsPerPage?: number;
  /** Paragraphs per source. */
  paragraphs?: number;
}

/** mulberry32: a small seeded PRNG, so corpora are the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const vocabulary = (
  'the a of to and in on for with from by at as said ministry border forces troops village road ' +
  'corridor talks ceasefire statement officials reported government army positions shelling ' +
  'peacekeepers region district morning evening week agreement sides accused attack defence ' +
  'foreign minister president council mission observers residents supplies convoy checkpoint ' +
  'negotiations delegation capital spokesman according earlier later again several two three ' +
  'four wounded killed detained released returned crossed opened closed blocked reopened line'
).split(' ');

const pick = <T>(rng: () => number, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const words = (rng: () => number, count: number) => Array.from({ length: count }, () => pick(rng, vocabulary));
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The unique word that anchors quotes in paragraph `p` of source `s`. */
const anchorWord = (s: number, p: number) => `ref${s}x${p}`;

export function writeCorpus(options: CorpusOptions): { dir: string; pages: number; sources: number; citations: number } {
  const { dir, pages, sources } = options;
  const citationsPerPage = options.citationsPerPage ?? 20;
  const paragraphs = options.paragraphs ?? 10;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'sources'), { recursive: true });
  mkdirSync(join(dir, 'pages'), { recursive: true });
  writeFileSync(
    join(dir, 'site.json'),
    `${JSON.stringify(
      {
        title: 'Synthetic benchmark explainer',
        description: 'Generated pages and sources for measuring build time; not a real explainer.',
        lang: 'en',
        nav: [{ label: 'Sources', href: '/sources/' }],
        corrections: 'Write to bench@example.org.',
        licence: 'Generated text.',
      },
      null,
      2,
    )}\n`,
  );

  const rng = random(20211116);
  const sourceId = (s: number) => `synthetic-source-${pad(s, 4)}`;
  // Each paragraph: some words, its anchor word, more words. A quote is the anchor word and the
  // five words after it: unique in its source, whatever the random words are.
  const bodies: string[][] = [];
  for (let s = 1; s <= sources; s++) {
    const blocks: Array<{ kind: BlockKind; text: string }> = [{ kind: 'standfirst', text: `${words(rng, 14).join(' ')}.` }];
    const texts: string[] = [];
    for (let p = 1; p <= paragraphs; p++) {
      if (p === Math.ceil(paragraphs / 2)) blocks.push({ kind: 'heading', text: `Section ${s}` });
      const text = `${words(rng, 20).join(' ')} ${anchorWord(s, p)} ${words(rng, 30).join(' ')}.`;
      texts.push(text);
      blocks.push({ kind: 'paragraph', text: text.charAt(0).toUpperCase() + text.slice(1) });
    }
    bodies.push(texts);
    const body = joinBlocks(blocks);
    const day = 1 + ((s * 7) % 28);
    const meta: SourceMeta = {
      id: sourceId(s),
      publisher: `Synthetic Wire ${1 + (s % 9)}`,
      headline: `Synthetic article ${s}: ${words(rng, 6).join(' ')}`,
      author: { name: `Writer ${1 + (s % 37)}`, note: null },
      published: { date: `2022-${pad(1 + (s % 12), 2)}-${pad(day, 2)}`, time: null, timezone: null, estimate: false, basis: null },
      url: `https://synthetic.example/articles/${s}`,
      urlConfidence: 'generated',
      republishedFrom: null,
      archived: '2026-01-01',
      sha256: sha256(body),
      raw: `raw/synthetic-${pad(s, 4)}.txt`,
      notes: [],
    };
    writeFileSync(join(dir, 'sources', `${meta.id}.md`), serializeArchiveFile(meta, body));
  }

  writeFileSync(
    join(dir, 'pages', 'index.mdx'),
    ['---', 'title: Synthetic benchmark explainer', 'description: The home page of a generated corpus.', 'updated: 2026-01-01', 'kind: editorial', '---', '', 'A generated corpus for measuring the build.', ''].join('\n'),
  );
  let citations = 0;
  const perParagraph = 4;
  for (let n = 1; n <= pages; n++) {
    const lines = ['---', `title: Synthetic page ${n}`, `description: Generated page ${n} with about ${citationsPerPage} citations.`, 'updated: 2026-01-01', '---', ''];
    let paragraph: string[] = [];
    let paragraphsWritten = 0;
    for (let c = 1; c <= citationsPerPage; c++) {
      const s = 1 + Math.floor(rng() * sources);
      const p = 1 + Math.floor(rng() * paragraphs);
      const text = bodies[s - 1][p - 1].split(' ');
      const at = text.indexOf(anchorWord(s, p));
      const quote = text.slice(at, at + 6).join(' ').replace(/\.$/, '');
      paragraph.push(`Claim ${c} of page ${n}: ${words(rng, 8).join(' ')}.[@${sourceId(s)}: ${quote}]`);
      citations++;
      if (paragraph.length === perParagraph || c === citationsPerPage) {
        if (paragraphsWritten % 2 === 0) lines.push(`## Part ${paragraphsWritten / 2 + 1}`, '');
        lines.push(paragraph.join(' '), '');
        paragraphsWritten++;
        paragraph = [];
      }
    }
    // Pages in folders of 100, as a large explainer would group them.
    const folder = join(dir, 'pages', `part-${pad(Math.ceil(n / 100), 3)}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `page-${pad(n, 5)}.mdx`), lines.join('\n'));
  }
  return { dir, pages, sources, citations };
}
