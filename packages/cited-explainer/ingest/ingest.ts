import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { serializeArchiveFile } from '../archive/format.ts';
import { writeFileAtomic } from '../lib/atomic-write.ts';
import { contentCollections, PROVENANCE_FILE, RAW_FOLDER, STAGING_FOLDER, sourceFile } from '../lib/content-layout.ts';
import { fieldPosition } from '../lib/field-position.ts';
import { ProvenanceError, type ProvenanceRecord, parseProvenance } from '../schemas/provenance.ts';
import { decodeRawArticle } from './decode.ts';
import { type ArchivableRecord, deriveArchive } from './derive.ts';

/**
 * Ingest: raw article + provenance record → content/sources/<id>.md. Every input is checked
 * and every output prepared before anything is written, so a bad input leaves content/ as it was.
 * Raw inputs from elsewhere are copied into content/raw/ as <id>.txt (never under their incoming
 * name, which another source may already use) with their provenance record, so the archive can
 * always be rebuilt from the repository alone.
 *
 * Writing is one transaction: everything is staged in content/.ingest-staging/, a commit marker is
 * written, then each file is moved into place. A run killed before the marker is discarded by the
 * next run; one killed after it is finished by the next run; one still running stops the next.
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
  /** Receives one line about an interrupted earlier run, when there was one. */
  log?: (line: string) => void;
}

export class IngestError extends Error {}

interface Prepared {
  /** The record as kept in content/raw/provenance.json. */
  kept: ArchivableRecord;
  /** The input comes from elsewhere: its text is copied into content/raw/. */
  copyRaw: boolean;
  rawText: string;
  archiveText: string;
}

/** One step of a staged transaction: move a staged file into place, or remove a file. */
type Step = { staged: string; target: string } | { remove: string };

function readProvenance(path: string): ProvenanceRecord[] {
  if (!existsSync(path)) throw new IngestError(`${path}: no provenance file (pass --provenance FILE)`);
  const text = readFileSync(path, 'utf8');
  try {
    return parseProvenance(text);
  } catch (error) {
    const where = error instanceof ProvenanceError ? fieldPosition(text, error.path) : undefined;
    throw new IngestError(`${[path, where?.line, where?.column].filter((part) => part !== undefined).join(':')}: ${(error as Error).message}`);
  }
}

function prepare(file: string, options: IngestOptions, records: ProvenanceRecord[], kept: ProvenanceRecord[], rawDir: string): Prepared {
  if (!existsSync(file)) throw new IngestError(`${file}: no such file`);
  let rawText: string;
  try {
    rawText = decodeRawArticle(readFileSync(file));
  } catch (error) {
    throw new IngestError(`${file}: ${(error as Error).message}`);
  }
  const found = records.find((r) => r.file === basename(file));
  if (!found) throw new IngestError(`${file}: no provenance record with "file": "${basename(file)}"`);
  const archivePath = join(options.contentDir, sourceFile(found.id));
  if (existsSync(archivePath) && !options.force) {
    throw new IngestError(`${file}: source "${found.id}" is already archived at ${archivePath} (pass --force to replace it)`);
  }
  // A file already in content/raw/ stays where it is; anything else is copied in under its id.
  const inRaw = resolve(dirname(file)) === resolve(rawDir);
  const rawName = inRaw ? basename(file) : `${found.id}.txt`;
  const owner = kept.find((r) => r.file === rawName && r.id !== found.id);
  if (owner) throw new IngestError(`${file}: content/raw/${rawName} is the raw input of source "${owner.id}"; give this article another id`);
  const record: ArchivableRecord = { ...found, file: rawName, archived: found.archived ?? options.archived };
  try {
    const { meta, body } = deriveArchive(record, rawText);
    return { kept: record, copyRaw: !inRaw, rawText, archiveText: serializeArchiveFile(meta, body) };
  } catch (error) {
    throw new IngestError(`${file}: ${(error as Error).message}`);
  }
}

/** Moves staged files into place and removes what the plan removes; safe to repeat after a crash. */
function applySteps(contentDir: string, staging: string, steps: Step[]): void {
  for (const step of steps) {
    if ('remove' in step) {
      rmSync(join(contentDir, step.remove), { force: true });
    } else if (existsSync(join(staging, step.staged))) {
      mkdirSync(dirname(join(contentDir, step.target)), { recursive: true });
      renameSync(join(staging, step.staged), join(contentDir, step.target));
    }
  }
  rmSync(staging, { recursive: true, force: true });
}

/**
 * Finishes (commit marker present) or discards (absent) an ingest that was interrupted, and
 * removes temporary files an interrupted write left beside the archive. Returns what it did.
 */
function recoverInterruptedIngest(contentDir: string): string | null {
  const staging = join(contentDir, STAGING_FOLDER);
  const owner = readOwner(staging);
  if (owner !== undefined && owner !== process.pid && isRunning(owner)) {
    throw new IngestError(`another ingest (process ${owner}) is writing ${contentDir}; run this one when it has finished (if no ingest is running, delete ${join(staging, 'owner.json')})`);
  }
  const leftovers = [RAW_FOLDER, contentCollections.sources.folder].flatMap((folder) =>
    existsSync(join(contentDir, folder))
      ? readdirSync(join(contentDir, folder))
          .filter((name) => name.endsWith('.tmp'))
          .map((name) => join(contentDir, folder, name))
      : [],
  );
  for (const path of leftovers) rmSync(path, { force: true });
  if (!existsSync(staging)) return leftovers.length > 0 ? `removed ${leftovers.length} temporary file(s) left by an interrupted write` : null;
  const marker = join(staging, 'commit.json');
  if (existsSync(marker)) {
    applySteps(contentDir, staging, JSON.parse(readFileSync(marker, 'utf8')) as Step[]);
    return 'finished an interrupted ingest (it had been committed but not all files were moved into place)';
  }
  rmSync(staging, { recursive: true, force: true });
  return 'discarded an interrupted ingest (it had not been committed: nothing of it was in place)';
}

/** The process that staged an ingest, if it said. */
function readOwner(staging: string): number | undefined {
  try {
    return Number(JSON.parse(readFileSync(join(staging, 'owner.json'), 'utf8')).pid) || undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Stages every output, marks the transaction committed, then moves everything into place. */
function commit(contentDir: string, outputs: Array<{ target: string; text: string }>, removals: string[]): void {
  const staging = join(contentDir, STAGING_FOLDER);
  // Not recursive: if another run created it since this one started, this one stops here.
  mkdirSync(contentDir, { recursive: true });
  mkdirSync(staging);
  writeFileSync(join(staging, 'owner.json'), JSON.stringify({ pid: process.pid }));
  const steps: Step[] = outputs.map((output, i) => {
    writeFileSync(join(staging, `${i}`), output.text);
    return { staged: `${i}`, target: output.target };
  });
  steps.push(...removals.map((remove) => ({ remove })));
  writeFileAtomic(join(staging, 'commit.json'), JSON.stringify(steps));
  applySteps(contentDir, staging, steps);
}

/** Ingests all files or none; returns the archive paths written. */
export function ingest(options: IngestOptions): string[] {
  const recovered = recoverInterruptedIngest(options.contentDir);
  if (recovered) options.log?.(recovered);
  if (options.files.length === 0) {
    if (recovered) return [];
    throw new IngestError('no raw article given: npm run ingest -- <raw-article.txt> ...');
  }
  const rawDir = join(options.contentDir, RAW_FOLDER);
  const keptRecordsPath = join(rawDir, PROVENANCE_FILE);
  const kept = existsSync(keptRecordsPath) ? readProvenance(keptRecordsPath) : [];
  const prepared: Prepared[] = [];
  const provenanceCache = new Map<string, ProvenanceRecord[]>();
  for (const file of options.files) {
    const provenancePath = options.provenance ?? join(resolve(file, '..'), PROVENANCE_FILE);
    if (!provenanceCache.has(provenancePath)) provenanceCache.set(provenancePath, readProvenance(provenancePath));
    prepared.push(prepare(file, options, provenanceCache.get(provenancePath)!, kept, rawDir));
  }
  const ids = prepared.map((p) => p.kept.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new IngestError(`two inputs have the same source id "${duplicate}"`);

  // A re-ingested id replaces its old record (and its old raw copy, if it was under another name).
  const replaced = kept.filter((r) => ids.includes(r.id));
  const merged = [...kept.filter((r) => !ids.includes(r.id)), ...prepared.map((p) => p.kept)].sort((a, b) => a.file.localeCompare(b.file));
  const orphans = replaced.map((r) => r.file).filter((file) => !merged.some((r) => r.file === file));

  commit(
    options.contentDir,
    [
      ...prepared.filter((p) => p.copyRaw).map((p) => ({ target: join(RAW_FOLDER, p.kept.file), text: p.rawText })),
      { target: join(RAW_FOLDER, PROVENANCE_FILE), text: `${JSON.stringify(merged, null, 1)}\n` },
      ...prepared.map((p) => ({ target: sourceFile(p.kept.id), text: p.archiveText })),
    ],
    orphans.map((file) => join(RAW_FOLDER, file)),
  );
  return prepared.map((p) => join(options.contentDir, sourceFile(p.kept.id)));
}
