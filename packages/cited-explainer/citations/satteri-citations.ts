import { fileURLToPath } from 'node:url';
import type { MdastContent, MdastPluginEntry, MdastTarget, MdastVisitorContext } from 'satteri';
import { recordContentError } from '../lib/dev-content-errors.ts';
import { type CitationOptions, citePage, type Frontmatter, pageFile } from './cite-page.ts';
import { siteElementReplacements } from './site-note.ts';

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
    const path = fileURL ? fileURLToPath(fileURL) : undefined;
    const page = path ? pageFile(options.contentDir, path) : undefined;
    if (!path || !page) return null;
    // Two passes: a note is replaced once the edits inside it (its claims' blocks) are applied.
    return [
      {
        name: 'cited-explainer:citations',
        options: { position: true },
        before(root, ctx) {
          const data = ctx.data as AstroData;
          data.astro ??= {};
          const astro = data.astro;
          let cited: ReturnType<typeof citePage>;
          try {
            cited = citePage(root, { ...page, source: ctx.source, frontmatter: astro.frontmatter ?? {} }, options);
            recordContentError(path, undefined);
          } catch (error) {
            recordContentError(path, error as Error);
            throw error;
          }

          for (const { block, children } of cited.blocks) ctx.setProperty(block, 'children', children);
          if (cited.endnotes) ctx.appendChild(root, cited.endnotes);
          astro.frontmatter ??= {};
          Object.assign(astro.frontmatter, cited.frontmatter);
        },
      },
      {
        name: 'cited-explainer:site-elements',
        mdxJsxFlowElement: replaceSiteElement,
        mdxJsxTextElement: replaceSiteElement,
        containerDirective: replaceSiteElement,
        leafDirective: replaceSiteElement,
      },
    ];
  };
}

/** A note, navigation, a layout directive or a component's directive, replaced as site-note.ts lists them. */
function replaceSiteElement(node: Readonly<MdastTarget>, ctx: MdastVisitorContext): void {
  const replacement = siteElementReplacements.find(([test]) => test(node))?.[1];
  if (replacement) ctx.replaceNode(node, replacement(node) as MdastContent);
}
