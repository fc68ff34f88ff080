import type { z } from 'zod';
import { ContentError } from './content-error.ts';
import { fieldPosition } from './field-position.ts';

/**
 * Turns a schema failure on a content file's data (front matter, YAML or JSON) into a
 * ContentError naming the line of the offending field, which Astro's own error does not give.
 */
export function dataError(file: string, text: string, error: z.ZodError): ContentError {
  const issue = error.issues[0];
  const field = issue.path.map(String).join('.');
  const key = String(issue.path[0] ?? '');
  const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
  // The field itself where it is written, else the key that holds it (a missing field's parent).
  const line = (fieldPosition(text, issue.path) ?? fieldPosition(text, [key]))?.line;
  return new ContentError({
    file,
    line: line ?? 1,
    message: missing ? `missing field "${field}"` : `field "${field}": ${issue.message}`,
    hint: missing ? `Add "${key}:" to the front matter (or data) of this file.` : undefined,
  });
}
