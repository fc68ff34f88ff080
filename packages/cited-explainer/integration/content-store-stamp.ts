import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../lib/atomic-write.ts';
import { PAGE_HTML_CACHE } from '../lib/page-html.ts';

/**
 * Astro keeps each Markdown page's rendered HTML in its content store between builds and clears the
 * store only when Astro's version or the project's config changes, not when an integration's code
 * does. A page rendered by an older citation engine would then be published without the newer
 * engine's checks. So the integration stamps the store with a digest of its own code, and a store
 * stamped with another digest (or none) is removed before Astro reads it.
 */

/** The name of the stamp, beside Astro's data-store.json. */
export const STAMP_FILE = 'cited-explainer-code.sha256';
const DATA_STORE_FILE = 'data-store.json';

/**
 * Removes the content store in `storeDir`, with the pages' HTML kept beside it (lib/page-html.ts),
 * unless its stamp is `digest`, then stamps the folder. Returns whether a store was removed.
 */
export function clearStoreMadeByOtherCode(storeDir: string, digest: string): boolean {
  const stamp = join(storeDir, STAMP_FILE);
  const store = join(storeDir, DATA_STORE_FILE);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return false;
  const stale = existsSync(store);
  rmSync(store, { force: true });
  rmSync(join(storeDir, PAGE_HTML_CACHE), { recursive: true, force: true });
  writeFileAtomic(stamp, digest);
  return stale;
}
