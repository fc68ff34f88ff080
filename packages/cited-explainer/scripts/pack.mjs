// Compiles the package to JavaScript for its tarball (npm pack and npm publish run this as prepack,
// and with "restore" as postpack). Node refuses to strip types under node_modules, so every module
// Node itself loads from an installed package (the CLI, the integration astro.config.mjs imports,
// and everything they import) gets a .js beside its .ts, with relative imports rewritten to .js
// (TypeScript's rewriteRelativeImportExtensions). The .ts files ship too: .astro components and
// routes import them, and Vite compiles them. package.json is rewritten for the tarball (exports
// and bin name the .js) and restored afterwards, with the .js files removed.
// Plain JavaScript, so that any Node that runs npm can run it.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import ts from 'typescript';

const manifest = 'package.json';
const backup = 'package.json.pack-backup';
const generated = '.pack-generated.json';
/** What Node loads from the installed package; each gets its compiled twin in exports or bin. */
const nodeEntries = { '.': './integration/index.ts', './cli': './cli/run.ts' };
const binEntries = { 'cited-explainer': './cli/main.ts' };

const toJs = (path) => path.replace(/\.ts$/, '.js');

function restore() {
  if (existsSync(generated)) {
    for (const file of JSON.parse(readFileSync(generated, 'utf8'))) rmSync(file, { force: true });
    rmSync(generated);
  }
  if (existsSync(backup)) renameSync(backup, manifest);
}

async function compile() {
  restore();
  // Every module of the package the entries reach, as esbuild resolves them (nothing is bundled).
  const { metafile } = await build({
    entryPoints: [...Object.values(nodeEntries), ...Object.values(binEntries)],
    bundle: true,
    write: false,
    outdir: 'unused',
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  const modules = Object.keys(metafile.inputs).filter((path) => path.endsWith('.ts') && !path.startsWith('..') && !path.includes('node_modules'));
  const written = [];
  for (const path of modules) {
    const { outputText, diagnostics } = ts.transpileModule(readFileSync(path, 'utf8'), {
      fileName: path,
      reportDiagnostics: true,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023, rewriteRelativeImportExtensions: true, verbatimModuleSyntax: true },
    });
    if (diagnostics?.length) throw new Error(`${path}: ${ts.flattenDiagnosticMessageText(diagnostics[0].messageText, '\n')}`);
    writeFileSync(toJs(path), outputText);
    written.push(toJs(path));
  }
  writeFileSync(generated, JSON.stringify(written));

  const text = readFileSync(manifest, 'utf8');
  const pkg = JSON.parse(text);
  writeFileSync(backup, text);
  for (const [key, source] of Object.entries(nodeEntries)) pkg.exports[key] = { types: source, default: toJs(source) };
  pkg.bin = Object.fromEntries(Object.entries(binEntries).map(([name, source]) => [name, toJs(source)]));
  writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
  console.error(`pack: compiled ${written.length} modules to JavaScript`);
}

if (process.argv[2] === 'restore') restore();
else
  await compile().catch((error) => {
    restore();
    console.error(`pack: ${error.message}`);
    process.exitCode = 1;
  });
