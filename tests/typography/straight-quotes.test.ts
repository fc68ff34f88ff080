import { describe, expect, it } from 'vitest';
import { straightQuotes } from '../helpers/straight-quotes.ts';

describe('straightQuotes (the check on built pages)', () => {
  it('finds a straight apostrophe or quote in text a reader sees', () => {
    expect(straightQuotes("<p>the editors' own</p>")).toEqual(["p: the editors' own"]);
    expect(straightQuotes('<dl><dd>a "section"</dd></dl>')).toEqual(['dd: a "section"']);
  });

  it('finds one in the attributes a reader is given', () => {
    expect(straightQuotes('<button aria-label="the editors\' note">x</button><img alt=\'a "map"\' src="m.png">')).toEqual(["button ariaLabel: the editors' note", 'img alt: a "map"']);
    expect(straightQuotes('<head><meta name="description" content="Baku\'s view"><meta charset="utf-8"></head>')).toEqual(["meta content: Baku's view"]);
  });

  it('leaves quotations, archived text, code and other attributes as written', () => {
    const html =
      '<p data-x="it\'s" class="a">It’s <q>the source\'s words</q> <code>don\'t</code></p><blockquote>"as said"</blockquote><div class="archive-text"><p>Baku\'s</p></div><script>let a = "x"</script>';
    expect(straightQuotes(html)).toEqual([]);
  });
});
