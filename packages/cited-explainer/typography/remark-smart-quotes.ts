import type { Root } from 'mdast';
import type { Node } from 'unist';
import { visitParents } from 'unist-util-visit-parents';
import { isInlineContainer, smartQuotes } from './smart-quotes.ts';

/**
 * remark plugin: typographer's quotes in every text node (smart-quotes.ts). Code and inline code
 * are other node types and stay as written; a link's address is not text. Each text node is read
 * with the last character of the text before it in its block, so quotes around *emphasis* pair up.
 */
export function remarkSmartQuotes() {
  return (tree: Root) => {
    const lastChar = new Map<Node, string>();
    visitParents(tree, 'text', (node, ancestors) => {
      const block = ancestors.findLast((a) => !isInlineContainer(a)) ?? tree;
      node.value = smartQuotes(node.value, lastChar.get(block) ?? '');
      if (node.value) lastChar.set(block, node.value.at(-1)!);
    });
  };
}
