import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

/**
 * The build cache of one content folder built into one output folder (scripts/build-explainer.ts),
 * relative to the project root: a fixture build never reuses the real site's content store, and the
 * bench removes exactly this folder for a cold build. `content` undefined: the project's own.
 */
export const explainerCacheDir = (content: string | undefined, outDir: string) =>
  `./node_modules/.astro/${createHash('sha256')
    .update(`${content ? resolve(content) : 'project'}\0${resolve(outDir)}`)
    .digest('hex')
    .slice(0, 12)}`;
