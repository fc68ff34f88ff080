import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'astro';
import citedExplainer from 'cited-explainer';
import { explainerCacheDir } from './explainer-cache-dir.ts';

/**
 * node scripts/build-explainer.ts [--content DIR] [--out DIR] [--base PATH] [--root DIR]
 *
 * Builds an explainer from any content folder with the integration, as a project whose
 * astro.config.mjs says `citedExplainer({ content: DIR })` would (without --content: this project,
 * with its own astro.config.mjs). The tests and the benchmark build fixtures and generated corpora
 * this way. Each content folder and output gets its own cache, so that a fixture build never reuses
 * the real site's content store. Astro writes generated modules into its root's .astro/ folder:
 * builds in this project's root must run one at a time, builds given a --root of their own (an
 * empty folder; the code stays in ./src) may run side by side.
 */
const { values } = parseArgs({ options: { content: { type: 'string' }, out: { type: 'string', default: 'dist' }, base: { type: 'string', default: '/' }, root: { type: 'string' } } });
const outDir = resolve(values.out);
const content = values.content && resolve(values.content);
const cacheDir = explainerCacheDir(content, outDir);

try {
  await build({
    outDir,
    base: values.base,
    cacheDir,
    ...(content ? { configFile: false, integrations: [citedExplainer({ content })] } : {}),
    // A root of its own keeps this build's generated modules (.astro/) apart, so builds can run side by side.
    ...(values.root ? { root: resolve(values.root), srcDir: resolve('src'), publicDir: resolve('public') } : {}),
  });
} catch (error) {
  // One report per error: the bundler gathers a plugin's errors into one whose message repeats each
  // with its stack, so print the errors it holds. A refusal of ours names its file, line and column
  // in its message; Astro's own errors carry them in loc, and perhaps a hint.
  const errors = (error as { errors?: unknown[] }).errors ?? [error];
  for (const each of errors) {
    const { message, loc, hint } = each as Error & { loc?: { file?: string; line?: number; column?: number }; hint?: string };
    // Astro's own errors (YAML it cannot read, say) get the same one-line form: file:line:column: message.
    const located = /^\S+:\d+(:\d+)?: /.test(message);
    const where = !located && loc?.file ? `${[relative(process.cwd(), loc.file), loc.line, loc.column].filter((part) => part !== undefined).join(':')}: ` : '';
    console.error(`${where}${message}${hint ? `\n  ${hint}` : ''}`);
  }
  process.exitCode = 1;
}
