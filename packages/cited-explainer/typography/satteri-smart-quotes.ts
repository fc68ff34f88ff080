import type { Parents } from 'mdast';
import type { MdastPluginEntry } from 'satteri';
import { isInlineContainer, smartQuotes } from './smart-quotes.ts';

/**
 * Sätteri plugin: typographer's quotes in every text node (smart-quotes.ts), as
 * remark-smart-quotes.ts does, so prose and data fields share one rule. Sätteri's own
 * smartPunctuation quotes differ ("the '90s" gets an opening mark), so its `quotes` stay off.
 */
export function satteriSmartQuotes(): MdastPluginEntry {
  // A factory: a fresh "last character" per block for each document.
  return () => {
    const lastChar = new Map<object | undefined, string>();
    return {
      name: 'cited-explainer:smart-quotes',
      text(node, ctx) {
        let block: Readonly<Parents> | undefined = ctx.parent(node);
        while (block && isInlineContainer(block)) block = ctx.parent(block);
        const value = smartQuotes(node.value, lastChar.get(block) ?? '');
        if (value) lastChar.set(block, value.at(-1)!);
        if (value !== node.value) ctx.setProperty(node, 'value', value);
      },
    };
  };
}
