import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { QuoteIndex } from '../../packages/cited-explainer/citations/locate.ts';
import { renderCitedFields } from '../../packages/cited-explainer/content-model/cited-fields.ts';
import { actorSchema } from '../../packages/cited-explainer/schemas/actor.ts';
import { archivedSource } from '../helpers/archive-fixture.ts';

const index = new QuoteIndex([archivedSource('river-report', ['The mayor said two bridges were closed.', 'The weir was built in 1820.'])]);
const context = { index, base: '/', speakerName: (slug: string) => slug };

/** An actor file whose description cites an attributed passage without attributing it. */
const actorFile = (exceptions: string, description = 'Two bridges were closed.') => {
  const text = `kind: person
name: The mayor
role: "The weir's warden; the weir was built in 1820.[@river-report: The weir was built in 1820.]"
description: "${description}[@river-report: two bridges were closed]"
${exceptions}`;
  return { id: 'mayor', file: 'content/actors/mayor.yaml', text, data: actorSchema.parse(parse(text)) };
};
const render = (exceptions: string, description?: string) => () => renderCitedFields({ actors: [actorFile(exceptions, description)], glossary: [], incidents: [] }, context);

describe("a data file's reviewed exceptions (docs/authoring.md, Exceptions)", () => {
  it('without one, the rule fails at the citation', () => {
    expect(render('')).toThrow(/mayor\.yaml:4:\d+: \[attribution\]/);
  });

  it('lift the violation of a citation in one of its fields, and the ledger records it', () => {
    const reason = 'The closure is the subject here, not who announced it.';
    const fields = render(`exceptions:\n  - rule: attribution\n    quote: "two bridges were closed"\n    reason: "${reason}"\n`)();
    const citation = fields.actorPages.get('mayor')?.citations.find((c) => c.quote === 'two bridges were closed');
    expect(citation?.exception).toEqual({ rule: 'attribution', reason });
  });

  it('fail the build at the line of their quote when they lift nothing', () => {
    const stale = 'exceptions:\n  - rule: attribution\n    quote: "The weir was built in 1820."\n    reason: "The weir is described, not attributed to anyone."\n';
    expect(render(stale, 'The mayor said two bridges were closed.')).toThrow(
      /^content\/actors\/mayor\.yaml:7:\d+: the exception to the attribution rule for the quote "The weir was built in 1820\." matches no citation that needs it/,
    );
  });
});
