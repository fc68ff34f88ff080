import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { claimLink, claimStart, noteNumbers } from '../../packages/cited-explainer/citations/render.ts';

describe('claimLink', () => {
  it("links to the claim's anchor and names the claim by its first eight words", () => {
    expect(claimStart('  Armenia said some of its troops had been killed in the clashes. ')).toBe('Armenia said some of its troops had been…');
    expect(claimStart('Two bridges closed.')).toBe('Two bridges closed.');
    expect(toHtml(claimLink('claim-two-bridges-closed', 'Two bridges closed.'))).toBe(
      '<a href="#claim-two-bridges-closed" class="claim-link" aria-label="Link to the claim: Two bridges closed.">#</a>',
    );
  });
});

describe('noteNumbers', () => {
  it("writes a claim's note numbers as a reader counts them", () => {
    expect(noteNumbers([3])).toBe('3');
    expect(noteNumbers([5, 3, 4])).toBe('3–5');
    expect(noteNumbers([1, 2])).toBe('1, 2');
    expect(noteNumbers([2, 7, 8, 9, 2])).toBe('2, 7–9');
  });
});
