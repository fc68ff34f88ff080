import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { type CitationOptions, citePage, type Frontmatter, pageFile, siteNoteProperties } from './cite-page.ts';

/**
 * remark plugin: the page's citations (cite-page.ts) applied to a unified tree: cited blocks
 * rebuilt with their claims and markers, <Note> marked as the site's remark, the "Sources"
 * endnotes appended, and the ledger records handed to Astro as `remarkPluginFrontmatter.citations`
 * (and the notes as `.notes`).
 */

export function remarkCitations(options: CitationOptions) {
  return (tree: Root, file: VFile) => {
    const page = file.path ? pageFile(options.contentDir, file.path) : undefined;
    if (!page) return;
    const data = file.data as { astro?: { frontmatter?: Frontmatter } };
    const cited = citePage(tree, { ...page, source: String(file.value), frontmatter: data.astro?.frontmatter ?? {} }, options);

    for (const { block, children } of cited.blocks) block.children = children;
    cited.noteElements.forEach(markNote);
    if (cited.endnotes) tree.children.push(cited.endnotes);
    data.astro ??= {};
    // Astro reads the front matter object it handed in: add to it, don't replace it.
    data.astro.frontmatter ??= {};
    Object.assign(data.astro.frontmatter, cited.frontmatter);
  };
}

/** A <Note> element becomes a plain div (or span) with the note's role and class, not a component. */
function markNote(node: object): void {
  const element = node as { type: string; name?: string; attributes?: unknown[]; data?: Record<string, unknown> };
  const flow = element.type === 'mdxJsxFlowElement';
  element.data = { ...element.data, hName: flow ? 'div' : 'span', hProperties: siteNoteProperties };
  // Blockquote and emphasis render their children as the element names; mdast-util-to-hast passes JSX through untouched.
  element.type = flow ? 'blockquote' : 'emphasis';
  delete element.name;
  delete element.attributes;
}
