import { z } from 'zod';

/**
 * Characters no text field may hold: C0 controls (tab and newline included: every text field is one
 * line), DEL, C1 controls, unpaired UTF-16 surrogates and the non-characters U+FFFE and U+FFFF. They
 * are invisible on the page, split records in line-based exports (RIS, CSV) and cannot be written
 * in XML (feed, preview images) at all.
 */
// With the u flag a surrogate pair is one code point, so [\ud800-\udfff] matches only unpaired ones.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\ud800-\udfff\ufffe\uffff]/u;

/** The first character of `value` no text field may hold, with its position (1-based) and what it is. */
export function forbiddenCharacter(value: string): { position: number; codePoint: string; kind: string } | undefined {
  const match = FORBIDDEN.exec(value);
  if (!match) return undefined;
  const code = match[0].charCodeAt(0);
  const kind = code >= 0xd800 && code <= 0xdfff ? 'an unpaired surrogate' : code >= 0xfffe ? 'a non-character' : 'a control character';
  return { position: match.index + 1, codePoint: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`, kind };
}

/**
 * A one-line text field: trimmed, between `min` (default 1) and `max` characters, with no control
 * character. Every text field of a schema uses this, so none can carry input that breaks an export.
 */
export function text({ max, min = 1 }: { max: number; min?: number }) {
  return z
    .string()
    .trim()
    .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)
    .superRefine((value, context) => {
      const found = forbiddenCharacter(value);
      if (found) context.addIssue({ code: 'custom', message: `contains ${found.codePoint}, ${found.kind}, at character ${found.position}: remove it` });
    });
}
