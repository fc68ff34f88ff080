/**
 * The citation syntax, written right after the claim it supports:
 *
 *   Armenia said it had lost two positions.[@afp-2021-11-16: lost control of two military positions]
 *
 *   [@source-id: passage]              cite a passage of an archived source
 *   [@source-id (speaker): passage]    …and name who is speaking in it (an actor's slug)
 *
 * Several citations in a row support the same claim. Square brackets inside the passage are fine
 * as long as they are balanced, as in "steps aimed at de-escalation [in Nagorno-Karabakh]".
 */

export interface CitationToken {
  sourceId: string;
  speaker: string | undefined;
  quote: string;
  /** Offsets of the whole token, "[@" to "]", in the scanned string. */
  from: number;
  to: number;
}

export interface SyntaxProblem {
  at: number;
  message: string;
  /** The citation opens but does not close in this text. */
  unclosed?: boolean;
}

const opener = '[@';
const head = /\[@([A-Za-z0-9][\w.-]*)\s*(?:\(\s*([^()\]]*?)\s*\))?\s*:/y;

export const citationSyntaxExample = '[@source-id: exact words from the source]';

/** For every "[" of the text, the offset of the "]" that closes it (brackets balanced), in one pass. */
function closingBrackets(text: string): Map<number, number> {
  const closing = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '[') open.push(i);
    else if (text[i] === ']' && open.length > 0) closing.set(open.pop()!, i);
  }
  return closing;
}

export function findCitations(text: string): { tokens: CitationToken[]; problems: SyntaxProblem[] } {
  const tokens: CitationToken[] = [];
  const problems: SyntaxProblem[] = [];
  if (!text.includes(opener)) return { tokens, problems };
  const closing = closingBrackets(text);
  for (let at = text.indexOf(opener); at >= 0; at = text.indexOf(opener, at + 1)) {
    head.lastIndex = at;
    const parsed = head.exec(text);
    if (!parsed) {
      problems.push({ at, message: `a citation must read ${citationSyntaxExample}` });
      continue;
    }
    const close = closing.get(at);
    if (close === undefined) {
      problems.push({ at, unclosed: true, message: 'this citation has no closing "]"' });
      continue;
    }
    tokens.push({
      sourceId: parsed[1],
      speaker: parsed[2] || undefined,
      quote: text.slice(head.lastIndex, close).trim(),
      from: at,
      to: close + 1,
    });
    at = close;
  }
  return { tokens, problems };
}
