import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { siteConfigSchema, type SiteConfig } from '../schemas/site.ts';
import { ContentError } from './content-error.ts';

/** Reads and validates content/site.json. */
export function loadSiteConfig(contentDir: string): SiteConfig {
  const path = join(contentDir, 'site.json');
  const file = relative(process.cwd(), path);
  if (!existsSync(path)) throw new ContentError({ file, message: 'missing: every content folder needs a site.json (title, description, url, nav, …)' });
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ContentError({ file, message: `not valid JSON: ${(error as Error).message}` });
  }
  const parsed = siteConfigSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ContentError({ file, message: `field "${issue.path.join('.')}": ${issue.message}` });
  }
  return parsed.data;
}
