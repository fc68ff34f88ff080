import { describe, expect, it } from 'vitest';
import { alternativesOf, firstMentionProblems, isGlossaryLink } from '../../packages/cited-explainer/glossary/first-mentions.ts';

const kalbajar = { slug: 'kalbajar', name: 'Kalbajar', altNames: ['Kelbajar'] };
const lachin = { slug: 'lachin', name: 'Lachin', altNames: ['Berdzor'] };
const karabakh = { slug: 'nagorno-karabakh', name: 'Nagorno-Karabakh', altNames: ['Karabakh'] };
const places = [kalbajar, lachin, karabakh];
const check = (mdx: string, options?: Parameters<typeof firstMentionProblems>[2]) => firstMentionProblems(mdx, places, options);

describe('first mentions of places', () => {
  it('accepts a linked first mention followed by the other spelling, and later plain mentions', () => {
    expect(check('Fighting in [Kalbajar](../glossary/#kalbajar) (Kelbajar).\n\nLater, Kalbajar again.')).toEqual([]);
  });

  it('reports an unlinked first mention with its line and the text to write', () => {
    const [problem, ...rest] = check('---\ntitle: T\n---\n\nIntro.\n\nFighting in Kelbajar district.\n');
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ slug: 'kalbajar', line: 7 });
    expect(problem.message).toContain('"Kelbajar"');
    expect(problem.hint).toContain('[Kelbajar](…/glossary/#kalbajar) (Kelbajar)');
  });

  it('reports a linked first mention without the other spellings', () => {
    const problems = check('In [Lachin](../glossary/#lachin) district.');
    expect(problems.map((p) => p.message)).toEqual(['first mention of "Lachin" does not give its other spellings']);
  });

  it('needs no brackets when the only other names are short or long forms of the name', () => {
    expect(alternativesOf(karabakh)).toEqual([]);
    expect(alternativesOf({ slug: 'artsakh', name: 'Artsakh', altNames: ['Republic of Artsakh'] })).toEqual([]);
    expect(check('The war over [Nagorno-Karabakh](../glossary/#nagorno-karabakh) ended.')).toEqual([]);
  });

  it('does not count headings, navigation, quotations or quoted passages in citations', () => {
    const mdx = [
      '## Fighting in Kalbajar',
      '',
      '<nav aria-label="x">',
      '',
      '[Lachin corridor page](../corridors/lachin/)',
      '',
      '</nav>',
      '',
      'The ministry said "Kalbajar was attacked".[@src: attacked positions in Kelbajar and Lachin districts]',
    ].join('\n');
    expect(check(mdx)).toEqual([]);
  });

  it('does not take a longer glossary name for a mention of the place inside it', () => {
    const mdx = 'The [Lachin corridor](../glossary/#lachin-corridor) was a road.';
    expect(check(mdx, { others: ['Lachin corridor'] })).toEqual([]);
    expect(check(mdx).map((p) => p.slug)).toEqual(['lachin']);
  });

  it('does not accept a link to another entry or page as the first mention', () => {
    expect(check('See [Kalbajar](../incidents/2021-11-16-border-clashes/) (Kelbajar).').map((p) => p.slug)).toEqual(['kalbajar']);
    expect(isGlossaryLink('../glossary/#lachin-corridor', 'lachin')).toBe(false);
    expect(isGlossaryLink('../../glossary/#lachin', 'lachin')).toBe(true);
    expect(isGlossaryLink('/explainer/glossary/#lachin', 'lachin')).toBe(true);
  });

  it('skips places already named above the body', () => {
    expect(check('Fighting in Kalbajar.', { settled: new Set(['kalbajar']) })).toEqual([]);
  });
});

describe('the page is read as its kind of page', () => {
  const page = 'Intro.\n\n<!-- a note to editors -->\n\nFighting in <span>Kelbajar</span> district.\n';

  it('reads a .md page as Markdown: its HTML is not JSX', () => {
    expect(check(page, { file: 'pages/a.md' }).map((p) => p.line)).toEqual([5]);
  });

  it('refuses MDX the parser cannot read, naming the file, line and column', () => {
    expect(() => check('Intro.\n\nA line break<br> here.\n', { file: 'pages/a.mdx' })).toThrow(/^pages\/a\.mdx:3:\d+: cannot be read for the first-mention check: /);
  });
});
