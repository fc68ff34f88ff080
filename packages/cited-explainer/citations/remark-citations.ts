import type { Parent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { type CitationOptions, citePage, type Frontmatter, pageFile } from './cite-page.ts';
import { siteElementReplacements } from './site-note.ts';

/**
 * remark plugin: the page's citations (cite-page.ts) applied to a unified tree: cited blocks
 * rebuilt with their claims and markers, notes marked as the site's remark (site-note.ts), the
 * "Sources" endnotes appended, and the ledger records handed to Astro as
 * `remarkPluginFrontmatter.citations` (and the notes as `.notes`).
 */

export function remarkCitations(options: CitationOptions) {
  return (tree: Root, file: VFile) => {
    const page = file.path ? pageFile(options.contentDir, file.path) : undefined;
    if (!page) return;
    const data = file.data as { astro?: { frontmatter?: Frontmatter } };
    const cited = citePage(tree, { ...page, source: String(file.value), frontmatter: data.astro?.frontmatter ?? {} }, options);

    for (const { block, children } of cited.blocks) block.children = children;
    for (const [test, replacement] of siteElementReplacements) {
      // Each replacement is visited again (the index returned), so that what it holds is replaced too.
      visit(tree, test, (node, index, parent) => {
        (parent as Parent).children[index!] = replacement(node) as Parent['children'][number];
        return index;
      });
    }
    if (cited.endnotes) tree.children.push(cited.endnotes);
    data.astro ??= {};
    // Astro reads the front matter object it handed in: add to it, don't replace it.
    data.astro.frontmatter ??= {};
    Object.assign(data.astro.frontmatter, cited.frontmatter);
  };
}
