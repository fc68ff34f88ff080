import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** The HTML files Astro wrote into `dir`, sorted, leaving out any folder named in `skip`. */
export async function builtHtmlFiles(dir: string, skip: readonly string[] = []): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter(
      (file) =>
        !relative(dir, file)
          .split(sep)
          .some((part) => skip.includes(part)),
    )
    .sort();
}
