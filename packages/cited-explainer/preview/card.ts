import { escapeXml } from '../lib/xml.ts';

/**
 * A page's link preview image (Open Graph, 1200 × 630): the site's title and the page's, drawn as
 * SVG whose letters are paths from a font file, so the picture is the same on every machine
 * whatever fonts it has installed. Pure: the caller passes the font in.
 */

/** The few parts of an opentype.js font this needs. */
export interface GlyphFont {
  getAdvanceWidth(text: string, fontSize: number): number;
  getPath(text: string, x: number, y: number, fontSize: number): { toPathData(decimals?: number): string };
}

/** One command of a glyph outline, as opentype.js gives it (Path.commands). */
export type PathCommand =
  | { type: 'M' | 'L'; x: number; y: number }
  | { type: 'Q'; x1: number; y1: number; x: number; y: number }
  | { type: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
  | { type: 'Z' };

const coordinates = (command: PathCommand): number[] => {
  switch (command.type) {
    case 'M':
    case 'L':
      return [command.x, command.y];
    case 'Q':
      return [command.x1, command.y1, command.x, command.y];
    case 'C':
      return [command.x1, command.y1, command.x2, command.y2, command.x, command.y];
    case 'Z':
      return [];
  }
};

/**
 * SVG path data of an outline, its numbers to `decimals` places ("12", "12.5"). Not opentype.js's
 * own toPathData: version 2.0 writes NaN for a number within a millionth of a whole one (it rounds
 * "1e-7" by appending "e+1"), where librsvg stops drawing, so most titles lost letters; and it
 * copies and re-optimises every path, two thirds of the time to draw a card's text.
 */
export function pathData(commands: readonly PathCommand[], decimals: number): string {
  const scale = 10 ** decimals;
  const number = (value: number) => {
    const rounded = Math.round(value * scale) / scale;
    return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(decimals);
  };
  return commands.map((command) => command.type + coordinates(command).map(number).join(' ')).join('');
}

/** An opentype.js font, which can also say whether it draws a character. */
export interface SubsetFont extends GlyphFont {
  hasChar(char: string): boolean;
}

/**
 * Several fonts as one: each character is drawn by the first font that has it (the subsets of a
 * typeface: Latin, Latin Extended, Cyrillic...). Kerning applies within each run of one font.
 */
export function fontStack(fonts: readonly SubsetFont[]): GlyphFont & { missing(text: string): string[] } {
  const fontOf = (char: string) => fonts.find((font) => font.hasChar(char)) ?? fonts[0];
  const runs = (text: string) => {
    const out: Array<{ font: SubsetFont; text: string }> = [];
    for (const char of text) {
      const font = fontOf(char);
      if (out.at(-1)?.font === font) out.at(-1)!.text += char;
      else out.push({ font, text: char });
    }
    return out;
  };
  const width = (text: string, size: number) => runs(text).reduce((sum, run) => sum + run.font.getAdvanceWidth(run.text, size), 0);
  return {
    getAdvanceWidth: width,
    getPath(text, x, y, size) {
      const paths: string[] = [];
      let at = x;
      for (const run of runs(text)) {
        paths.push(run.font.getPath(run.text, at, y, size).toPathData(1));
        at += run.font.getAdvanceWidth(run.text, size);
      }
      return { toPathData: () => paths.filter(Boolean).join(' ') };
    },
    missing: (text) => [...new Set([...text].filter((char) => /\S/.test(char) && !fonts.some((font) => font.hasChar(char))))],
  };
}

export const CARD = { width: 1200, height: 630, margin: 80 } as const;

/** The image's file name, beside the page's index.html. */
export const PREVIEW_FILE = 'preview.png';

/** Greedy word wrap to `width` at `fontSize`; what does not fit in `maxLines` ends with "…". */
export function wrap(font: GlyphFont, text: string, fontSize: number, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.trim().split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const candidate = line ? `${line} ${words[i]}` : words[i];
    if (!line || font.getAdvanceWidth(candidate, fontSize) <= width) {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = words[i];
    if (lines.length === maxLines) {
      let last = lines.pop()!;
      while (last.includes(' ') && font.getAdvanceWidth(`${last}…`, fontSize) > width) last = last.slice(0, last.lastIndexOf(' '));
      lines.push(`${last}…`);
      return lines;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export function previewSvg(font: { regular: GlyphFont; bold: GlyphFont }, card: { siteTitle: string; title: string }): string {
  const { width, height, margin } = CARD;
  const inner = width - 2 * margin;
  const titleSize = 64;
  const titleLines = wrap(font.bold, card.title, titleSize, inner, 4);
  const siteLines = wrap(font.regular, card.siteTitle, 34, inner, 1);
  const titleTop = 200;
  const paths = [...titleLines.map((line, i) => font.bold.getPath(line, margin, titleTop + i * titleSize * 1.2, titleSize).toPathData(1))];
  const sitePath = font.regular.getPath(siteLines[0] ?? '', margin, height - margin, 34).toPathData(1);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${escapeXml(`${card.title} · ${card.siteTitle}`)}</title>`,
    `<rect width="${width}" height="${height}" fill="#fdfdfb"/>`,
    `<rect width="${width}" height="16" fill="#8a3b00"/>`,
    `<path d="${paths.join(' ')}" fill="#1b1b1f"/>`,
    `<rect x="${margin}" y="${height - margin - 70}" width="120" height="4" fill="#8a3b00"/>`,
    `<path d="${sitePath}" fill="#4d4d57"/>`,
    '</svg>',
  ].join('');
}
