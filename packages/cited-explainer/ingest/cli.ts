import { resolve } from 'node:path';
import type { Command } from '../cli/command.ts';
import { UsageError } from '../cli/command.ts';
import { isoDate } from '../schemas/common.ts';
import { ingest } from './ingest.ts';

/** `cited-explainer ingest`: raw article text + provenance record → an archived source (ingest.ts). */
export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'archive raw article text as a source the pages can cite',
  help: `Usage: cited-explainer ingest [options] <raw-article.txt> ...

Archives each raw text file as a source, content/sources/<id>.md, from its provenance record
(provenance.json beside the file, an array of records; its "file" field names the text file).
A file from outside the content folder is copied into content/raw/ as <id>.txt with its record,
so the archive can be rebuilt from the content folder alone. All files are archived or none:
a bad input leaves the content folder as it was.

Options:
  --content <dir>       the content folder (default: content)
  --provenance <file>   the provenance file (default: provenance.json beside each raw file)
  --archived <date>     the archive date, YYYY-MM-DD, for records that give none (default: today)
  --force               replace sources that are already archived
  -h, --help            this help

Example:
  cited-explainer ingest --content content ~/articles/article.txt`,
  options: {
    force: { type: 'boolean', default: false },
    provenance: { type: 'string' },
    archived: { type: 'string' },
    content: { type: 'string', default: 'content' },
  },
  run({ values, positionals }, output) {
    const archivedText = (values.archived as string | undefined) ?? new Date().toISOString().slice(0, 10);
    const archived = isoDate.safeParse(archivedText);
    if (!archived.success) throw new UsageError(`--archived "${archivedText}": ${archived.error.issues[0].message}`);
    const written = ingest({
      contentDir: resolve(values.content as string),
      files: positionals,
      force: values.force as boolean,
      provenance: values.provenance as string | undefined,
      archived: archived.data,
      log: output.out,
    });
    for (const path of written) output.out(`archived ${path}`);
  },
};
