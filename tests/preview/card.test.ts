import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../packages/cited-explainer/lib/xml.ts';
import { fontStack, type GlyphFont, pathData, previewSvg, wrap } from '../../packages/cited-explainer/preview/card.ts';
import { loadStack } from '../../packages/cited-explainer/preview/draw.ts';

/** Every character 10 units wide at size 10; a path says what it draws. */
const mono: GlyphFont = {
  getAdvanceWidth: (text, size) => text.length * size,
  getPath: (text, x, y) => ({ toPathData: () => `M${x} ${y}[${text}]` }),
};

describe('wrap', () => {
  it('fills each line up to the width', () => {
    expect(wrap(mono, 'aa bb cc dd', 10, 50, 5)).toEqual(['aa bb', 'cc dd']);
  });
  it('ends with an ellipsis what does not fit in the lines allowed', () => {
    expect(wrap(mono, 'aa bb cc dd ee ff', 10, 50, 2)).toEqual(['aa bb', 'cc…']);
  });
  it('keeps a word longer than the line on a line of its own', () => {
    expect(wrap(mono, 'abcdefghijkl mn', 10, 50, 3)).toEqual(['abcdefghijkl', 'mn']);
  });
});

describe('previewSvg', () => {
  const svg = previewSvg({ regular: mono, bold: mono }, { siteTitle: 'River Town', title: 'The <flood> & the bridges' });
  it('is a 1200 × 630 picture whose text is drawn as paths, titled for what it shows', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1200" height="630"/);
    expect(svg).not.toContain('<text');
    expect(svg).toContain('<title>The &lt;flood&gt; &amp; the bridges · River Town</title>');
    // 64 units a character, 1040 units a line: the title wraps after "&".
    expect(svg).toContain('M80 200[The <flood> &] M80 276.8[the bridges]');
    expect(svg).toContain('[River Town]');
  });
});

describe('escapeXml (issue 12.7)', () => {
  it('escapes every markup character, so a title with "]]>" or quotes stays well-formed XML', () => {
    expect(escapeXml(`a]]>b <c> & "d" 'e'`)).toBe('a]]&gt;b &lt;c&gt; &amp; &quot;d&quot; &apos;e&apos;');
    // Path data as a real font draws it: numbers only, so the only text is the title element's.
    const numeric: GlyphFont = { ...mono, getPath: (text, x, y) => ({ toPathData: () => `M${x} ${y}h${text.length}` }) };
    const svg = previewSvg({ regular: numeric, bold: numeric }, { siteTitle: `Site "1" ]]>`, title: `<![CDATA[x]]> & 'y' <!-- z -->` });
    expect(XMLValidator.validate(svg)).toBe(true);
  });

  it('refuses a character XML cannot hold, saying which', () => {
    expect(() => escapeXml('River\u0001Town')).toThrow('the text holds U+0001, which XML cannot hold: "River\\u0001Town"');
    expect(() => previewSvg({ regular: mono, bold: mono }, { siteTitle: 'S', title: 'a\ud800' })).toThrow(/U\+D800/);
    expect(escapeXml('tab\tand 😀')).toBe('tab\tand 😀');
  });
});

describe('fontStack', () => {
  /** A font that draws only the given characters, each 1 unit wide per unit of size, and says which font drew a run. */
  const subset = (name: string, chars: string) => ({
    hasChar: (char: string) => chars.includes(char),
    getAdvanceWidth: (text: string, size: number) => text.length * size,
    getPath: (text: string, x: number) => ({ toPathData: () => `${name}@${x}:${text}` }),
  });
  const stack = fontStack([subset('latin', 'abc '), subset('cyrillic', 'жд')]);

  it('draws each run of letters with the first font that has them, one after the other', () => {
    expect(stack.getPath('ab жд c', 0, 0, 10).toPathData()).toBe('latin@0:ab  cyrillic@30:жд latin@50: c');
    expect(stack.getAdvanceWidth('ab жд c', 10)).toBe(70);
  });

  it('names the letters no font has', () => {
    expect(stack.missing('aж ԱԲ')).toEqual(['Ա', 'Բ']);
  });
});

describe('pathData', () => {
  it('writes each command with its numbers to the places asked, whole numbers without a point', () => {
    const outline = [
      { type: 'M', x: 80, y: 200.04 },
      { type: 'L', x: 90.26, y: -3.5 },
      { type: 'Q', x1: 1, y1: 2, x: 3.12, y: 4 },
      { type: 'C', x1: 1, y1: 2, x2: 3, y2: 4, x: 5, y: 6.06 },
      { type: 'Z' },
    ] as const;
    expect(pathData(outline, 1)).toBe('M80 200L90.3 -3.5Q1 2 3.1 4C1 2 3 4 5 6.1Z');
  });

  it('writes a number within a millionth of a whole one as that number, not NaN (opentype.js 2.0 did)', () => {
    expect(pathData([{ type: 'L', x: 376.00000003, y: -0.0000001 }], 1)).toBe('L376 0');
  });
});

describe('a card drawn with the real font', () => {
  it('has path data of numbers only (opentype.js 2.0 wrote NaN here, and librsvg drew no letter after it)', async () => {
    const font = { regular: await loadStack(400), bold: await loadStack(700) };
    const svg = previewSvg(font, { siteTitle: 'Synthetic benchmark explainer', title: 'Synthetic page 889' });
    const paths = [...svg.matchAll(/ d="([^"]*)"/g)].map((match) => match[1]);
    expect(paths).toHaveLength(2);
    for (const path of paths) expect(path).toMatch(/^M[MLQCZ\d. -]+$/);
  }, 30_000); // parsing fourteen font files takes seconds on a loaded machine
});
