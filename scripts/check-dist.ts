import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkBuiltSite, distReport, readBuiltSite } from '../packages/cited-explainer/security/dist-files.ts';

/**
 * npm run check:dist -- [folder (default: dist)] [--content DIR (default: content)] [--base PATH]:
 * checks a built site against the rules of packages/cited-explainer/security/dist-check.ts, for the content folder and
 * base path it was built from. Every build runs the same check at its end; this runs it again on a
 * folder as it is now, before it is published.
 */
const { values, positionals } = parseArgs({ allowPositionals: true, options: { content: { type: 'string', default: 'content' }, base: { type: 'string', default: '/' } } });
const outDir = resolve(positionals[0] ?? 'dist');
const base = `/${values.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
try {
  const problems = await checkBuiltSite(outDir, readBuiltSite(resolve(values.content), base));
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
