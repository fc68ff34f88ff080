import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isoDate } from '../schemas/common.ts';
import { IngestError, ingest } from './ingest.ts';

/** npm run ingest -- [--content DIR (default: content)] [--force] [--provenance FILE] [--archived YYYY-MM-DD] <raw-article.txt> ... */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    force: { type: 'boolean', default: false },
    provenance: { type: 'string' },
    archived: { type: 'string', default: new Date().toISOString().slice(0, 10) },
    content: { type: 'string', default: 'content' },
  },
});

try {
  const archived = isoDate.safeParse(values.archived);
  if (!archived.success) throw new IngestError(`--archived "${values.archived}": ${archived.error.issues[0].message}`);
  const written = ingest({
    contentDir: resolve(values.content),
    files: positionals,
    force: values.force,
    provenance: values.provenance,
    archived: archived.data,
    log: (line) => console.log(line),
  });
  for (const path of written) console.log(`archived ${path}`);
} catch (error) {
  if (!(error instanceof IngestError)) throw error;
  console.error(`ingest: ${error.message}`);
  process.exitCode = 1;
}
