import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';

/**
 * The site project's setup file: a site test file starts once the global setup has written its
 * record of the shared builds (site-global-setup.ts builds them in the background, while the unit
 * and package files run). builtSite (site.ts) then reads the record.
 */
const record = inject('sharedBuilds');
// Five builds and two crawls take about two minutes here; far beyond that, something hangs.
const patience = 15 * 60_000;
const started = Date.now();
while (record && !existsSync(record)) {
  if (Date.now() - started > patience) throw new Error(`the shared site builds did not finish within ${patience / 60_000} minutes (no ${record})`);
  await sleep(250);
}
