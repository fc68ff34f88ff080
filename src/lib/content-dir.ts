import { resolve } from 'node:path';

/**
 * The content folder the site is generated from: ./content, or the folder named by
 * EXPLAINER_CONTENT (the tests build other explainers from fixture folders this way).
 */
export function contentDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.EXPLAINER_CONTENT ?? 'content');
}
