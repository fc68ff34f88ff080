import type { Node } from 'mdast';
import { ContentError } from '../lib/content-error.ts';

/**
 * How deeply a page's blocks and inline elements may nest: a list inside a list item is two levels,
 * emphasis inside a link one. Prose needs a handful; the checks that walk a page recurse, and a page
 * nested thousands deep would overflow their stack (or, for long, seem to hang) instead of being told.
 */
export const maxNesting = 100;

/**
 * Refuses a page nested deeper than maxNesting, naming where the limit is crossed. It walks the tree
 * without recursion and stops at the first node too deep, so a pathological page is refused at once.
 */
export function assertNestingWithin(tree: Node, file: string, limit = maxNesting): void {
  const pending: Array<{ node: Node; depth: number }> = [{ node: tree, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { node, depth } = next;
    if (depth > limit) {
      const at = node.position?.start;
      throw new ContentError({
        file,
        line: at?.line,
        column: at?.column,
        message: `content nested more than ${limit} levels deep (lists in lists, quotes in quotes, …)`,
        hint: 'Flatten it: no page needs this depth; it is refused so that the build cannot overflow or hang on it.',
      });
    }
    for (const child of (node as { children?: Node[] }).children ?? []) pending.push({ node: child, depth: depth + 1 });
  }
}
