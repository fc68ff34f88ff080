/**
 * Synthetic corpora for the build benchmark: a content folder with `sources` sources, each a raw
 * article and its provenance record in raw/ and the archive ingest derives from them (the build
 * derives it again and compares), and `pages` explainer pages of about `citationsPerPage`
 * citations each, every quote taken from a source so that it matches exactly one place. Each
 * claim restates words of its cited passage (the quote and the words after it) as what the source
 * reported: the faithfulness rules refuse a name or number no cited passage has, and a passage that
 * attributes (random words include "said") stated in the site's own voice. The same page texts without citations can
 * be written as a minimal Astro project (the floor the bench compares the build with) or as a
 * Starlight project, as .md or .mdx (the docs theme the issue of build cost compares with).
 * Deterministic: the same arguments give the same files. Written under .builds/ (not committed).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { serializeArchiveFile } from '../packages/cited-explainer/archive/format.ts';
import { type ArchivableRecord, deriveArchive } from '../packages/cited-explainer/ingest/derive.ts';

/**
 * How pages are written: cited MDX or cited Markdown for the site; without citations, plain Markdown
 * for the floor, or Markdown or MDX pages of a Starlight project.
 */
export type CorpusFormat = 'mdx' | 'md' | 'floor' | 'starlight-md' | 'starlight-mdx';

/** The formats that are projects of their own, built from the same texts without citations. */
export const uncitedFormats: readonly CorpusFormat[] = ['floor', 'starlight-md', 'starlight-mdx'];
const isUncited = (format: CorpusFormat) => uncitedFormats.includes(format);

export interface CorpusOptions {
  dir: string;
  pages: number;
  sources: number;
  citationsPerPage?: number;
  /** Paragraphs per source. */
  paragraphs?: number;
  format?: CorpusFormat;
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

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export interface Corpus {
  dir: string;
  pages: number;
  sources: number;
  citations: number;
  /** Content-relative path of every generated explainer page, in order. */
  pageFiles: string[];
}

const pageExtension = (format: CorpusFormat) => (format.endsWith('mdx') ? 'mdx' : 'md');
const sourceId = (s: number) => `synthetic-source-${pad(s, 4)}`;
const publisher = (s: number) => `Synthetic Wire ${1 + (s % 9)}`;

function writeFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/**
 * Raw articles, their provenance records and the archives ingest derives from them (written only
 * when `dir` is given: the floor needs the same random sequence but no sources); returns each
 * source's paragraphs.
 */
function writeSources(dir: string | null, rng: () => number, sources: number, paragraphs: number): string[][] {
  const records: ArchivableRecord[] = [];
  const bodies: string[][] = [];
  for (let s = 1; s <= sources; s++) {
    const headline = `Synthetic article ${s}: ${words(rng, 6).join(' ')}`;
    const standfirst = `${capitalise(words(rng, 14).join(' '))}.`;
    const lines = [headline, standfirst];
    const texts: string[] = [];
    // Each paragraph: some words, its anchor word, more words. A quote is the anchor word and the
    // five words after it: unique in its source, whatever the random words are.
    for (let p = 1; p <= paragraphs; p++) {
      if (p === Math.ceil(paragraphs / 2)) lines.push(`Section ${s}`);
      const text = capitalise(`${words(rng, 20).join(' ')} ${anchorWord(s, p)} ${words(rng, 30).join(' ')}.`);
      texts.push(text);
      lines.push(text);
    }
    bodies.push(texts);
    const file = `synthetic-${pad(s, 4)}.txt`;
    const record: ArchivableRecord = {
      file,
      id: sourceId(s),
      publisher: publisher(s),
      publisher_note: null,
      section: null,
      headline,
      author: `Writer ${1 + (s % 37)}`,
      published: { date: `2022-${pad(1 + (s % 12), 2)}-${pad(1 + ((s * 7) % 28), 2)}`, time: null, timezone: null, estimate: false, basis: null },
      url: `https://synthetic.example/articles/${s}`,
      url_confidence: 'inferred: a synthetic benchmark address, not a real one',
      republished_from: null,
      reworded: false,
      evidence: null,
      boilerplate_lines: [],
      encoding_issues: [],
      archived: '2026-01-01',
      standfirst,
    };
    records.push(record);
    if (dir === null) continue;
    const raw = `${lines.join('\n\n')}\n`;
    const { meta, body } = deriveArchive(record, raw);
    writeFile(join(dir, 'raw', file), raw);
    writeFile(join(dir, 'sources', `${meta.id}.md`), serializeArchiveFile(meta, body));
  }
  if (dir !== null) writeFile(join(dir, 'raw', 'provenance.json'), `${JSON.stringify(records, null, 1)}\n`);
  return bodies;
}

export function writeCorpus(options: CorpusOptions): Corpus {
  const { dir, pages, sources } = options;
  const citationsPerPage = options.citationsPerPage ?? 20;
  const paragraphs = options.paragraphs ?? 10;
  const format = options.format ?? 'mdx';
  rmSync(dir, { recursive: true, force: true });
  // The floor is a bare Astro project (its pages under src/pages/), Starlight a docs project (under
  // src/content/docs/): no sources, no site.json.
  const pagesDir = projectPagesDir(dir, format);
  mkdirSync(pagesDir, { recursive: true });
  const rng = random(20211116);
  const bodies = writeSources(isUncited(format) ? null : dir, rng, sources, paragraphs);
  if (format === 'floor') writeFloorProject(dir);
  else if (isUncited(format)) writeStarlightProject(dir);
  else {
    writeFile(
      join(dir, 'site.json'),
      `${JSON.stringify(
        {
          title: 'Synthetic benchmark explainer',
          description: 'Generated pages and sources for measuring build time; not a real explainer.',
          // An address, as a published explainer has: the build then also draws preview images and writes the sitemap and feed.
          url: 'https://bench.test/',
          lang: 'en',
          nav: [{ label: 'Sources', href: '/sources/' }],
          corrections: { text: 'A generated corpus: there are no editors to write to.' },
          licence: 'Generated text.',
        },
        null,
        2,
      )}\n`,
    );
  }

  const ext = pageExtension(format);
  writeFile(
    join(pagesDir, `index.${ext}`),
    [
      '---',
      'title: Synthetic benchmark explainer',
      'description: The home page of a generated corpus.',
      'updated: 2026-01-01',
      'kind: editorial',
      '---',
      '',
      'A generated corpus for measuring the build.',
      '',
    ].join('\n'),
  );
  let citations = 0;
  const perParagraph = 4;
  const claimWords = 8;
  const pageFiles: string[] = [];
  for (let n = 1; n <= pages; n++) {
    const lines = ['---', `title: Synthetic page ${n}`, `description: Generated page ${n} with about ${citationsPerPage} citations.`, 'updated: 2026-01-01', '---', ''];
    let paragraph: string[] = [];
    let paragraphsWritten = 0;
    for (let c = 1; c <= citationsPerPage; c++) {
      const s = 1 + Math.floor(rng() * sources);
      const p = 1 + Math.floor(rng() * paragraphs);
      const text = bodies[s - 1][p - 1].split(' ');
      const at = text.indexOf(anchorWord(s, p));
      const quote = text
        .slice(at, at + 6)
        .join(' ')
        .replace(/\.$/, '');
      const claim = restatedClaim(text.slice(at + 1, at + 1 + claimWords));
      paragraph.push(isUncited(format) ? claim : `${claim}[@${sourceId(s)}: ${quote}]`);
      citations++;
      if (paragraph.length === perParagraph || c === citationsPerPage) {
        if (paragraphsWritten % 2 === 0) lines.push(`## Part ${paragraphsWritten / 2 + 1}`, '');
        lines.push(paragraph.join(' '), '');
        paragraphsWritten++;
        paragraph = [];
      }
    }
    // Pages in folders of 100, as a large explainer would group them.
    const file = join(`part-${pad(Math.ceil(n / 100), 3)}`, `page-${pad(n, 5)}.${ext}`);
    writeFile(join(pagesDir, file), lines.join('\n'));
    pageFiles.push(file);
  }
  return { dir, pages, sources, citations: isUncited(format) ? 0 : citations, pageFiles };
}

/** How every claim opens: an attribution with no name or number of its own (the rules check both against the passage). */
const claimOpening = 'The source reported that';

/** A claim in the passage's own words: the opening, then `passageWords` without their punctuation. */
const restatedClaim = (passageWords: readonly string[]) => `${claimOpening} ${passageWords.map((word) => word.replace(/[^\p{L}\p{N}]/gu, '')).join(' ')}.`;

/**
 * A page's text with `word` added to its first claim (after the claim's opening), for the bench's
 * one-page edit: a lower-case word with no digits, which the rules accept in any claim.
 */
export function editFirstClaim(text: string, word: string): string {
  const at = text.indexOf(`${claimOpening} `);
  if (at < 0) throw new Error('bench: the page has no generated claim to edit');
  const after = at + claimOpening.length;
  return `${text.slice(0, after)} ${word}${text.slice(after)}`;
}

/** Astro's floor: a project with nothing but its pages, built by Astro's default Markdown processor. */
function writeFloorProject(dir: string): void {
  writeFile(join(dir, 'package.json'), `${JSON.stringify({ name: 'bench-floor', private: true, type: 'module' }, null, 2)}\n`);
  writeFile(join(dir, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\n\nexport default defineConfig({ trailingSlash: 'always', build: { format: 'directory' } });\n");
}

/** Where a corpus keeps its pages: a content folder's pages/, or the page folder of a project of its own. */
export function projectPagesDir(dir: string, format: CorpusFormat): string {
  if (format === 'floor') return join(dir, 'src', 'pages');
  if (isUncited(format)) return join(dir, 'src', 'content', 'docs');
  return join(dir, 'pages');
}

/**
 * Starlight as its starter sets it up: the docs collection, a title, and a sidebar of its own links
 * (the starter lists a few pages; listing all 1,000 on every page would measure the sidebar, not
 * the pages). Starlight itself is installed by the bench (bench.ts, starlightModules).
 */
function writeStarlightProject(dir: string): void {
  // Listed as a dependency so that Astro finds it when it decides which packages Vite must bundle.
  const manifest = { name: 'bench-starlight', private: true, type: 'module', dependencies: { '@astrojs/starlight': '*' } };
  writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFile(
    join(dir, 'astro.config.mjs'),
    [
      "import starlight from '@astrojs/starlight';",
      "import { defineConfig } from 'astro/config';",
      '',
      'export default defineConfig({',
      "  integrations: [starlight({ title: 'Synthetic benchmark explainer', sidebar: [{ label: 'Start', items: [{ label: 'Home', link: '/' }] }] })],",
      '});',
      '',
    ].join('\n'),
  );
  writeFile(
    join(dir, 'src', 'content.config.ts'),
    [
      "import { defineCollection } from 'astro:content';",
      "import { docsLoader } from '@astrojs/starlight/loaders';",
      "import { docsSchema } from '@astrojs/starlight/schema';",
      '',
      'export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };',
      '',
    ].join('\n'),
  );
}
