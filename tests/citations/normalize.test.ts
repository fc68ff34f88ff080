import { describe, expect, it } from 'vitest';
import { normalize } from '../../packages/cited-explainer/citations/normalize.ts';

describe('normalize', () => {
  it('maps curly quotes, dashes, ellipses and no-break spaces to one form', () => {
    expect(normalize('“Both sides” – it’s\u00a0done…').text).toBe(`"Both sides" - it's done...`);
  });

  it('collapses runs of whitespace and trims the ends', () => {
    expect(normalize('  a \n\t b  ').text).toBe('a b');
  });

  it('keeps, for every character, its offset in the original', () => {
    const input = 'a\u00a0\u00a0“b”…';
    const { text, offsets } = normalize(input);
    expect(text).toBe('a "b"...');
    expect(offsets).toEqual([0, 1, 3, 4, 5, 6, 6, 6]);
  });

  it('drops invisible characters', () => {
    expect(normalize('de\u00adescalation\u200b').text).toBe('deescalation');
  });
});
