import type { Link, Root, Text } from 'mdast';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { visitParents } from 'unist-util-visit-parents';
import { noteParsing, readsDirectives } from '../citations/site-note.ts';
import { findCitations } from '../citations/syntax.ts';
import { ContentError } from '../lib/content-error.ts';
import { escapeRegExp } from '../lib/regexp.ts';

/**
 * The first-mention rule for glossary places: on every page, the first time a place is named it
 * links to its glossary entry and, if it has other spellings, gives them in brackets right after
 * the link: "[Kalbajar](../glossary/#kalbajar) (Kelbajar)". Pure: takes the MDX text, returns problems.
 */

export interface GlossaryName {
  slug: string;
  name: string;
  altNames: readonly string[];
}

export interface MentionProblem {
  slug: string;
  line: number;
  message: string;
  hint: string;
}

/**
 * Other spellings worth giving: a short form inside the name ("Karabakh") or a longer form
 * around it ("Republic of Artsakh") is not one.
 */
export function alternativesOf(entry: GlossaryName): string[] {
  const name = entry.name.toLowerCase();
  return entry.altNames.filter((alt) => !name.includes(alt.toLowerCase()) && !alt.toLowerCase().includes(name));
}

/** Blanks the front matter, keeping its lines, so that positions stay those of the file. */
function withoutFrontmatter(text: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  return match ? match[0].replace(/[^\n]/g, '') + text.slice(match[0].length) : text;
}

const blank = (text: string, from: number, to: number) => text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);

/**
 * A text node's value with what is not our own naming blanked: citation tokens, words inside
 * quotation marks (a speaker's words are quoted as spoken, never given links or brackets), and
 * longer glossary names that contain a place's name ("Lachin corridor" is not a mention of Lachin).
 */
function visibleText(value: string, masks: readonly RegExp[]): string {
  let out = value;
  for (const token of findCitations(value).tokens) out = blank(out, token.from, token.to);
  for (const quoted of out.matchAll(/"[^"\n]*"|“[^”\n]*”/g)) out = blank(out, quoted.index, quoted.index + quoted[0].length);
  for (const mask of masks) for (const hit of out.matchAll(mask)) out = blank(out, hit.index, hit.index + hit[0].length);
  return out;
}

/** True when a link points at this glossary entry: …/glossary/#slug, relative or root-relative. */
export function isGlossaryLink(url: string, slug: string): boolean {
  const [path, fragment] = url.split('#');
  return fragment === slug && /(^|\/)glossary\/?$/.test(path);
}

/**
 * The page's syntax tree, read as the build reads its kind of page (Sätteri), without smart
 * punctuation so that names are matched as written.
 */
function parsePage(text: string, file: string): Root {
  const markdown = readsDirectives(file);
  try {
    // A Markdown page with its directives (:::note, :::nav), as the build reads it.
    return (markdown ? markdownToMdast(text, { features: { smartPunctuation: false, ...noteParsing } }) : mdxToMdast(text, { features: { smartPunctuation: false } })) as unknown as Root;
  } catch (error) {
    // Sätteri's message starts with the position: "3:13: Expected a closing tag for `<br>` …".
    const message = error instanceof Error ? error.message : String(error);
    const at = /^(?:Error: )?(\d+):(\d+): ([\s\S]*)$/.exec(message);
    const [line, column, reason] = at ? [Number(at[1]), Number(at[2]), at[3]] : [undefined, undefined, message];
    throw new ContentError({ file, line, column, message: `cannot be read for the first-mention check: ${reason}` });
  }
}

const skippedParents = new Set(['heading', 'mdxjsEsm', 'inlineCode', 'code']);
const skippedElements = new Set(['nav', 'aside']);

/**
 * @param entries the places to check.
 * @param others names of other glossary entries (terms), which may contain a place's name.
 * @param settled places already named with their link and spellings before the body (an incident's
 *   facts box lists its places), so the body need not repeat them.
 * @param file the page's file, as errors name it: a .md page is read as Markdown (its HTML is not
 *   JSX), any other as MDX; text either parser refuses is a ContentError naming the file.
 */
export function firstMentionProblems(mdx: string, entries: readonly GlossaryName[], options: { others?: readonly string[]; settled?: ReadonlySet<string>; file?: string } = {}): MentionProblem[] {
  const settled = options.settled ?? new Set<string>();
  const placeNames = entries.flatMap((e) => [e.name, ...e.altNames]);
  // Only longer names that contain a place's name need masking; the rest cannot hide a mention.
  const masks = (options.others ?? []).filter((other) => placeNames.some((name) => other !== name && other.includes(name))).map((other) => new RegExp(escapeRegExp(other), 'gu'));
  const tree = parsePage(withoutFrontmatter(mdx), options.file ?? 'page.mdx');
  const patterns = entries
    .filter((entry) => !settled.has(entry.slug))
    .map((entry) => ({
      entry,
      pattern: new RegExp(`(?<![\\p{L}\\p{N}#/-])(?:${[entry.name, ...entry.altNames].map(escape).join('|')})(?![\\p{L}\\p{N}-])`, 'u'),
    }));
  const seen = new Set<string>();
  const problems: MentionProblem[] = [];

  visitParents(tree, 'text', (node: Text, ancestors) => {
    if (ancestors.some((a) => skippedParents.has(a.type))) return;
    if (ancestors.some((a) => (a.type === 'mdxJsxFlowElement' || a.type === 'mdxJsxTextElement' || a.type === 'containerDirective') && skippedElements.has((a as { name?: string }).name ?? '')))
      return;
    const text = visibleText(node.value, masks);
    const link = [...ancestors].reverse().find((a): a is Link => a.type === 'link');
    const found = patterns
      .filter(({ entry }) => !seen.has(entry.slug))
      .map(({ entry, pattern }) => ({ entry, match: pattern.exec(text) }))
      .filter((f): f is { entry: GlossaryName; match: RegExpExecArray } => f.match !== null)
      .sort((a, b) => a.match.index - b.match.index);
    for (const { entry, match } of found) {
      seen.add(entry.slug);
      const line = (node.position?.start.line ?? 1) + text.slice(0, match.index).split('\n').length - 1;
      const alternatives = alternativesOf(entry);
      const wanted = `[${match[0]}](…/glossary/#${entry.slug})${alternatives.length ? ` (${alternatives.join('; ')})` : ''}`;
      if (!link || !isGlossaryLink(link.url, entry.slug)) {
        problems.push({
          slug: entry.slug,
          line,
          message: `first mention of "${match[0]}" on this page is not linked to its glossary entry`,
          hint: `Write ${wanted} at the first mention (headings, navigation and quoted passages do not count).`,
        });
        continue;
      }
      if (alternatives.length === 0) continue;
      const parent = ancestors.at(-1);
      const siblings = (ancestors.at(-2) as { children?: unknown[] } | undefined)?.children ?? [];
      const after = siblings[siblings.indexOf(parent) + 1] as { type?: string; value?: string } | undefined;
      const bracket = after?.type === 'text' ? /^\s*\(([^)]*)\)/.exec(after.value ?? '') : null;
      const named = [entry.name, ...entry.altNames].filter((n) => n !== match[0]);
      if (!bracket || !named.some((n) => bracket[1].includes(n))) {
        problems.push({
          slug: entry.slug,
          line,
          message: `first mention of "${match[0]}" does not give its other spellings`,
          hint: `Follow the link with the other spellings in brackets: ${wanted}.`,
        });
      }
    }
  });
  return problems;
}

/**
 * The rule over a content folder: every document's problems as errors, for the build's content
 * model and the CLI's check. An incident's own places are settled on its page (its facts box links them).
 */
export function firstMentionErrors(
  glossary: ReadonlyArray<{ id: string; data: { kind: string; name: string; altNames: string[] } }>,
  incidents: ReadonlyArray<{ file: string; places: readonly string[] }>,
  documents: ReadonlyArray<{ file: string; text: string }>,
): ContentError[] {
  const places = glossary.filter((g) => g.data.kind === 'place').map((g) => ({ slug: g.id, name: g.data.name, altNames: g.data.altNames }));
  if (places.length === 0) return [];
  const others = glossary.filter((g) => g.data.kind !== 'place').flatMap((g) => [g.data.name, ...g.data.altNames]);
  const settledBy = new Map(incidents.map((incident) => [incident.file, new Set(incident.places)]));
  return documents.flatMap((document) =>
    firstMentionProblems(document.text, places, { others, settled: settledBy.get(document.file), file: document.file }).map(
      (problem) => new ContentError({ file: document.file, line: problem.line, message: problem.message, hint: problem.hint }),
    ),
  );
}
