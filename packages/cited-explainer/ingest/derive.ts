import { joinBlocks, sha256 } from '../archive/format.ts';
import type { ProvenanceRecord } from '../schemas/provenance.ts';
import { type SourceMeta, sourceMetaSchema } from '../schemas/source.ts';
import { cleanArticle } from './clean.ts';

/**
 * What ingest writes for one raw article and its provenance record, as a pure function: ingest
 * writes it, and the build derives it again to prove that no archive was edited by hand.
 * Throws a one-line Error (without a file name: callers add theirs) on unusable input.
 */

/**
 * A record as kept in content/raw/provenance.json: its archive date is settled and `file` names
 * the raw copy in content/raw/.
 */
export type ArchivableRecord = ProvenanceRecord & { archived: string };

export interface DerivedArchive {
  meta: SourceMeta;
  body: string;
}

/** The byline's name: what comes before the first separator, or null for an "unknown…" author. */
function authorName(author: string): string | null {
  if (/^unknown\b/i.test(author)) return null;
  const name = author.split(/ \(|, |; |\. /)[0].trim();
  if (name === '') {
    throw new Error(`"author": "${author}" has no name before its first separator; write the name first, or start with "unknown"`);
  }
  return name;
}

export function deriveArchive(record: ArchivableRecord, rawText: string): DerivedArchive {
  const cleaned = cleanArticle(rawText, { headline: record.headline, boilerplateLines: record.boilerplate_lines, standfirst: record.standfirst });
  if (cleaned.blocks.length === 0) throw new Error('nothing is left of the article once page furniture is removed');
  const body = joinBlocks(cleaned.blocks);
  const name = authorName(record.author);
  const parsed = sourceMetaSchema.safeParse({
    id: record.id,
    publisher: record.publisher,
    publisherNote: record.publisher_note,
    section: record.section,
    headline: record.headline,
    // Written only when the record names a kind, so the archives of records without one stay byte-identical.
    ...(record.type ? { type: record.type } : {}),
    author: { name, note: name === record.author ? null : record.author },
    published: record.published,
    url: record.url,
    urlConfidence: record.url_confidence,
    republishedFrom: record.republished_from,
    reworded: record.reworded,
    archived: record.archived,
    sha256: sha256(body),
    raw: `raw/${record.file}`,
    notes: [...(record.evidence ? [record.evidence] : []), ...record.encoding_issues, ...cleaned.log],
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`archive field "${issue.path.join('.')}": ${issue.message}`);
  }
  return { meta: parsed.data, body };
}
