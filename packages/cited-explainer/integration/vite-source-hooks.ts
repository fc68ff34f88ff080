/**
 * The start of the build's worker thread, as plain JavaScript (Node runs it with `eval: true`):
 * before it imports the worker (workerData.entry) it teaches Node to load the generator's modules
 * as the build does:
 * - TypeScript under node_modules (an installed package), which Node's own type stripping refuses
 *   there: stripped with module.stripTypeScriptTypes;
 * - Vite's `?raw` imports: the file's text;
 * - Vite's `import.meta.env`: a production build's (workerData.env), for cite/format.ts, whose
 *   citeproc formatting the worker does ahead of the pages that show it.
 */
export const workerBootstrap = `
const { registerHooks, stripTypeScriptTypes } = require('node:module');
const { readFileSync } = require('node:fs');
const { fileURLToPath } = require('node:url');
const { workerData } = require('node:worker_threads');
// Stripping types is marked experimental; the build's log needs no notice of it.
const emitWarning = process.emitWarning;
process.emitWarning = (warning, ...rest) => String(warning).includes('stripTypeScriptTypes') || emitWarning.call(process, warning, ...rest);
const env = 'import.meta.env = ' + JSON.stringify(workerData.env) + ';\\n';
registerHooks({
  load(url, context, nextLoad) {
    if (!url.startsWith('file:')) return nextLoad(url, context);
    if (url.endsWith('?raw')) {
      return { format: 'module', source: 'export default ' + JSON.stringify(readFileSync(fileURLToPath(url.slice(0, -4)), 'utf8')) + ';', shortCircuit: true };
    }
    const ours = /\\.ts$/.test(url) && url.includes('/node_modules/');
    const loaded = ours ? { format: 'module', source: stripTypeScriptTypes(readFileSync(fileURLToPath(url), 'utf8')), shortCircuit: true } : nextLoad(url, context);
    if (url.includes('/node_modules/') && !ours) return loaded;
    const source = String(loaded.source ?? '');
    return source.includes('import.meta.env') ? { ...loaded, source: env + source } : loaded;
  },
});
import(workerData.entry).catch((error) => {
  throw error;
});
`;
