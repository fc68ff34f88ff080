import { ContentError } from './content-error.ts';
import { frontMatterBlock } from './field-position.ts';

/**
 * Characters a content file (a page, a data file, site.json) may not hold: control characters
 * other than tab, line feed and carriage return, which no reader can see and some tools stop at,
 * and the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
 * make text display in another order than it is stored, so that a reader, a reviewer and the
 * quote check would each read a different sentence. Right-to-left scripts need none of them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

const names: Record<number, string> = {
  0: 'NULL',
  8234: 'LEFT-TO-RIGHT EMBEDDING',
  8235: 'RIGHT-TO-LEFT EMBEDDING',
  8236: 'POP DIRECTIONAL FORMATTING',
  8237: 'LEFT-TO-RIGHT OVERRIDE',
  8238: 'RIGHT-TO-LEFT OVERRIDE',
  8294: 'LEFT-TO-RIGHT ISOLATE',
  8295: 'RIGHT-TO-LEFT ISOLATE',
  8296: 'FIRST STRONG ISOLATE',
  8297: 'POP DIRECTIONAL ISOLATE',
};

/** "U+202E (RIGHT-TO-LEFT OVERRIDE)", "U+0007 (a control character)". */
export function describeCodePoint(codePoint: number): string {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  return `${hex} (${names[codePoint] ?? (codePoint >= 0x202a ? 'a bidirectional control' : 'a control character')})`;
}

/** The first forbidden character of a text, with its 1-based line and column, or undefined. */
export function forbiddenInContent(text: string): { codePoint: number; line: number; column: number } | undefined {
  const found = forbidden.exec(text);
  if (!found) return undefined;
  const before = text.slice(0, found.index);
  const line = before.split('\n').length;
  return { codePoint: found[0].codePointAt(0) ?? 0, line, column: found.index - before.lastIndexOf('\n') };
}

/** Refuses a content file holding a forbidden character, naming it and where it stands. */
export function assertPlainText(file: string, text: string): void {
  const found = forbiddenInContent(text);
  if (!found) return;
  throw new ContentError({
    file,
    line: found.line,
    column: found.column,
    message: `${describeCodePoint(found.codePoint)} is not allowed in content`,
    hint: 'Delete it: control characters and bidirectional overrides are invisible and make the text read differently from how it is stored (right-to-left text needs none).',
  });
}

/**
 * How deep an MDX page's elements and {expressions} may nest, counted in its text before it is
 * parsed. Prose needs two or three levels. Sätteri's MDX parser takes time exponential in the number
 * of elements left open inside an expression left open (about double for each: 22 took 0.1 s; a
 * property test's page with 1,767 did not finish in ten minutes), so a page past this is refused
 * before the parser sees it.
 */
export const maxMdxNesting = 16;

/** A line opening or closing a fenced code block: three or more backticks or tildes, in a quote or indented or not. */
const fence = /^(?:\s*>)*\s*(`{3,}|~{3,})(.*)$/;
/** What may follow `<` to open an element (or `<>` a fragment): as MDX's grammar starts a name. */
const elementStart = /^[\p{ID_Start}$_>]/u;

interface Opening {
  line: number;
  column: number;
  brace: boolean;
}

/**
 * Where an MDX text first nests elements and expressions deeper than `limit`, and where the
 * outermost of those still open starts; or undefined. An element counts from `<` to its closing tag
 * or `/>`, an expression from `{` to `}`. Not counted: the front matter, fenced code, backtick spans
 * within a line, escaped characters, and comments inside an expression.
 */
export function mdxNestingBeyond(text: string, limit = maxMdxNesting): { line: number; column: number; outermost: { line: number; column: number } } | undefined {
  const open: Opening[] = [];
  const close = (brace: boolean) => {
    const index = open.findLastIndex((opening) => opening.brace === brace);
    if (index !== -1) open.splice(index, 1);
  };
  // The front matter blanked out line for line, so that lines keep their numbers.
  const lines = text.replace(frontMatterBlock, (block) => block.replace(/[^\n]/g, '')).split('\n');
  let openFence: string | undefined;
  let inComment = false;
  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const line = lines[lineIndex];
    const inExpression = open.some((opening) => opening.brace);
    const [, mark, info] = inExpression || inComment ? [] : (fence.exec(line) ?? []);
    if (openFence) {
      if (mark?.[0] === openFence[0] && mark.length >= openFence.length && info.trim() === '') openFence = undefined;
      continue;
    }
    // A backtick fence's info string holds no backtick: ```x``` opens nothing (it is a code span).
    if (mark && !(mark[0] === '`' && info.includes('`'))) {
      openFence = mark;
      continue;
    }
    for (let i = 0; i < line.length; i++) {
      const char = line[i];
      if (inComment) {
        if (char === '*' && line[i + 1] === '/') [inComment, i] = [false, i + 1];
      } else if (char === '\\') i++;
      else if (char === '`') {
        const run = /^`+/.exec(line.slice(i))![0];
        const end = line.indexOf(run, i + run.length);
        i = end === -1 ? i + run.length - 1 : end + run.length - 1;
      } else if (char === '/' && line[i + 1] === '*' && open.some((opening) => opening.brace)) [inComment, i] = [true, i + 1];
      else if (char === '}') close(true);
      else if ((char === '/' && line[i + 1] === '>') || (char === '<' && line[i + 1] === '/')) close(false);
      else if (char === '{' || (char === '<' && elementStart.test(line.slice(i + 1, i + 3)))) {
        open.push({ line: lineIndex + 1, column: i + 1, brace: char === '{' });
        if (open.length > limit) return { line: lineIndex + 1, column: i + 1, outermost: { line: open[0].line, column: open[0].column } };
      }
    }
  }
  return undefined;
}

/** Refuses an MDX page nested deeper than maxMdxNesting (see mdxNestingBeyond), before it is parsed. */
export function assertMdxNestingWithin(file: string, text: string): void {
  const found = mdxNestingBeyond(text);
  if (!found) return;
  const { outermost, ...at } = found;
  throw new ContentError({
    file,
    ...at,
    message: `elements and {expressions} nested more than ${maxMdxNesting} deep, or left open`,
    hint: `The outermost of them still open starts at line ${outermost.line}, column ${outermost.column}. Close each element and brace where it opens: a page needs two or three levels. Deeper nesting is refused before the MDX parser reads it, because its time doubles with each level.`,
  });
}
