/**
 * The package's layers, checked by `npm run lint` (dependency-cruiser). Kept to rules that hold
 * today, so that a new import that breaks one fails the lint with its file named.
 */
const pkg = '^packages/cited-explainer/';
/** Astro glue: what wires the engine into pages and the build. Nothing below it may reach up. */
const glue = `${pkg}(integration|components|layouts|routes)/`;

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle between modules: move the shared piece to where both can import it.',
      severity: 'error',
      from: {},
      // cite/format.ts reads its own source (?raw) to key its cache: not a dependency.
      to: { circular: true, pathNot: `${pkg}cite/format\\.ts$` },
    },
    {
      name: 'cores-below-glue',
      comment: 'The engine (citations, cite, schemas, lib, archive, content-model, …) is pure or thin; only the Astro glue imports routes, layouts, components and the integration.',
      severity: 'error',
      from: { path: pkg, pathNot: glue },
      to: { path: glue },
    },
    {
      name: 'schemas-are-definitions',
      comment: 'Schemas define content types: they import other schemas, the text rules they validate with, and nothing that reads files or renders.',
      severity: 'error',
      from: { path: `${pkg}schemas/` },
      to: { path: `${pkg}(integration|ingest|archive|content-model|security|search|preview|maps|feed|data)/` },
    },
    {
      name: 'cite-below-citations',
      comment: 'cite/ (citation formats, CSL) is used by citations/ and never the other way.',
      severity: 'error',
      from: { path: `${pkg}cite/` },
      to: { path: `${pkg}citations/` },
    },
    {
      name: 'search-below-security',
      comment: 'security/ checks what search/ writes; search/ never imports security/.',
      severity: 'error',
      from: { path: `${pkg}search/` },
      to: { path: `${pkg}security/` },
    },
    {
      name: 'pages-below-content-model',
      comment: 'lib/site-data.ts reads the pages; the content model checks them, and content-model/site-ledger.ts joins both.',
      severity: 'error',
      from: { path: `${pkg}lib/site-data\\.ts$` },
      to: { path: `${pkg}content-model/(load|site-ledger)\\.ts$` },
    },
    {
      name: 'archive-not-ingest-transaction',
      comment: 'The archive check re-derives archives with ingest’s pure steps (decode, derive); the transaction and the CLI are above it.',
      severity: 'error',
      from: { path: `${pkg}archive/` },
      to: { path: `${pkg}ingest/(ingest|cli)\\.ts$` },
    },
    {
      name: 'no-tests-or-scripts-in-the-package',
      comment: 'The package is published: it must not import the tests, the scripts or the explainer it is tested with.',
      severity: 'error',
      from: { path: pkg },
      to: { path: '^(tests|scripts|src|content)/' },
    },
    {
      name: 'the-site-imports-no-tests',
      comment: 'The explainer (src/, astro.config.mjs) is built for readers: nothing from tests/ (scripts/ such as the bench may share test helpers).',
      severity: 'error',
      from: { path: '^(src/|astro\\.config)' },
      to: { path: '^(tests|scripts)/' },
    },
  ],
  options: {
    // tests/ is reached from scripts/ (the bench shares its helpers) but not checked itself.
    doNotFollow: { path: ['node_modules', '^tests/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '^(node_modules|dist|\\.builds|\\.astro)/' },
  },
};
