import { accessSync, constants, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { isRunning } from './process.ts';

/**
 * A build's output, staged: the build writes into a folder beside the output folder and the site
 * replaces the output folder only once every check has passed, so that a failed build leaves the
 * previous site as it was (or none), never half a site. The staging folder is also the build's lock
 * on the output folder: a second build into it refuses while the first runs.
 *
 *   dist/                  the published site, untouched until the end
 *   .dist.building/owner   the process id of the build writing it
 *   .dist.building/site/   the build's output (Astro's outDir); a sibling inside the project, so
 *                          that packages still resolve from it for Astro's prerender step
 */
export interface StagedOutput {
  /** Where the build writes. */
  site: string;
  /** Replaces the output folder with the staged site. */
  publish: () => void;
  /** Removes the staging folder (a failed or unfinished build): the output folder stays as it was. */
  discard: () => void;
}

const shown = (path: string) => relative(process.cwd(), path) || '.';

/** The process id recorded in a staging folder, if it is a running process other than this one. */
function runningOwner(building: string): number | undefined {
  const pid = Number(existsSync(join(building, 'owner')) ? readFileSync(join(building, 'owner'), 'utf8') : Number.NaN);
  return Number.isInteger(pid) && pid !== process.pid && isRunning(pid) ? pid : undefined;
}

/** Refuses an output folder (or its parent) the build could not replace, before any work is done. */
function checkWritable(outDir: string): void {
  for (const path of [dirname(outDir), outDir]) {
    if (!existsSync(path)) continue;
    try {
      accessSync(path, constants.W_OK);
    } catch {
      throw new Error(
        `outDir ${shown(outDir)}: ${path === outDir ? 'it' : `its folder ${shown(path)}`} is not writable (read-only or immutable), so the build could not replace the site there; make it writable or build elsewhere (--outDir)`,
      );
    }
  }
}

/**
 * Takes the output folder for this build: refuses if another build is writing it, clears what a
 * build that died left, and gives the staging folder.
 */
export function stageOutput(outDir: string): StagedOutput {
  checkWritable(outDir);
  const building = join(dirname(outDir), `.${basename(outDir)}.building`);
  mkdirSync(dirname(outDir), { recursive: true });
  const owner = runningOwner(building);
  if (owner !== undefined) throw new Error(`outDir ${shown(outDir)}: another build (process ${owner}) is writing it; wait for it to finish (its work is in ${shown(building)})`);
  rmSync(building, { recursive: true, force: true });
  try {
    mkdirSync(building);
  } catch (error) {
    // Another build took it between the check and here.
    throw new Error(`outDir ${shown(outDir)}: another build started writing it (${(error as Error).message}); wait for it to finish`);
  }
  writeFileSync(join(building, 'owner'), String(process.pid));
  const site = join(building, 'site');
  mkdirSync(site);
  const discard = () => rmSync(building, { recursive: true, force: true });
  return {
    site,
    discard,
    publish: () => {
      const previous = join(building, 'previous');
      try {
        if (existsSync(outDir)) renameSync(outDir, previous);
        renameSync(site, outDir);
      } catch (error) {
        if (!existsSync(outDir) && existsSync(previous)) renameSync(previous, outDir);
        throw new Error(`outDir ${shown(outDir)}: the built site could not replace it (${(error as Error).message}); the previous site is left as it was`);
      }
      discard();
    },
  };
}
