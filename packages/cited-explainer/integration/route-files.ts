import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * The generator's pages, as Astro would route them from a pages/ folder: the integration injects
 * one route per file under routes/, so that a project using it needs no pages of its own.
 */

/** "actors/[slug].astro" → "/actors/[slug]", "data/index.astro" → "/data", "[feed].xml.ts" → "/[feed].xml". */
export function routePattern(file: string): string {
  const segments = file.split(/[\\/]/);
  segments[segments.length - 1] = segments[segments.length - 1].replace(/\.(astro|ts)$/, '');
  if (segments.at(-1) === 'index') segments.pop();
  return `/${segments.join('/')}`;
}

/** Every route file under a folder (sorted, so routes are injected in the same order on every machine). */
export function routeFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(astro|ts)$/.test(entry.name))
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}
