import { describe, expect, it } from 'vitest';
import { tableOfContents } from '../../packages/cited-explainer/lib/toc.ts';

const h = (depth: number, text: string) => ({ depth, text, slug: text.toLowerCase().replace(/\s+/g, '-') });

describe('tableOfContents', () => {
  it('nests sub-sections under their section and leaves out other levels', () => {
    const toc = tableOfContents([h(1, 'Title'), h(3, 'Orphan'), h(2, 'One'), h(3, 'One a'), h(4, 'Deep'), h(2, 'Two'), h(2, 'Three')]);
    expect(toc).toEqual([
      { slug: 'one', text: 'One', children: [{ slug: 'one-a', text: 'One a' }] },
      { slug: 'two', text: 'Two', children: [] },
      { slug: 'three', text: 'Three', children: [] },
    ]);
  });

  it('gives a short page none', () => {
    expect(tableOfContents([h(2, 'One'), h(2, 'Two')])).toEqual([]);
    expect(tableOfContents([h(2, 'One'), h(2, 'Two')], 2)).toHaveLength(2);
  });
});
