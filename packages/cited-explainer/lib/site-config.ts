import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type SiteConfig, siteConfigSchema } from '../schemas/site.ts';
import { ContentError } from './content-error.ts';
import { SITE_FILE } from './content-layout.ts';
import { fieldPosition } from './field-position.ts';
import { readJsonFile } from './json-file.ts';

/** Reads and validates content/site.json. */
export function loadSiteConfig(contentDir: string): SiteConfig {
  const path = join(contentDir, SITE_FILE);
  const file = relative(process.cwd(), path);
  if (!existsSync(path)) throw new ContentError({ file, message: 'missing: every content folder needs a site.json (title, description, url, nav, …)' });
  const { text: source, data } = readJsonFile(path);
  const parsed = siteConfigSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const keys = issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys] : issue.path;
    const field = issue.path.length > 0 ? `field "${issue.path.join('.')}": ` : '';
    const hint = issue.code === 'unrecognized_keys' ? 'remove it, or check its spelling against schemas/site.ts' : undefined;
    throw new ContentError({ file, line: fieldPosition(source, keys)?.line, message: `${field}${issue.message}`, hint });
  }
  return parsed.data;
}
