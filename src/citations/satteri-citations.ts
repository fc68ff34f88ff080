import { fileURLToPath } from 'node:url';
import type { MdastPluginEntry, MdastVisitorContext, MdxJsxFlowElement, MdxJsxTextElement } from 'satteri';
import { type CitationOptions, citePage, type Frontmatter, isNote, pageFile, siteNoteProperties } from './cite-page.ts';

/**
 * Sätteri plugin: the page's citations (cite-page.ts) applied through Sätteri's edit context. The
 * whole page is read once, in the `before` hook (endnotes are numbered and uncited claims found
 * across the page, not node by node), then cited blocks are rebuilt, the endnotes appended and the
 * ledger records handed to Astro in `data.astro.frontmatter`, as the remark plugin does.
 */

type AstroData = { astro?: { frontmatter?: Frontmatter } };

export function satteriCitations(options: CitationOptions): MdastPluginEntry {
  return ({ fileURL }) => {
    // A document outside the content folder is left alone: no pass runs on it.
    const page = fileURL ? pageFile(options.contentDir, fileURLToPath(fileURL)) : undefined;
    if (!page) return null;
    // Two passes: a <Note> is replaced once the edits inside it (its claims' blocks) are applied.
    return [
      {
        name: 'cited-explainer:citations',
        options: { position: true },
        before(root, ctx) {
          const data = ctx.data as AstroData;
          data.astro ??= {};
          const astro = data.astro;
          const cited = citePage(root, { ...page, source: ctx.source, frontmatter: astro.frontmatter ?? {} }, options);

          for (const { block, children } of cited.blocks) ctx.setProperty(block, 'children', children);
          if (cited.endnotes) ctx.appendChild(root, cited.endnotes);
          astro.frontmatter ??= {};
          Object.assign(astro.frontmatter, cited.frontmatter);
        },
      },
      { name: 'cited-explainer:notes', mdxJsxFlowElement: markNote, mdxJsxTextElement: markNote },
    ];
  };
}

/** A <Note> element becomes a plain div (or span) with the note's role and class, not a component. */
function markNote(node: Readonly<MdxJsxFlowElement | MdxJsxTextElement>, ctx: MdastVisitorContext): void {
  if (!isNote(node)) return;
  const hName = node.type === 'mdxJsxFlowElement' ? 'div' : 'span';
  ctx.replaceNode(node, { type: 'siteNote', children: node.children, data: { hName, hProperties: siteNoteProperties } });
}
