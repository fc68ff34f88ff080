import { describe, expect, it } from 'vitest';
import { straightQuotes } from '../helpers/straight-quotes.ts';

describe('straightQuotes (the check on built pages)', () => {
  it('finds a straight apostrophe or quote in text a reader sees', () => {
    expect(straightQuotes("<p>the editors' own</p>")).toEqual(["p: the editors' own"]);
    expect(straightQuotes('<dl><dd>a "section"</dd></dl>')).toEqual(['dd: a "section"']);
  });

  it('leaves quotations, archived text, code and attributes as written', () => {
    const html = '<p title="it\'s">It’s <q>the source\'s words</q> <code>don\'t</code></p><blockquote>"as said"</blockquote><div class="archive-text"><p>Baku\'s</p></div><script>let a = "x"</script>';
    expect(straightQuotes(html)).toEqual([]);
  });
});
