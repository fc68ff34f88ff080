import { describe, expect, it } from 'vitest';
import { type ContentFile, crossReferenceErrors, lineOf, type ModelInput, throwFirst } from '../../packages/cited-explainer/content-model/cross-references.ts';
import { ContentError } from '../../packages/cited-explainer/lib/content-error.ts';
import { type Actor, actorSchema } from '../../packages/cited-explainer/schemas/actor.ts';
import { type GlossaryEntry, glossarySchema } from '../../packages/cited-explainer/schemas/glossary.ts';
import { type Incident, incidentSchema } from '../../packages/cited-explainer/schemas/incident.ts';

const actor = (id: string, data: Partial<Actor> = {}): ContentFile<Actor> => {
  const parsed = actorSchema.parse({ kind: 'state', name: id, role: 'r', description: 'd', ...data });
  const text = Object.entries(data)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  return { id, file: `content/actors/${id}.yaml`, text, data: parsed };
};
const term = (id: string, kind: 'term' | 'place' = 'place'): ContentFile<GlossaryEntry> => ({
  id,
  file: `content/glossary/${id}.yaml`,
  text: '',
  data: glossarySchema.parse({ kind, name: id, note: 'x' }),
});
const incident = (id: string, front: Record<string, unknown>): ContentFile<Incident> => {
  const data = incidentSchema.parse({ title: 't', summary: 's', when: 'w', where: 'w', updated: '2026-01-01', ...front });
  const text = ['---', ...Object.entries(front).map(([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.join(', ')}]` : v}`), '---'].join('\n');
  return { id, file: `content/incidents/${id}.mdx`, text, data };
};

const base = (): ModelInput => ({
  actors: [actor('armenia'), actor('azerbaijan'), actor('armenia-defence-ministry', { kind: 'ministry', affiliation: 'armenia' })],
  glossary: [term('kalbajar'), term('lachin'), term('exclave', 'term')],
  incidents: [incident('2021-11-16-border-clashes', { start: '2021-11-16', places: ['kalbajar', 'lachin'], parties: ['armenia', 'azerbaijan'] })],
  documents: [],
  actorKinds: ['state', 'ministry'],
});

describe('cross-references', () => {
  it('accepts a consistent model', () => {
    expect(crossReferenceErrors(base())).toEqual([]);
  });

  it('names the file and line of an unknown party, with the closest known slugs', () => {
    const input = base();
    input.incidents = [incident('2021-11-16-x', { start: '2021-11-16', places: ['kalbajar'], parties: ['armenia', 'azerbaijn'] })];
    const [error, ...rest] = crossReferenceErrors(input);
    expect(rest).toEqual([]);
    expect(error).toBeInstanceOf(ContentError);
    expect(error.file).toBe('content/incidents/2021-11-16-x.mdx');
    expect(error.line).toBe(4);
    expect(error.message).toContain('unknown actor "azerbaijn"');
    expect(error.suggestion).toMatch(/closest first: azerbaijan/);
  });

  it('refuses an unknown place and a glossary term used as a place', () => {
    const input = base();
    input.incidents = [incident('2021-11-16-x', { start: '2021-11-16', places: ['kelbajar', 'exclave'], parties: ['armenia'] })];
    const messages = crossReferenceErrors(input).map((e) => e.message);
    expect(messages[0]).toContain('unknown place "kelbajar"');
    expect(messages[1]).toContain('"exclave" is a glossary term, not a place');
  });

  it('requires the file name to start with the start date in its precision', () => {
    const input = base();
    input.incidents = [
      incident('2021-11-17-wrong-day', { start: '2021-11-16', places: ['lachin'], parties: ['armenia'] }),
      incident('2022-12-blockade', { start: '2022-12', places: ['lachin'], parties: ['armenia'] }),
      incident('2022-12-01-invented-day', { start: '2022-12', places: ['lachin'], parties: ['armenia'] }),
    ];
    const errors = crossReferenceErrors(input);
    expect(errors.map((e) => e.file)).toEqual(['content/incidents/2021-11-17-wrong-day.mdx', 'content/incidents/2022-12-01-invented-day.mdx']);
    expect(errors[0].message).toContain('must start with the start date, "2021-11-16"');
  });

  it('refuses an end before the start', () => {
    const input = base();
    input.incidents = [incident('2021-11-16-x', { start: '2021-11-16', end: '2021-11-13', places: ['lachin'], parties: ['armenia'] })];
    expect(crossReferenceErrors(input)[0].message).toContain('end 2021-11-13 is before start 2021-11-16');
  });

  it('refuses an unknown affiliation and a loop of affiliations', () => {
    const input = base();
    input.actors = [actor('a', { affiliation: 'b' }), actor('b', { affiliation: 'a' }), actor('c', { affiliation: 'nowhere' })];
    const messages = crossReferenceErrors({ ...input, incidents: [] }).map((e) => e.message);
    expect(messages.some((m) => m.includes('affiliation loops back'))).toBe(true);
    expect(messages.some((m) => m.includes('unknown actor "nowhere"'))).toBe(true);
  });

  it('names the page and line of a citation with an unknown speaker', () => {
    const input = base();
    input.documents = [
      {
        file: 'content/pages/background.mdx',
        text: 'line one\nArmenia said so.[@src (armenia-defense-ministry): words]\n',
        citations: [
          { speaker: 'armenia-defense-ministry', source: 'src' },
          { speaker: 'armenia', source: 'src' },
          { speaker: null, source: 'src' },
        ],
      },
    ];
    const errors = crossReferenceErrors(input);
    expect(errors).toHaveLength(1);
    expect(errors[0].file).toBe('content/pages/background.mdx');
    expect(errors[0].line).toBe(2);
    expect(errors[0].message).toContain('unknown speaker "armenia-defense-ministry"');
    expect(errors[0].suggestion).toContain('armenia-defence-ministry');
  });
});

describe('reporting', () => {
  it('finds the line of a text or pattern', () => {
    expect(lineOf('a\nb\nc', 'c')).toBe(3);
    expect(lineOf('a\nb', /^z/)).toBeUndefined();
  });

  it('throws nothing for no errors, the error itself for one, and a summary of the rest for several', () => {
    expect(() => throwFirst([])).not.toThrow();
    const one = new ContentError({ file: 'f.mdx', line: 2, message: 'first problem', hint: 'fix it' });
    expect(() => throwFirst([one])).toThrow(one);
    try {
      throwFirst([one, new ContentError({ file: 'g.yaml', line: 5, message: 'second problem' })]);
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toBe('f.mdx:2: first problem\n  fix it\n  …and 1 more: g.yaml:5: second problem');
    }
  });
});

describe('kinds of actor', () => {
  it('are the ones site.json declares, named with the closest ones when not', () => {
    const input = base();
    input.actors = [actor('mayor', { kind: 'mayoress' } as Partial<Actor>)];
    const [error] = crossReferenceErrors(input);
    expect(error.message).toMatch(/^content\/actors\/mayor\.yaml:1: unknown actor kind "mayoress"\n {2}Known actor kinds, closest first: ministry, state/);
  });
});
