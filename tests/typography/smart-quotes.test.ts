import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { type MarkdownToHtmlResult, markdownToHtml } from 'satteri';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { remarkSmartQuotes } from '../../packages/cited-explainer/typography/remark-smart-quotes.ts';
import { satteriSmartQuotes } from '../../packages/cited-explainer/typography/satteri-smart-quotes.ts';
import { smartQuotes } from '../../packages/cited-explainer/typography/smart-quotes.ts';

describe('smartQuotes', () => {
  it('curls double and single quotes and apostrophes', () => {
    expect(smartQuotes('He said "a total ceasefire".')).toBe('He said \u201Ca total ceasefire\u201D.');
    expect(smartQuotes("Armenia's prime minister didn't say 'no'.")).toBe('Armenia\u2019s prime minister didn\u2019t say \u2018no\u2019.');
    expect(smartQuotes("the '90s and the editors' note")).toBe('the \u201990s and the editors\u2019 note');
    expect(smartQuotes('("quoted")')).toBe('(\u201Cquoted\u201D)');
  });

  it('reads a text node after the text before it', () => {
    expect(smartQuotes('" said.', 'd')).toBe('\u201D said.');
    expect(smartQuotes('"Quote', ' ')).toBe('\u201CQuote');
  });

  it('leaves code and addresses straight', () => {
    const out = String(unified().use(remarkParse).use(remarkSmartQuotes).use(remarkRehype).use(rehypeStringify).processSync('It\'s `don\'t` and [a "link"](https://x.example/?q=a)'));
    expect(out).toBe('<p>It\u2019s <code>don\'t</code> and <a href="https://x.example/?q=a">a \u201Clink\u201D</a></p>');
  });

  it('pairs quotes around emphasis and links, within their block', () => {
    const out = String(unified().use(remarkParse).use(remarkSmartQuotes).use(remarkRehype).use(rehypeStringify).processSync('He said "three *bridges*" and "[a link](/x/)".'));
    expect(out).toBe('<p>He said \u201Cthree <em>bridges</em>\u201D and \u201C<a href="/x/">a link</a>\u201D.</p>');
  });

  it('gives the same quotes through Sätteri as through remark', () => {
    const viaRemark = (markdown: string) => String(unified().use(remarkParse).use(remarkSmartQuotes).use(remarkRehype).use(rehypeStringify).processSync(markdown));
    const viaSatteri = (markdown: string) => (markdownToHtml(markdown, { mdastPlugins: [satteriSmartQuotes()] }) as MarkdownToHtmlResult).html.trim();
    for (const markdown of [
      'It\'s `don\'t` and [a "link"](https://x.example/?q=a)',
      'He said "a *total* ceasefire". "*Emphasis*" first. "three *bridges*" and "[a link](/x/)".',
      "Armenia's '90s, the editors' note, rock 'n' roll.",
      '"[@id: x]" and ("quoted") \'single\'.\n\n- "a list"\n- it\'s',
    ]) {
      expect(viaSatteri(markdown)).toBe(viaRemark(markdown));
    }
  });
});
