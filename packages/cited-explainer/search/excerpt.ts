/**
 * A result's excerpt from the start of a sentence, pure. Pagefind cuts its excerpt (HTML-escaped
 * text with <mark> around the matches) a fixed number of words around the best match, so it
 * usually begins mid-sentence. This keeps the sentence that holds the first match whole from its
 * start, when that start is in the excerpt, and otherwise says that the text begins earlier ("…").
 */

/** The end of a sentence: a stop, maybe a closing quote or bracket, a space, and a capital or an opening quote. */
const SENTENCE_END = /[.!?…]["'”’)\]]?\s+(?=["“‘'([]?\p{Lu})/gu;

export function fromSentenceStart(html: string, words: number, ellipsis = '…'): string {
  const firstMark = html.indexOf('<mark>');
  const before = firstMark < 0 ? html : html.slice(0, firstMark);
  let start = -1;
  for (const match of before.matchAll(SENTENCE_END)) start = match.index + match[0].length;
  // Pagefind's excerpt of a page's opening starts with the page: a capital at its start is taken as a sentence's.
  const startsSentence = start >= 0 || /^["“‘'([]?\p{Lu}/u.test(html);
  const tokens = html.slice(Math.max(start, 0)).split(' ');
  // A sentence so long that its start would push the match out of the excerpt: start near the match instead.
  const markAt = tokens.findIndex((token) => token.includes('<mark>'));
  const from = markAt > 4 && markAt >= words - 4 ? markAt - 4 : 0;
  const kept = tokens.slice(from, from + words);
  const text = kept.join(' ');
  return `${startsSentence && from === 0 ? '' : `${ellipsis} `}${text}${from + words < tokens.length ? ` ${ellipsis}` : ''}`;
}
