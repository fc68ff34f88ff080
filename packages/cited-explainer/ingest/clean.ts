import type { BlockKind } from '../archive/format.ts';

/**
 * Turns an article copied from a web page into archive blocks: page furniture goes, paragraphs
 * stay paragraphs, the standfirst and sub-headings are marked, known mojibake is repaired and
 * no-break spaces become plain spaces. Everything else, typos included, is kept as it was:
 * an archive does not correct its sources.
 */

export interface CleanOptions {
  headline: string;
  /** Exact lines to strip (from the provenance record), compared with and without outer spaces. */
  boilerplateLines?: readonly string[];
  /** The standfirst's text, when the article has one. */
  standfirst?: string | null;
}

export interface CleanResult {
  blocks: Array<{ kind: BlockKind; text: string }>;
  /** What was changed, for the archive's notes. */
  log: string[];
}

/** UTF-8 read as Mac OS Roman and re-encoded: the sequences seen in copied articles. */
const mojibake: ReadonlyArray<[string, string]> = [
  ['\u00AC\u2020', '\u00A0'], // ¬† = no-break space
  ['\u201A\u00C4\u00F4', '\u2019'], // ‚Äô = ’
  ['\u201A\u00C4\u00FA', '\u201C'], // ‚Äú = “
  ['\u201A\u00C4\u00F9', '\u201D'], // ‚Äù = ”
  ['\u201A\u00C4\u00EC', '\u2013'], // ‚Äì = –
  ['\u201A\u00C4\u00EE', '\u2014'], // ‚Äî = —
];

/** Furniture recognisable on any site: ads, prompts, comment forms, close buttons, credits. */
const furniture: readonly RegExp[] = [
  /^advertisement$/i,
  /^(sponsored|promoted)( content)?$/i,
  /^[×✕✖x]$/i,
  /^e-?mail:?$/i,
  /^menu-control$/i,
  /^stay updated\b.*!$/i,
  /^subscribe (to|for)\b.*newsletter/i,
  /^sign up\b.*newsletter/i,
  /\bthis (web)?site uses cookies\b/i,
  /^(accept|accept all|read more)$/i,
  /^leave a (reply|comment)$/i,
  /^fill in your details below/i,
  /^you are commenting using\b/i,
  /^(google|twitter|facebook|wordpress\.com) (photo|picture|icon)$/i,
  /^connecting to %s$/i,
  /^\((photo )?credit:[^)]*\)$/i,
  /^(file )?(pic|photo|image):\s/i,
];

const headingMaxWords = 10;

function repairMojibake(text: string, log: string[]): string {
  let repaired = text;
  for (const [broken, fixed] of mojibake) {
    const count = repaired.split(broken).length - 1;
    if (count > 0) {
      repaired = repaired.replaceAll(broken, fixed);
      log.push(`Repaired ${count} × mojibake "${broken}" (U+${fixed.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} read as Mac OS Roman).`);
    }
  }
  return repaired;
}

const tidy = (line: string) =>
  line
    .replace(/[\u00A0\u202F\u2007]/g, ' ')
    .replace(/[ \t]+$/g, '')
    .replace(/^[ \t]+/g, '');

/** A short line without closing punctuation, followed by more text: an article's sub-heading. */
function looksLikeHeading(text: string): boolean {
  return text.split(/\s+/).length <= headingMaxWords && !/[.!?:;,"”’')\]]$/.test(text);
}

export function cleanArticle(raw: string, options: CleanOptions): CleanResult {
  const log: string[] = [];
  // NFC: a letter and its accent as one character, however the page typed them, so quotes match (quotes are NFC-normalised too).
  const text = repairMojibake(raw.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, ''), log).normalize('NFC');
  const strip = new Set((options.boilerplateLines ?? []).flatMap((line) => [line, tidy(line)]));

  let stripped = 0;
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    const tidied = tidy(line);
    if (tidied === '') continue;
    if (strip.has(line) || strip.has(tidied) || furniture.some((pattern) => pattern.test(tidied))) {
      stripped++;
      continue;
    }
    lines.push(tidied.replace(/ {2,}/g, ' '));
  }
  if (stripped > 0) log.push(`Removed ${stripped} line(s) of page furniture (captions, credits, prompts, forms).`);

  const headline = tidy(options.headline.normalize('NFC'));
  const headlineAt = lines.indexOf(headline);
  if (headlineAt >= 0) {
    if (headlineAt > 0) log.push(`Removed ${headlineAt} line(s) of page furniture before the headline.`);
    lines.splice(0, headlineAt + 1);
  }

  const standfirst = options.standfirst ? tidy(options.standfirst.normalize('NFC')) : undefined;
  const blocks = lines.map((line, i): { kind: BlockKind; text: string } => {
    if (line === standfirst) return { kind: 'standfirst', text: line };
    if (i < lines.length - 1 && looksLikeHeading(line)) return { kind: 'heading', text: line };
    return { kind: 'paragraph', text: line };
  });
  if (standfirst && !blocks.some((block) => block.kind === 'standfirst')) {
    throw new Error(`the standfirst given in the metadata is not a line of the article: "${standfirst.slice(0, 60)}"`);
  }
  return { blocks, log };
}
