import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { serializeArchiveFile } from '../archive/format.ts';
import { writeFileAtomic } from '../lib/atomic-write.ts';
import { ContentError } from '../lib/content-error.ts';
import { contentCollections, INGEST_LOCK_FILE, PROVENANCE_FILE, RAW_FOLDER, STAGING_FOLDER, sourceFile } from '../lib/content-layout.ts';
import { fieldPosition } from '../lib/field-position.ts';
import { assertPlainFolder } from '../lib/inside-folder.ts';
import { isRunning } from '../lib/process.ts';
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
 * One run at a time: a run takes the content folder's lock (content/.ingest-lock) before it reads
 * anything, so two runs never read the same records and write them back each without the other's;
 * a second run refuses while the first holds it.
 *
 * Writing is one transaction: everything is staged in content/.ingest-staging/, a commit marker is
 * written, then each file is moved into place. A run killed before the marker is discarded by the
 * next run; one killed after it is finished by the next run.
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

/** The process a lock file names, if it names one. */
function lockOwner(lock: string): number | undefined {
  try {
    return Number(JSON.parse(readFileSync(lock, 'utf8')).pid) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the content folder's ingest lock, or refuses in one line while a running ingest holds it.
 * A lock left by a run that died is moved aside and taken over; if what was moved aside turns out
 * to be another run's new lock (it took over the same dead lock a moment earlier), this run
 * refuses. Returns the release.
 */
function takeLock(contentDir: string): () => void {
  const lock = join(contentDir, INGEST_LOCK_FILE);
  mkdirSync(contentDir, { recursive: true });
  for (;;) {
    try {
      writeFileSync(lock, JSON.stringify({ pid: process.pid }), { flag: 'wx' });
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = lockOwner(lock);
    const busy = (pid = owner) => new IngestError(`another ingest (process ${pid ?? '?'}) is writing ${contentDir}; run this one when it has finished (if no ingest is running, delete ${lock})`);
    if (owner === undefined || isRunning(owner)) throw busy();
    const aside = `${lock}.${process.pid}.dead`;
    try {
      renameSync(lock, aside);
    } catch (error) {
      // Another run moved the dead lock first: try again, against whatever lock it took.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    const moved = lockOwner(aside);
    if (moved !== owner) {
      // Not the dead lock but a new run's: put it back (unless yet another lock is there now) and stop.
      try {
        linkSync(aside, lock);
      } catch {}
      rmSync(aside, { force: true });
      throw busy(moved);
    }
    rmSync(aside, { force: true });
  }
}

/** Stages every output, marks the transaction committed, then moves everything into place. */
function commit(contentDir: string, outputs: Array<{ target: string; text: string }>, removals: string[]): void {
  const staging = join(contentDir, STAGING_FOLDER);
  // Not recursive: if another run created it since this one started, this one stops here.
  mkdirSync(staging);
  const steps: Step[] = outputs.map((output, i) => {
    writeFileSync(join(staging, `${i}`), output.text);
    return { staged: `${i}`, target: output.target };
  });
  steps.push(...removals.map((remove) => ({ remove })));
  writeFileAtomic(join(staging, 'commit.json'), JSON.stringify(steps));
  applySteps(contentDir, staging, steps);
}

/** An address given where a file path belongs: ingest reads files, it never fetches. */
const address = /^[a-z][a-z\d+.-]*:\/\//i;

/** Ingests all files or none, holding the content folder's lock throughout; returns the archive paths written. */
export function ingest(options: IngestOptions): string[] {
  const release = takeLock(options.contentDir);
  try {
    return ingestLocked(options);
  } finally {
    release();
  }
}

function ingestLocked(options: IngestOptions): string[] {
  for (const file of options.files) {
    if (address.test(file)) throw new IngestError(`${file}: ingest takes the path of a file holding the article's text, not an address: save the article's text to a file and pass its path`);
  }
  try {
    assertPlainFolder(options.contentDir);
  } catch (error) {
    if (error instanceof ContentError) throw new IngestError(error.message.split('\n')[0]);
    throw error;
  }
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
