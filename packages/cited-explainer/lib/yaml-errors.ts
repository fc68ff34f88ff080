import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import { ContentError } from './content-error.ts';

/**
 * A YAML data file that does not parse, as one error at the line to fix and what to do there.
 * Astro's own error says only that the file "failed to parse" and to "ensure valid YAML"; the
 * `yaml` parser's error codes tell the usual mistakes apart. Undefined when the text parses.
 */
export function yamlSyntaxError(file: string, text: string): ContentError | undefined {
  const lineCounter = new LineCounter();
  const [error] = parseDocument(text, { lineCounter, uniqueKeys: true }).errors;
  if (!error) return undefined;
  const { line, col } = error.linePos?.[0] ?? { line: 1, col: 1 };
  const problem = explain(error);
  const at = problem.overIndented ? (overIndentedLine(text, line) ?? { line, column: col }) : { line, column: col };
  return new ContentError({ file, ...at, message: problem.message, hint: problem.hint });
}

function explain(error: YAMLError): { message: string; hint: string; overIndented?: boolean } {
  switch (error.code) {
    case 'BAD_INDENT':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return {
        message: 'this line is indented differently from the keys around it, so YAML cannot tell which field it belongs to',
        hint: 'Start every key at the same column as the others of its level, and put list items ("- …") under their key, all at one indentation.',
        overIndented: true,
      };
    case 'TAB_AS_INDENT':
      return { message: 'a tab indents this line', hint: 'YAML indents with spaces only: replace the tab with spaces.' };
    case 'DUPLICATE_KEY':
      return { message: 'this key is written twice in the same block', hint: 'Keep one of them.' };
    case 'MISSING_CHAR':
      return { message: error.message.split(' at line')[0].toLowerCase(), hint: 'Close the quote or bracket opened above, on the line where the value ends.' };
    default:
      return { message: `not valid YAML: ${error.message.split(' at line')[0]}`, hint: 'Check the line against the example in docs/authoring.md.' };
  }
}

/**
 * The line a misplaced indentation is on: YAML reports the value above it (the key whose value
 * the indented line would continue), so the first line after `line` indented more than it, if any.
 */
function overIndentedLine(text: string, line: number): { line: number; column: number } | undefined {
  const lines = text.split('\n');
  const indent = (value: string) => value.length - value.trimStart().length;
  const base = indent(lines[line - 1] ?? '');
  for (let i = line; i < lines.length; i++) {
    if (lines[i].trim() === '' || lines[i].trimStart().startsWith('#')) continue;
    return indent(lines[i]) > base ? { line: i + 1, column: indent(lines[i]) + 1 } : undefined;
  }
  return undefined;
}
