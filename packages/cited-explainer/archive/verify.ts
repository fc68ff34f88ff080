import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { decodeRawArticle } from '../ingest/decode.ts';
import { type DerivedArchive, deriveArchive } from '../ingest/derive.ts';
import { ContentError } from '../lib/content-error.ts';
import { PROVENANCE_FILE, RAW_FOLDER, STAGING_FOLDER } from '../lib/content-layout.ts';
import { fieldPosition } from '../lib/field-position.ts';
import { readPlainFile } from '../lib/inside-folder.ts';
import { ProvenanceError, type ProvenanceRecord, parseProvenance } from '../schemas/provenance.ts';
import type { ArchivedSource } from './format.ts';

/**
 * Tamper evidence: an archive must be exactly what ingest writes from its raw input and
 * provenance record. The stored sha256 only proves the body was not changed since the hash was
 * written; deriving the archive again also catches a recomputed hash or an edited metadata field.
 */

const restoreHint = (rawPath: string) =>
  `An archive must not be edited by hand. Restore it with git, or correct content/raw/provenance.json and re-run \`npm run ingest -- --force content/${rawPath}\`.`;

const shown = (value: unknown) => {
  const text = JSON.stringify(value) ?? 'nothing';
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
};

/** Line (1-based, in the whole file) of a metadata field such as published.date, or of its top-level key. */
export const metadataLine = (archiveText: string, path: ReadonlyArray<string | number>): number => (fieldPosition(archiveText, path) ?? fieldPosition(archiveText, path.slice(0, 1)))?.line ?? 1;

/** The first path at which two metadata values differ, or null when they are equal. */
function firstDifference(archived: unknown, derived: unknown, path: Array<string | number> = []): Array<string | number> | null {
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
  if (isObject(archived) && isObject(derived) && Array.isArray(archived) === Array.isArray(derived)) {
    for (const key of new Set([...Object.keys(derived), ...Object.keys(archived)])) {
      const difference = firstDifference(archived[key], derived[key], [...path, Array.isArray(archived) ? Number(key) : key]);
      if (difference) return difference;
    }
    return null;
  }
  return JSON.stringify(archived) === JSON.stringify(derived) ? null : path;
}

const valueAt = (value: unknown, path: ReadonlyArray<string | number>) => path.reduce<unknown>((v, key) => (v as Record<string | number, unknown> | undefined)?.[key], value);

/**
 * Compares an archive (its file text and parsed form) with what ingest derives; throws a
 * ContentError naming the file, the line and the first field (or body line) that differs.
 */
export function checkAgainstIngest(archiveText: string, source: ArchivedSource, derived: DerivedArchive): void {
  const hint = restoreHint(derived.meta.raw);
  if (source.body !== derived.body) {
    const archivedLines = source.body.split('\n');
    const derivedLines = derived.body.split('\n');
    const at = archivedLines.findIndex((line, i) => line !== derivedLines[i]);
    const index = at < 0 ? archivedLines.length : at;
    const bodyStart = archiveText.length - source.body.length;
    throw new ContentError({
      file: source.file,
      line: archiveText.slice(0, bodyStart).split('\n').length + index,
      message: `the archived body differs from what ingest writes from ${derived.meta.raw}: this line reads ${shown(archivedLines[index])}, ingest gives ${shown(derivedLines[index])}`,
      hint,
    });
  }
  const path = firstDifference(source.meta, derived.meta);
  if (path) {
    throw new ContentError({
      file: source.file,
      line: metadataLine(archiveText, path),
      message: `metadata field "${path.join('.')}" differs from what ingest writes from ${derived.meta.raw} and its provenance record: the archive has ${shown(valueAt(source.meta, path))}, ingest gives ${shown(valueAt(derived.meta, path))}`,
      hint,
    });
  }
}

/**
 * Glue for the build: reads content/raw/ (the kept provenance records and raw copies) and checks
 * every archived source against it. Paths in errors are relative to `displayRoot`.
 */
export function verifyArchiveAgainstRaw(contentDir: string, sources: ReadonlyMap<string, ArchivedSource>, displayRoot = process.cwd()): void {
  const shownPath = (path: string) => relative(displayRoot, path);
  const staging = join(contentDir, STAGING_FOLDER);
  if (existsSync(staging)) {
    throw new ContentError({ file: shownPath(staging), message: 'an ingest was interrupted here', hint: 'Run `npm run ingest` to finish or discard it.' });
  }
  if (sources.size === 0) return;
  const provenancePath = join(contentDir, RAW_FOLDER, PROVENANCE_FILE);
  const provenanceFile = shownPath(provenancePath);
  let records: ProvenanceRecord[];
  if (!existsSync(provenancePath)) {
    const [source] = sources.values();
    throw new ContentError({
      file: source.file,
      line: metadataLine(readFileSync(join(displayRoot, source.file), 'utf8'), ['raw']),
      message: `there is no ${provenanceFile}: the archive cannot be checked against the raw input it was made from`,
      hint: 'Archives are written by `npm run ingest`, which keeps the raw article and its provenance record in content/raw/.',
    });
  }
  const provenanceText = readFileSync(provenancePath, 'utf8');
  try {
    records = parseProvenance(provenanceText);
  } catch (error) {
    const where = error instanceof ProvenanceError ? fieldPosition(provenanceText, error.path) : undefined;
    throw new ContentError({ file: provenanceFile, ...where, message: (error as Error).message });
  }
  const byId = new Map(records.map((record) => [record.id, record]));
  for (const source of sources.values()) {
    // The archive's own text is read again only to point an error at its line.
    const archiveText = () => readFileSync(join(displayRoot, source.file), 'utf8');
    const record = byId.get(source.meta.id);
    if (!record) {
      throw new ContentError({
        file: source.file,
        line: metadataLine(archiveText(), ['id']),
        message: `no record in ${provenanceFile} has the id "${source.meta.id}": the archive cannot be checked against its raw input`,
        hint: 'Archive sources with `npm run ingest`, never by hand.',
      });
    }
    const recordLine = () => provenanceText.split('\n').findIndex((line) => line.includes(`"id": ${JSON.stringify(record.id)}`)) + 1 || undefined;
    const rawPath = join(contentDir, RAW_FOLDER, record.file);
    let rawText: string;
    try {
      rawText = decodeRawArticle(readPlainFile(rawPath, displayRoot));
    } catch (error) {
      // A link is refused by name, before it is read: nothing of what it points to is shown.
      if (error instanceof ContentError) throw error;
      const reason = existsSync(rawPath) ? (error as Error).message : 'it is missing';
      throw new ContentError({ file: shownPath(rawPath), message: `the raw input of "${record.id}" cannot be read: ${reason}`, hint: 'Restore it with git.' });
    }
    if (!record.archived) {
      throw new ContentError({
        file: provenanceFile,
        line: recordLine(),
        message: `the record of "${record.id}" has no "archived" date`,
        hint: 'Kept records carry the date ingest archived them on: restore it with git.',
      });
    }
    let derived: DerivedArchive;
    try {
      derived = deriveArchive({ ...record, archived: record.archived }, rawText);
    } catch (error) {
      throw new ContentError({ file: provenanceFile, line: recordLine(), message: `the record of "${record.id}": ${(error as Error).message}` });
    }
    if (source.body !== derived.body || firstDifference(source.meta, derived.meta)) checkAgainstIngest(archiveText(), source, derived);
  }
}
