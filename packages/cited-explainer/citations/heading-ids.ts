import { readdirSync, readFileSync } from 'node:fs';
import Slugger from 'github-slugger';
import type { Heading, Root } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { ContentError } from '../lib/content-error.ts';

/**
 * The ids a page's layout gives its own elements (the skip link's "main", the header's "top", the
 * contents' "toc-heading", search's "site-search-input", "Cite this page"'s heading…), read from the
 * templates themselves so that a new one is reserved as soon as it is written: every literal
 * id="…" in the layouts, the components, the routes and cite/block.ts, and every id a template names
 * in a constant or a default prop (`const citeId = 'cite-page-title'`, `headingId = '…'`,
 * `EDITORS_NOTE_ID = '…'`) with the ids built on it (`${headingId}-0`, `${EDITORS_NOTE_ID}-title`).
 */
function templateIds(): { exact: Set<string>; prefixes: string[] } {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  const folders = ['../layouts/', '../components/', '../routes/'].map((folder) => new URL(folder, import.meta.url));
  // "Cite this page"'s heading id is shared by the block and the links to it, so it lives with the block's data.
  const files = [
    new URL('../cite/block.ts', import.meta.url),
    ...folders.flatMap((folder) =>
      readdirSync(folder)
        .filter((name) => /\.(?:astro|ts)$/.test(name))
        .map((name) => new URL(name, folder)),
    ),
  ];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const [, id] of text.matchAll(/\bid="([^"{}]+)"/g)) exact.add(id);
    for (const [, id] of text.matchAll(/\b\w*(?:Id|_ID)\s*=\s*'([a-z0-9-]+)'/g)) {
      exact.add(id);
      prefixes.push(`${id}-`);
    }
  }
  return { exact, prefixes };
}

/** Ids the citation engine gives the elements it adds: the endnotes heading (render.ts), each endnote (resolve.ts: "note-3", or with a prefix), each claim and its preview (resolve.ts, render.ts: "claim-…", "preview-claim-…"). */
const engineIds = { exact: ['endnotes-title'], pattern: /^(?:claim-|preview-claim-|(?:[a-z0-9-]+-)?note-\d+$)/ };

let reserved: ReturnType<typeof templateIds> | undefined;

/** True when a page element's id would be one the page's layout or the citation engine also uses. */
export function isReservedId(id: string): boolean {
  reserved ??= templateIds();
  return reserved.exact.has(id) || engineIds.exact.includes(id) || engineIds.pattern.test(id) || reserved.prefixes.some((prefix) => id.startsWith(prefix));
}

/**
 * Refuses a heading whose id, as Astro will make it (github-slugger on its text, numbered when the
 * page repeats it, so unique on the page), is one the page already uses for something else: two
 * elements with one id break the skip link, the contents, search and the claim links.
 */
export function assertHeadingIdsFree(tree: Root, file: string): void {
  const slugger = new Slugger();
  visit(tree, 'heading', (heading: Heading) => {
    const id = slugger.slug(textOf(heading));
    if (!isReservedId(id)) return;
    throw new ContentError({
      file,
      line: heading.position?.start.line,
      column: heading.position?.start.column,
      message: `the heading "${textOf(heading)}" would get the id "${id}", which the page already uses for its own elements`,
      hint: 'Reword the heading (its id is made from its words).',
    });
  });
}
