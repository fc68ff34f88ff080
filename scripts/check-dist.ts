import { resolve } from 'node:path';
import { contentDirFromEnv } from '../src/lib/content-dir.ts';
import { checkBuiltSite, distReport } from '../src/security/dist-files.ts';

/**
 * npm run check:dist [-- folder]: checks a built site (dist/, or EXPLAINER_OUT, or the folder
 * given) against the rules of src/security/dist-check.ts, for the content folder and base path it
 * was built from (EXPLAINER_CONTENT, EXPLAINER_BASE, as for the build). Every build runs the same
 * check at its end; this runs it again on a folder as it is now, before it is published.
 */
const outDir = resolve(process.argv[2] ?? process.env.EXPLAINER_OUT ?? 'dist');
const base = `/${(process.env.EXPLAINER_BASE ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
try {
  const problems = await checkBuiltSite(outDir, contentDirFromEnv(), base);
  if (problems.length > 0) {
    console.error(`check:dist: ${distReport(problems)}`);
    process.exitCode = 1;
  } else {
    console.log(`check:dist: ${outDir} holds what it should and nothing else`);
  }
} catch (error) {
  console.error(`check:dist: ${(error as Error).message}`);
  process.exitCode = 1;
}
