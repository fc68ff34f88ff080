import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { joinBlocks, serializeArchiveFile, sha256 } from '../archive/format.ts';
import { writeFileAtomic } from '../lib/atomic-write.ts';
import { provenanceFileSchema, type ProvenanceRecord } from '../schemas/provenance.ts';
import { sourceMetaSchema, type SourceMeta } from '../schemas/source.ts';
import { cleanArticle } from './clean.ts';
import { decodeRawArticle } from './decode.ts';

/**
 * Ingest: raw article + provenance record → content/sources/<id>.md. Every input is checked
 * and every output prepared before anything is written, so a bad input leaves content/ as it was.
 * Raw inputs from elsewhere are copied into content/raw/ with their provenance record, so the
 * archive can always be rebuilt from the repository alone.
 */

export interface IngestOptions {
  contentDir: string;
  files: string[];
  /** Replace archived sources that already exist. */
  force?: boolean;
  /** Provenance file; by default provenance.json beside each raw file. */
  provenance?: string;
  /** Archive date for records that do not carry one (YYYY-MM-DD). */
  archived: string;
}

export class IngestError extends Error {}

/** The raw-input form of a provenance record, with our own optional layout hint. */
type RawRecord = Omit<ProvenanceRecord, 'archived'> & { archived: string; standfirst?: string | null };

interface Prepared {
  record: RawRecord;
  rawFile: string;
  rawText: string;
  archivePath: string;
  archiveText: string;
}

export function archiveMeta(record: RawRecord, body: string, raw: string, log: string[]): SourceMeta {
  const unknownAuthor = /^unknown\b/i.test(record.author);
  const name = unknownAuthor ? null : record.author.split(/ \(|, |; |\. /)[0].trim();
  return sourceMetaSchema.parse({
    id: record.id,
    publisher: record.publisher,
    headline: record.headline,
    author: { name, note: name === record.author ? null : record.author },
    published: record.published,
    url: record.url,
    urlConfidence: record.url_confidence,
    republishedFrom: record.republished_from,
    reworded: record.reworded,
    archived: record.archived,
    sha256: sha256(body),
    raw,
    notes: [...(record.evidence ? [record.evidence] : []), ...record.encoding_issues, ...log],
  });
}

function readProvenance(path: string): ProvenanceRecord[] {
  if (!existsSync(path)) throw new IngestError(`${path}: no provenance file (pass --provenance FILE)`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new IngestError(`${path}: not valid JSON: ${(error as Error).message}`);
  }
  const records = Array.isArray(data) ? data : [];
  const parsed = provenanceFileSchema.safeParse(records);
  if (!parsed.success || !Array.isArray(data)) {
    const issue = parsed.error?.issues[0];
    throw new IngestError(`${path}: ${issue ? `record ${issue.path.join('.')}: ${issue.message}` : 'expected an array of records'}`);
  }
  return parsed.data;
}

function prepare(file: string, options: IngestOptions, records: ProvenanceRecord[], rawDir: string): Prepared {
  if (!existsSync(file)) throw new IngestError(`${file}: no such file`);
  let rawText: string;
  try {
    rawText = decodeRawArticle(readFileSync(file));
  } catch (error) {
    throw new IngestError(`${file}: ${(error as Error).message}`);
  }
  const found = records.find((r) => r.file === basename(file));
  if (!found) throw new IngestError(`${file}: no provenance record with "file": "${basename(file)}"`);
  const record: RawRecord = { ...found, archived: found.archived ?? options.archived };
  const archivePath = join(options.contentDir, 'sources', `${record.id}.md`);
  if (existsSync(archivePath) && !options.force) {
    throw new IngestError(`${file}: source "${record.id}" is already archived at ${archivePath} (pass --force to replace it)`);
  }
  let cleaned;
  try {
    cleaned = cleanArticle(rawText, { headline: record.headline, boilerplateLines: record.boilerplate_lines, standfirst: record.standfirst });
  } catch (error) {
    throw new IngestError(`${file}: ${(error as Error).message}`);
  }
  if (cleaned.blocks.length === 0) throw new IngestError(`${file}: nothing is left of the article once page furniture is removed`);
  const body = joinBlocks(cleaned.blocks);
  const rawFile = join(rawDir, basename(file));
  const meta = archiveMeta(record, body, relative(options.contentDir, rawFile), cleaned.log);
  return { record, rawFile, rawText, archivePath, archiveText: serializeArchiveFile(meta, body) };
}

/** Ingests all files or none; returns the archive paths written. */
export function ingest(options: IngestOptions): string[] {
  if (options.files.length === 0) throw new IngestError('no raw article given: npm run ingest -- <raw-article.txt> ...');
  const rawDir = join(options.contentDir, 'raw');
  const prepared: Prepared[] = [];
  const provenanceCache = new Map<string, ProvenanceRecord[]>();
  for (const file of options.files) {
    const provenancePath = options.provenance ?? join(resolve(file, '..'), 'provenance.json');
    if (!provenanceCache.has(provenancePath)) provenanceCache.set(provenancePath, readProvenance(provenancePath));
    prepared.push(prepare(file, options, provenanceCache.get(provenancePath)!, rawDir));
  }
  const ids = prepared.map((p) => p.record.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new IngestError(`two inputs have the same source id "${duplicate}"`);

  const keptRecordsPath = join(rawDir, 'provenance.json');
  const kept = existsSync(keptRecordsPath) ? readProvenance(keptRecordsPath) : [];
  const merged = [...kept.filter((r) => !prepared.some((p) => p.record.file === r.file)), ...prepared.map((p) => p.record)]
    .sort((a, b) => a.file.localeCompare(b.file));

  for (const [i, p] of prepared.entries()) {
    if (resolve(p.rawFile) !== resolve(options.files[i])) writeFileAtomic(p.rawFile, p.rawText);
  }
  writeFileAtomic(keptRecordsPath, `${JSON.stringify(merged, null, 1)}\n`);
  for (const p of prepared) writeFileAtomic(p.archivePath, p.archiveText);
  return prepared.map((p) => p.archivePath);
}
