import type { z } from 'zod';
import { oneLine } from '../cite/one-line.ts';
import type { RowSchema } from '../schemas/data.ts';

/**
 * Tables for the /data/ downloads: CSV a spreadsheet opens as it is, and the data dictionary,
 * both read off the row schemas (schemas/data.ts).
 */

type Cell = string | number | boolean | readonly string[];

// A spreadsheet runs a cell starting with = + - or @ as a formula: text (claims, archived quotes)
// must stay text, so such a cell gets a leading apostrophe, which spreadsheets hide.
const inert = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
// Each row is one line: a line break inside a cell (valid RFC 4180, but split by line-based tools) becomes a space.
const cellText = (value: Cell) => (typeof value === 'number' || typeof value === 'boolean' ? String(value) : oneLine(inert(typeof value === 'string' ? value : value.join('; '))));
const quoted = (text: string) => (/[",]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * RFC 4180 CSV, one line per row: CRLF line ends, fields quoted where needed, lists joined with "; ". It starts with
 * a byte order mark, without which Excel reads UTF-8 as Windows-1252 and mangles a "’" or an "é".
 */
export function toCsv(columns: readonly string[], rows: ReadonlyArray<Record<string, Cell>>): string {
  const lines = [columns, ...rows.map((row) => columns.map((column) => cellText(row[column] ?? '')))];
  return `\uFEFF${lines.map((fields) => fields.map(quoted).join(',')).join('\r\n')}\r\n`;
}

export interface DictionaryEntry {
  field: string;
  type: string;
  description: string;
}

function typeName(field: z.ZodType): string {
  const type = field.def.type;
  if (type === 'array') return 'list of text';
  if (type === 'number') return 'whole number';
  if (type === 'boolean') return 'true or false';
  return 'text';
}

/** Field, type and meaning of each column, in column order. */
export function dictionary(schema: RowSchema): DictionaryEntry[] {
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([field, definition]) => ({ field, type: typeName(definition), description: definition.description ?? '' }));
}

export const columnsOf = (schema: RowSchema) => Object.keys(schema.shape);
