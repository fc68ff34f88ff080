import { inject } from 'vitest';
import { firstFileToExist } from './wait-for-file.ts';

/**
 * The site project's setup file: a site test file starts once the global setup has written its
 * record of the shared builds (site-global-setup.ts builds them in the background, while the unit
 * and package files run). builtSite (site.ts) then reads the record.
 */
const record = inject('sharedBuilds');
// Five builds take about a minute here; far beyond that, something hangs.
if (record) await firstFileToExist([record], 15 * 60_000);
