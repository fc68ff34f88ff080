import type { z } from 'zod';
import { oneLine } from '../cite/one-line.ts';
import type { Strings } from '../i18n/strings.ts';
import type { RowSchema } from '../schemas/data.ts';

/**
 * Tables for the /data/ downloads: CSV a spreadsheet opens as it is, and the data dictionary,
 * both read off the row schemas (schemas/data.ts), the dictionary in the site's words.
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

/** The words of a dictionary: each kind of value's name, and what each field means (the locale's dataFieldTypes and dataFields.<dataset>). */
export interface DictionaryWords {
  fieldTypes: Strings['dataFieldTypes'];
  fields: Readonly<Record<string, string>>;
}

function typeOf(field: z.ZodType): keyof DictionaryWords['fieldTypes'] {
  const type = field.def.type;
  if (type === 'array') return 'list';
  if (type === 'number') return 'number';
  if (type === 'boolean') return 'boolean';
  return 'text';
}

/** Field, type and meaning of each column, in column order. */
export function dictionary(schema: RowSchema, words: DictionaryWords): DictionaryEntry[] {
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([field, definition]) => ({ field, type: words.fieldTypes[typeOf(definition)], description: words.fields[field] ?? '' }));
}

export const columnsOf = (schema: RowSchema) => Object.keys(schema.shape);
