import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * Nothing in the generator (src/) is about the real explainer's topic: every word a reader of some
 * other explainer could see (string literals, template text of the Astro components) is free of
 * the real topic's names and of the wording only a conflict needs. Comments are left out on
 * purpose: they use the real content as worked examples ("Armenia said…") and no page shows them.
 *
 * The list: the places, states and people of the real content (its most frequent proper names),
 * and the conflict vocabulary its pages and indexes used to carry in code ("each side", "states,
 * ministries, armed forces, authorities") or that only a conflict needs ("ceasefire", "peacekeeping"). Not listed: "party"/"parties", the content model's field name for an
 * incident's actors and its CSV column (the label readers see comes from site.json); and general
 * words such as "war" or "border", which a CSS property or another topic may use innocently.
 */
export const topicWords =
  /\b(?:Armenia\w*|Azerbaijan\w*|Karabakh|Artsakh|Lachin|Zange?zur|Zangazur|Nakh(?:i)?ch(?:i|e)van|Baku|Yerevan|Stepanakert|Syunik|Kalbajar|Pashinyan|Aliyev|CSTO|ceasefire|cease-fire|peacekeep\w*|conflict\w*|each side|both sides|armed forces|ministries|de facto authorit\w*)\b/i;

export interface ReaderText {
  line: number;
  text: string;
}

const lineAt = (source: string, offset: number) => source.slice(0, offset).split('\n').length;

/** The string literals and template pieces of TypeScript code, with their lines: what code can show. */
export function codeStrings(code: string, lineOffset = 0): ReaderText[] {
  const file = ts.createSourceFile('code.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: ReaderText[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isJsxText(node)) {
      found.push({ line: lineAt(code, node.getStart(file)) + lineOffset, text: node.getText(file) });
    }
    node.forEachChild(visit);
  };
  visit(file);
  return found;
}

/**
 * What an Astro component can show: its front matter's strings, and its template without comments
 * ({/* … *\/}, <!-- … -->) and styles. Expressions inside the template stay in: any string in them
 * is template text too.
 */
export function astroReaderText(source: string): ReaderText[] {
  const front = /^---\n([\s\S]*?)\n---\n/.exec(source);
  const frontLines = front ? front[0].split('\n').length - 1 : 0;
  const template = (front ? source.slice(front[0].length) : source)
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, (comment) => comment.replace(/[^\n]/g, ' '))
    .replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '))
    .replace(/<style[\s\S]*?<\/style>/g, (style) => style.replace(/[^\n]/g, ' '))
    .replace(/\/\/[^\n]*/g, (comment) => (/https?:$/.test(comment) ? comment : ' '));
  return [...(front ? codeStrings(front[1], 1) : []), ...template.split('\n').map((text, i) => ({ line: frontLines + i + 1, text }))];
}

/** Every place in a tree where reader-visible text names a topic word, as "file:line: word". */
export function topicWordsIn(dir: string): string[] {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(?:ts|astro|mjs)$/.test(file));
  return files.flatMap((file) => {
    const path = join(dir, file);
    const source = readFileSync(path, 'utf8');
    const texts = file.endsWith('.astro') ? astroReaderText(source) : codeStrings(source);
    return texts.flatMap(({ line, text }) => {
      const match = topicWords.exec(text);
      return match ? [`${path}:${line}: "${match[0]}"`] : [];
    });
  });
}
