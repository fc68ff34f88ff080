import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { citeField, fieldLocation, noteField, plainField, withoutFinalStop } from '../../packages/cited-explainer/citations/cited-field.ts';
import { QuoteIndex } from '../../packages/cited-explainer/citations/locate.ts';
import { createPageResolver } from '../../packages/cited-explainer/citations/resolve.ts';
import { archivedSource } from '../helpers/archive-fixture.ts';

const index = new QuoteIndex([archivedSource('river-report', ['The mayor said two bridges were closed.', 'The weir was built in 1820.'])]);
const file = 'content/actors/mayor.yaml';
const text = 'kind: person\ndescription: "The mayor said two bridges were closed.[@river-report: two bridges were closed]"\n';
const where = fieldLocation(file, text, 'description');
const resolver = () => createPageResolver({ file, document: 'actors/mayor', index });

describe('cited data fields', () => {
  it('finds where a YAML value starts', () => {
    expect(where).toEqual({ file, line: 2, column: 15 });
    expect(fieldLocation(file, '---\ntitle: T\nwhen: "June 2023."\n---\n', 'when')).toEqual({ file, line: 3, column: 8 });
  });

  it('renders a field through the same claims, markers and ledger records as MDX prose', () => {
    const pageResolver = resolver();
    const html = toHtml({
      type: 'root',
      children: citeField('The mayor said two bridges were closed.[@river-report: two bridges were closed]', { resolver: pageResolver, base: '/', where, anchorPrefix: 'mayor-' }),
    });
    expect(html).toContain('<span id="claim-mayor-the-mayor-said-two-bridges-were" class="claim">');
    expect(html).toContain('class="cite-marker"');
    expect(pageResolver.records.map((r) => [r.id, r.quote, r.paragraph])).toEqual([['actors/mayor/claim-mayor-the-mayor-said-two-bridges-were/1', 'two bridges were closed', 'p1']]);
  });

  it('fails on an uncited field, uncited trailing text, a broken quote or a rule, naming file, line and column', () => {
    const cite = (value: string) => () => citeField(value, { resolver: resolver(), base: '/', where });
    expect(cite('The mayor was elected.')).toThrow(/^content\/actors\/mayor\.yaml:2:15: uncited field/);
    expect(cite('The mayor said two bridges were closed.[@river-report: two bridges were closed] Then he left.')).toThrow(/uncited text at the end of the field: "Then he left\."/);
    expect(cite('The mayor said so.[@river-report: three bridges were closed]')).toThrow(/mayor\.yaml:2:33: quote not found in source "river-report"[\s\S]*Did you mean/);
    expect(cite('Two bridges were closed.[@river-report: two bridges were closed]')).toThrow(/mayor\.yaml:2:39: \[attribution\]/);
    expect(cite('First.\n\nSecond.')).toThrow(/holds one paragraph/);
    expect(cite('[Click](javascript:alert(1)) said.[@river-report: two bridges were closed]')).toThrow(/the address "javascript:/);
  });

  it('renders a note as plain text and refuses a citation in it', () => {
    expect(toHtml({ type: 'root', children: noteField('Spelled *Shushi* in Armenian.', where) })).toBe('Spelled <em>Shushi</em> in Armenian.');
    expect(() => noteField('Built in 1820.[@river-report: The weir was built in 1820.]', where)).toThrow(/a note carries a citation/);
  });

  it('gives the text without its citations for descriptions and downloads', () => {
    expect(plainField('The mayor said two bridges were closed.[@river-report: two bridges were closed] The weir held.[@river-report: The weir was built]')).toBe(
      'The mayor said two bridges were closed. The weir held.',
    );
  });
});

describe('withoutFinalStop', () => {
  const claim = (text: string) => ({ type: 'element' as const, tagName: 'span', properties: { className: ['claim'] }, children: [{ type: 'text' as const, value: text }] });
  const marker = { type: 'element' as const, tagName: 'sup', properties: {}, children: [{ type: 'text' as const, value: '1.' }] };
  it("drops the full stop of the field's last claim only, and leaves the given nodes alone", () => {
    const nodes = [claim('First.'), marker, claim('13–14 November 2021.'), marker];
    const out = withoutFinalStop(nodes);
    expect(out.map((n) => (n.type === 'element' ? (n.children[0] as { value: string }).value : ''))).toEqual(['First.', '1.', '13–14 November 2021', '1.']);
    expect((nodes[2].children[0] as { value: string }).value).toBe('13–14 November 2021.');
  });
  it('keeps an ellipsis and a value without a stop', () => {
    expect((withoutFinalStop([claim('And so on...')])[0] as { children: Array<{ value: string }> }).children[0].value).toBe('And so on...');
    expect((withoutFinalStop([claim('Oldtown')])[0] as { children: Array<{ value: string }> }).children[0].value).toBe('Oldtown');
  });
});
