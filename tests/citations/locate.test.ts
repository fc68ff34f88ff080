import { describe, expect, it } from 'vitest';
import { QuoteIndex } from '../../packages/cited-explainer/citations/locate.ts';
import { archivedSource } from '../helpers/archive-fixture.ts';

const index = new QuoteIndex([
  archivedSource('river-report', [
    { kind: 'standfirst', text: 'The river rose overnight.' },
    'The mayor said the water was “relatively stable” as of Friday morning.',
    '## Damage',
    'Officials said two bridges were closed – one in the north and one in the south.',
    'The council said the water was relatively stable.',
  ]),
  archivedSource('river-follow-up', ['Nothing to report.']),
]);

describe('QuoteIndex.locate', () => {
  it('finds an exact passage with its offsets and paragraph anchor', () => {
    const result = index.locate('river-report', 'two bridges were closed');
    expect(result.status).toBe('found');
    if (result.status !== 'found') return;
    expect(result.match.paragraph).toBe('p4');
    expect(result.match.quote).toBe('two bridges were closed');
    const body = index.source('river-report')!.body;
    expect(body.slice(result.match.start, result.match.end)).toBe('two bridges were closed');
  });

  it('matches after normalising quotes, dashes and whitespace, and returns the archive’s own text', () => {
    const result = index.locate('river-report', 'closed - one in the   north');
    expect(result).toMatchObject({ status: 'found', match: { quote: 'closed – one in the north' } });
    const quoted = index.locate('river-report', 'water was "relatively stable" as of');
    expect(quoted).toMatchObject({ status: 'found', match: { quote: 'water was “relatively stable” as of', paragraph: 'p2' } });
  });

  it('joins two parts of one paragraph with an ellipsis, in order', () => {
    const result = index.locate('river-report', 'Officials said ... in the south');
    expect(result).toMatchObject({
      status: 'found',
      match: { paragraph: 'p4', quote: 'Officials said two bridges were closed – one in the north and one in the south' },
    });
    expect(index.locate('river-report', 'in the south ... Officials said').status).toBe('not-found');
  });

  it('reports every place an ambiguous quote matches', () => {
    const result = index.locate('river-report', 'the water was');
    expect(result.status).toBe('ambiguous');
    if (result.status !== 'ambiguous') return;
    expect(result.matches.map((m) => m.paragraph)).toEqual(['p2', 'p5']);
  });

  it('suggests the closest passage when a quote is not found', () => {
    const result = index.locate('river-report', 'two bridges had been closed');
    expect(result.status).toBe('not-found');
    if (result.status !== 'not-found') return;
    expect(result.closest).toEqual({ paragraph: 'p4', text: 'two bridges were closed' });
  });

  it('lists the known ids, closest first, for an unknown source', () => {
    const result = index.locate('river-reprot', 'anything');
    expect(result).toEqual({ status: 'unknown-source', knownIds: ['river-report', 'river-follow-up'] });
  });

  it('refuses an empty quote', () => {
    expect(index.locate('river-report', '  ').status).toBe('empty');
    expect(index.locate('river-report', '...').status).toBe('empty');
  });

  it('does not match across paragraphs', () => {
    expect(index.locate('river-report', 'Friday morning. Officials said').status).toBe('not-found');
  });
});

describe('closest-passage suggestions on very large inputs (cost: npm run bench, never timed here)', () => {
  it('answers a 2,000-word quote against a megabyte-long paragraph with a suggestion', () => {
    const words = Array.from({ length: 170_000 }, (_, i) => `word${i % 997}`);
    const huge = new QuoteIndex([archivedSource('huge', [words.join(' ')])]);
    const quote = Array.from({ length: 2_000 }, (_, i) => `other${i}`).join(' ');
    const result = huge.locate('huge', quote);
    expect(result.status).toBe('not-found');
  });
});
