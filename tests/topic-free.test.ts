import { describe, expect, it } from 'vitest';
import { astroReaderText, codeStrings, topicWords, topicWordsIn } from './helpers/reader-text.ts';

describe('the generator names no topic', () => {
  it('finds topic words where a reader could see them: strings, template text; not comments', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the code under test is itself a template literal, as a string
    expect(codeStrings('// Armenia said\nconst a = `Karabakh ${x} ok`; /* Baku */ const b = "fine";').map((s) => s.text)).toEqual(['`Karabakh ${', '} ok`', '"fine"']);
    const astro = "---\n// Lachin, in a comment\nconst t = 'the ceasefire';\n---\n{/* Yerevan */}\n<p>Each side’s account</p>\n<!-- Baku -->\n<style>.conflict { color: red }</style>";
    const shown = astroReaderText(astro).filter(({ text }) => topicWords.test(text));
    expect(shown).toEqual([
      { line: 3, text: "'the ceasefire'" },
      { line: 6, text: '<p>Each side’s account</p>' },
    ]);
  });

  it('the generator package holds no word of the real explainer’s topic in what it can show a reader', () => {
    expect(topicWordsIn('packages/cited-explainer')).toEqual([]);
  });
});
