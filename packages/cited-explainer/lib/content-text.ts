import { ContentError } from './content-error.ts';

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
