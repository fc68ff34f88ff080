import { isNode, isScalar, LineCounter, parseDocument } from 'yaml';

/** A Markdown file's front matter, as Astro finds it: between a leading "---" line and the next "---". */
export const frontMatterBlock = /^(?:\uFEFF|\s*\n)?---([\s\S]*?\n)---/;

/**
 * Where the value of a field stands in a data file (YAML, JSON, or a Markdown file's front matter),
 * as 1-based line and column of its first character (inside an opening quote), read from the YAML
 * parser's own source positions. Undefined when the field is not written. Every "which line is this
 * field on" question of the generator is answered here.
 */
export function fieldPosition(text: string, path: ReadonlyArray<PropertyKey>): { line: number; column: number } | undefined {
  if (path.length === 0) return undefined;
  const front = frontMatterBlock.exec(text);
  // Front matter starts on the line after its "---".
  const [yaml, firstLine] = front ? [front[1], text.slice(0, front.index + front[0].indexOf(front[1])).split('\n').length - 1] : [text, 0];
  const lineCounter = new LineCounter();
  const node = parseDocument(yaml, { lineCounter }).getIn(
    path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    true,
  );
  if (!isNode(node) || !node.range) return undefined;
  const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
  const { line, col } = lineCounter.linePos(node.range[0] + (quoted ? 1 : 0));
  return { line: line + firstLine, column: col };
}
