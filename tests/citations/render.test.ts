import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { claimLink, claimStart } from '../../src/citations/render.ts';

describe('claimLink', () => {
  it('links to the claim\'s anchor and names the claim by its first eight words', () => {
    expect(claimStart('  Armenia said some of its troops had been killed in the clashes. ')).toBe('Armenia said some of its troops had been…');
    expect(claimStart('Two bridges closed.')).toBe('Two bridges closed.');
    expect(toHtml(claimLink('claim-two-bridges-closed', 'Two bridges closed.'))).toBe(
      '<a href="#claim-two-bridges-closed" class="claim-link" aria-label="Link to the claim: Two bridges closed.">#</a>',
    );
  });
});
