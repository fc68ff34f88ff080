import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ContentError } from './content-error.ts';
import { assertPlainText } from './content-text.ts';

/**
 * A JSON file of the content folder, parsed. A byte order mark at its start (some editors write
 * one) is read past; invalid JSON, or a control character or bidirectional override in it, stops
 * the build naming the file and, where the parser gives one, the line and column.
 */
export function readJsonFile(path: string): { file: string; text: string; data: unknown } {
  const file = relative(process.cwd(), path);
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  assertPlainText(file, text);
  try {
    return { file, text, data: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const at = /\(line (\d+) column (\d+)\)/.exec(message);
    throw new ContentError({ file, line: at ? Number(at[1]) : undefined, column: at ? Number(at[2]) : undefined, message: `not valid JSON: ${message.replace(/ \(line \d+ column \d+\)/, '')}` });
  }
}
