import { createHash } from 'node:crypto';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { ContentError } from '../lib/content-error.ts';
import { fieldPosition } from '../lib/field-position.ts';
import { type SourceMeta, sourceMetaSchema } from '../schemas/source.ts';

/**
 * The archive file format, content/sources/<id>.md:
 *
 *   ---
 *   <metadata as YAML, see sourceMetaSchema>
 *   ---
 *   > The standfirst, if the article has one.
 *
 *   A paragraph.
 *
 *   ## A sub-heading of the article
 *
 * The body is everything after the closing "---" line. Blocks are separated by one blank line;
 * "> " marks the standfirst and "## " a sub-heading. Citation offsets count characters of the body.
 */

export type BlockKind = 'standfirst' | 'heading' | 'paragraph';

export interface ArchiveBlock {
  /** Stable anchor on the source page, "p1" for the first block. */
  anchor: string;
  kind: BlockKind;
  /** The block's text without its marker. */
  text: string;
  /** Offsets of `text` in the body. */
  start: number;
  end: number;
}

export interface ArchivedSource {
  meta: SourceMeta;
  body: string;
  blocks: ArchiveBlock[];
  /** Path of the archive file, for error messages. */
  file: string;
}

const markers: ReadonlyArray<[string, BlockKind]> = [
  ['> ', 'standfirst'],
  ['## ', 'heading'],
];

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function splitBlocks(body: string): ArchiveBlock[] {
  const blocks: ArchiveBlock[] = [];
  let offset = 0;
  for (const chunk of body.split('\n\n')) {
    const raw = chunk.replace(/\n+$/, '');
    const marker = markers.find(([prefix]) => raw.startsWith(prefix));
    const skip = marker ? marker[0].length : 0;
    if (raw.trim() !== '') {
      blocks.push({
        anchor: `p${blocks.length + 1}`,
        kind: marker ? marker[1] : 'paragraph',
        text: raw.slice(skip),
        start: offset + skip,
        end: offset + raw.length,
      });
    }
    offset += chunk.length + 2;
  }
  return blocks;
}

export function joinBlocks(blocks: ReadonlyArray<{ kind: BlockKind; text: string }>): string {
  const prefix = (kind: BlockKind) => markers.find(([, k]) => k === kind)?.[0] ?? '';
  return `${blocks.map((block) => prefix(block.kind) + block.text).join('\n\n')}\n`;
}

export function serializeArchiveFile(meta: SourceMeta, body: string): string {
  return `---\n${stringifyYaml(meta, { lineWidth: 0 })}---\n${body}`;
}

/** Parses and verifies one archive file; `file` is only used in error messages. */
export function parseArchiveFile(text: string, file: string): ArchivedSource {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) {
    throw new ContentError({
      file,
      line: 1,
      message: 'an archive file must start with "---", its YAML metadata, and a closing "---" line',
    });
  }
  let data: unknown;
  try {
    data = parseYaml(match[1]);
  } catch (error) {
    throw new ContentError({ file, line: 2, message: `the metadata is not valid YAML: ${(error as Error).message}` });
  }
  const parsed = sourceMetaSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ContentError({
      file,
      line: (fieldPosition(text, issue.path) ?? fieldPosition(text, issue.path.slice(0, 1)))?.line ?? 2,
      message: `metadata field "${issue.path.join('.') || '(root)'}": ${issue.message}`,
    });
  }
  const meta = parsed.data;
  const body = text.slice(match[0].length);
  const computed = sha256(body);
  if (computed !== meta.sha256) {
    throw new ContentError({
      file,
      message: `the archived body does not match its stored sha256 (stored ${meta.sha256.slice(0, 12)}…, computed ${computed.slice(0, 12)}…)`,
      hint: 'An archive must not be edited by hand. Restore it with git, or re-run `npm run ingest -- --force` on its raw input.',
    });
  }
  return { meta, body, blocks: splitBlocks(body), file };
}
