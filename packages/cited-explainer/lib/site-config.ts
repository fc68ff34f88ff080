import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type SiteConfig, siteConfigSchema } from '../schemas/site.ts';
import { ContentError } from './content-error.ts';
import { SITE_FILE } from './content-layout.ts';
import { fieldPosition } from './field-position.ts';
import { readJsonFile } from './json-file.ts';

/**
 * The environment variable that gives the published address at build time, for a deploy that knows
 * it (GitHub Pages' address, a preview URL) without editing site.json: docs/deploying.md.
 */
export const SITE_URL_VARIABLE = 'SITE_URL';

/**
 * Reads and validates content/site.json. Its "url" may instead come from the environment
 * (`SITE_URL`); the two may not disagree.
 */
export function loadSiteConfig(contentDir: string, environment: NodeJS.ProcessEnv = process.env): SiteConfig {
  const path = join(contentDir, SITE_FILE);
  const file = relative(process.cwd(), path);
  if (!existsSync(path)) throw new ContentError({ file, message: 'missing: every content folder needs a site.json (title, description, url, nav, …)' });
  const { text: source, data: read } = readJsonFile(path);
  const address = environment[SITE_URL_VARIABLE]?.trim();
  const inFile = (read as { url?: unknown }).url;
  if (address && inFile !== undefined && inFile !== address)
    throw new ContentError({
      file,
      line: fieldPosition(source, ['url'])?.line,
      message: `field "url": ${String(inFile)} differs from ${SITE_URL_VARIABLE}=${address}`,
      hint: `give the address in one place: site.json "url" or ${SITE_URL_VARIABLE}`,
    });
  const data = address ? { ...(read as object), url: address } : read;
  const parsed = siteConfigSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (address && issue.path[0] === 'url')
      throw new ContentError({ file: SITE_URL_VARIABLE, message: `${address}: ${issue.message}`, hint: 'give the address the site is published at, such as https://you.github.io/explainer/' });
    const keys = issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys] : issue.path;
    const field = issue.path.length > 0 ? `field "${issue.path.join('.')}": ` : '';
    const hint = issue.code === 'unrecognized_keys' ? 'remove it, or check its spelling against schemas/site.ts' : undefined;
    throw new ContentError({ file, line: fieldPosition(source, keys)?.line, message: `${field}${issue.message}`, hint });
  }
  return parsed.data;
}
