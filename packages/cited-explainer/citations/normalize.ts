/**
 * Normalisation for quote matching. Authors type straight quotes, hyphens and "...";
 * articles use curly quotes, dashes, "…" and no-break spaces. Both sides are mapped to one form,
 * keeping for every normalised character the offset of the original one, so that a match in the
 * normalised text can be reported as offsets in the archived body.
 */

export interface NormalizedText {
  text: string;
  /** offsets[i] is the offset in the original string of normalised character i. */
  offsets: number[];
}

const replacements: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '`': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2026': '...',
};

/** Characters that are dropped: soft hyphen, zero-width space/joiners, byte-order mark. */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each is dropped on its own, never as part of a joined sequence
const invisible = /[\u00AD\u200B\u200C\u200D\uFEFF]/;
const space = /\s/u; // includes no-break, thin and narrow no-break spaces

export function normalize(input: string): NormalizedText {
  let text = '';
  const offsets: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (invisible.test(char)) continue;
    if (space.test(char)) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0) {
      if (text.length > 0) {
        text += ' ';
        offsets.push(pendingSpace);
      }
      pendingSpace = -1;
    }
    const replacement = replacements[char] ?? char;
    for (const out of replacement) {
      text += out;
      offsets.push(i);
    }
  }
  return { text, offsets };
}
