import { escapeRegExp } from './regexp.ts';
import type { z } from 'zod';
import { ContentError } from './content-error.ts';

/**
 * Turns a schema failure on a content file's data (front matter, YAML or JSON) into a
 * ContentError naming the line of the offending field, which Astro's own error does not give.
 */
export function dataError(file: string, text: string, error: z.ZodError): ContentError {
  const issue = error.issues[0];
  const field = issue.path.map(String).join('.');
  const key = String(issue.path[0] ?? '');
  const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
  const line = key ? lineOfKey(text, key) : undefined;
  return new ContentError({
    file,
    line: line ?? 1,
    message: missing ? `missing field "${field}"` : `field "${field}": ${issue.message}`,
    hint: missing ? `Add "${key}:" to the front matter (or data) of this file.` : undefined,
  });
}

/** 1-based line on which `key` is defined at the top level of YAML front matter, YAML or JSON. */
export function lineOfKey(text: string, key: string): number | undefined {
  const escaped = escapeRegExp(key);
  const pattern = new RegExp(`^(?:${escaped}\\s*:|\\s*"${escaped}"\\s*:)`);
  const index = text.split('\n').findIndex((line) => pattern.test(line));
  return index >= 0 ? index + 1 : undefined;
}
