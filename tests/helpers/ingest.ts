import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { IngestError } from '../../packages/cited-explainer/ingest/ingest.ts';
import { tempDir } from './temp-dir.ts';

/** A scratch content folder holding a copy of the project's raw inputs and archive. */
export function scratch(prefix = 'ingest-'): string {
  const dir = tempDir(prefix);
  cpSync('content/raw', join(dir, 'raw'), { recursive: true });
  cpSync('content/sources', join(dir, 'sources'), { recursive: true });
  return dir;
}

/** Every file under a folder with its bytes, to prove nothing changed. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[join(entry.parentPath, entry.name)] = readFileSync(join(entry.parentPath, entry.name), 'base64');
  }
  return files;
}

/** The message of an ingest that must refuse: an IngestError of one line, with the content folder left byte for byte as it was. */
export function refusal(contentDir: string, run: () => unknown): string {
  const before = snapshot(contentDir);
  let error: unknown;
  try {
    run();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(IngestError);
  const { message } = error as Error;
  expect(message).not.toContain('\n');
  expect(snapshot(contentDir)).toEqual(before);
  return message;
}
