import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ContentError } from './content-error.ts';

/** A JSON file of the content folder, parsed; invalid JSON stops the build naming the file. */
export function readJsonFile(path: string): { file: string; text: string; data: unknown } {
  const file = relative(process.cwd(), path);
  const text = readFileSync(path, 'utf8');
  try {
    return { file, text, data: JSON.parse(text) };
  } catch (error) {
    throw new ContentError({ file, message: `not valid JSON: ${(error as Error).message}` });
  }
}
