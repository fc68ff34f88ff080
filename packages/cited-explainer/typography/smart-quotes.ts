/**
 * Typographer's quotes for rendered prose: "straight" quotes and apostrophes become “curly” ones,
 * the way SmartyPants does it. Pure: the remark adapter (remark-smart-quotes.ts) applies it to
 * text nodes only, so code, URLs and attributes keep their straight quotes.
 */

/** Characters after which a quote mark opens rather than closes. */
const opensAfter = /[\s([{\u2014\u2013/-]/u;

/**
 * `before` is the character just before `text` in the same paragraph ('' at its start), so a quote
 * that begins a text node after *emphasis* still closes correctly.
 */
export function smartQuotes(text: string, before = ''): string {
  let out = '';
  let previous = before;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    const next = text[i + 1] ?? '';
    if (char === '"') {
      out += previous === '' || opensAfter.test(previous) ? '\u201C' : '\u201D';
    } else if (char === "'") {
      // An apostrophe inside a word (don't) or before a year ('90s) is the closing mark.
      const opens = (previous === '' || opensAfter.test(previous)) && !/\d/.test(next);
      out += opens ? '\u2018' : '\u2019';
    } else {
      out += char;
    }
    previous = char;
  }
  return out;
}

const inlineContainers = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference', 'mdxJsxTextElement']);

/**
 * Formatting and links sit inside a sentence: a quote after *emphasis* closes the quote opened
 * before it, so the adapters read each text node after the previous text of its block, found by
 * climbing out of these containers.
 */
export const isInlineContainer = (node: { type: string }): boolean => inlineContainers.has(node.type);

/**
 * A quotation set inside quotation marks (<q>, which draws “ ”): its own double quotation marks
 * become single ones, as a quotation within a quotation is written, so that a passage that opens
 * or closes with a quote mark does not show two (“"Brookfield…, …catastrophe."”). Only what is
 * shown changes: the ledger keeps the passage as archived.
 */
export function nestQuotes(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    const previous = text[i - 1] ?? '';
    out += /["\u201C\u201D]/.test(char) ? (previous === '' || opensAfter.test(previous) ? '\u2018' : '\u2019') : char;
  }
  return out;
}
