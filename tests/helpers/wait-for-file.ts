import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Waits until one of the files exists (written by the site project's global setup, which runs in
 * another process) and returns it; throws after `patienceMs`, naming what it waited for.
 */
export async function firstFileToExist(paths: readonly string[], patienceMs: number): Promise<string> {
  const started = Date.now();
  for (;;) {
    const found = paths.find((path) => existsSync(path));
    if (found) return found;
    if (Date.now() - started > patienceMs) throw new Error(`waited ${Math.round(patienceMs / 60_000)} minutes for ${paths.join(' or ')}`);
    await sleep(250);
  }
}
