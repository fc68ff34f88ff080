import { describe, expect, it } from 'vitest';
import { nestQuotes } from '../../packages/cited-explainer/typography/smart-quotes.ts';

describe('nestQuotes', () => {
  it('writes a quotation’s own double quotation marks as single ones, opening and closing', () => {
    expect(nestQuotes('warned that Artsakh is "on the verge of a humanitarian catastrophe."')).toBe('warned that Artsakh is ‘on the verge of a humanitarian catastrophe.’');
    expect(nestQuotes('"Brookfield said so," he wrote')).toBe('‘Brookfield said so,’ he wrote');
    expect(nestQuotes('a “curly” one')).toBe('a ‘curly’ one');
  });

  it('leaves a quotation without quotation marks, and its apostrophes, as they are', () => {
    expect(nestQuotes("Armenia’s ministry didn't say")).toBe("Armenia’s ministry didn't say");
  });
});
