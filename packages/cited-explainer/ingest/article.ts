/**
 * What ingest archives is an article's text as a reader sees it, copied from the page: never a
 * data file, program code or a page's HTML source, which would be archived and quoted as if they
 * were what the publisher wrote. Each is told by its form; the reason is one line, and says what
 * ingest takes instead.
 */

const instead = "ingest takes the article's text as a reader sees it, copied from the page";

/**
 * A line as code is written and prose never is: a statement or declaration, a block opening with a
 * colon (Python), a bare call (`main()`), a brace alone, or a line ending in `;`, `{` or `=>`.
 */
const codeLine = new RegExp(
  [
    String.raw`^\s*(?:import|export|const|let|var|function|class|def|return|package|using|#include|#!)\b`,
    String.raw`^\s*(?:if|elif|else|for|while|switch|try|except|with)\b.*[:{(]\s*$`,
    String.raw`^\s*[\w$.]+\(.*\)\s*;?\s*$`,
    String.raw`^\s*[{}()[\]]+\s*[,;]?\s*$`,
    String.raw`(?:[;{]|=>)\s*$`,
  ].join('|'),
);

/** A line of markup: it starts with a tag, a comment or a doctype. */
const markupLine = /^\s*<(?:[a-z][\w:-]*(?:\s[^>]*)?\/?>|\/[a-z][\w:-]*\s*>|!--|!doctype|\?xml)/i;

/** Why a decoded file is not an article, or undefined when it reads as one. */
export function notAnArticle(text: string): string | undefined {
  const body = text.trim();
  if (/^[[{]/.test(body) && parsesAsJson(body)) return `the file is JSON data, not an article: ${instead}`;
  const lines = body.split(/\r?\n/).filter((line) => line.trim() !== '');
  const markup = lines.filter((line) => markupLine.test(line)).length;
  if (body.startsWith('<') && markup * 2 >= lines.length) return `the file is HTML or XML markup (${markup} of ${lines.length} lines), not an article: ${instead}`;
  const code = lines.filter((line) => codeLine.test(line)).length;
  if (code * 2 >= lines.length) return `the file looks like program code (${code} of ${lines.length} lines), not an article: ${instead}`;
  return undefined;
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
