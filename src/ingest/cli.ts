import { parseArgs } from 'node:util';
import { contentDirFromEnv } from '../lib/content-dir.ts';
import { IngestError, ingest } from './ingest.ts';

/** npm run ingest -- [--force] [--provenance FILE] [--archived YYYY-MM-DD] <raw-article.txt> ... */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    force: { type: 'boolean', default: false },
    provenance: { type: 'string' },
    archived: { type: 'string', default: new Date().toISOString().slice(0, 10) },
    content: { type: 'string' },
  },
});

try {
  const written = ingest({
    contentDir: values.content ?? contentDirFromEnv(),
    files: positionals,
    force: values.force,
    provenance: values.provenance,
    archived: values.archived,
  });
  for (const path of written) console.log(`archived ${path}`);
} catch (error) {
  if (!(error instanceof IngestError)) throw error;
  console.error(`ingest: ${error.message}`);
  process.exitCode = 1;
}
