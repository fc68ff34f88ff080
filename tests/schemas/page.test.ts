import { describe, expect, it } from 'vitest';
import { incidentSchema } from '../../packages/cited-explainer/schemas/incident.ts';
import { pageSchema } from '../../packages/cited-explainer/schemas/page.ts';

const page = { title: 'The flood', description: 'What happened.', updated: '2024-06-01' };
const issues = (data: unknown) => {
  const result = pageSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('a page’s change log', () => {
  it('is optional, and lists changes newest first', () => {
    expect(pageSchema.parse(page).changes).toEqual([]);
    const changes = [
      { date: '2024-06-01', note: 'Added the council’s figure.' },
      { date: '2024-05-20', note: 'First published.' },
    ];
    expect(pageSchema.parse({ ...page, changes }).changes).toEqual(changes);
  });

  it('refuses changes out of order', () => {
    expect(
      issues({
        ...page,
        changes: [
          { date: '2024-05-20', note: 'a' },
          { date: '2024-06-01', note: 'b' },
        ],
      }),
    ).toEqual(['changes: list the changes newest first']);
  });

  it('refuses a change dated after the page’s last review, on pages and incidents alike', () => {
    expect(issues({ ...page, changes: [{ date: '2024-06-02', note: 'a' }] })).toEqual(['changes: the newest change is dated after "updated": set "updated" to the date of the review']);
    const incident = { title: 'Flood', summary: 'Water rose.', when: 'May 2024.', where: 'The weir.', start: '2024-05', places: ['weir'], parties: ['council'], updated: '2024-06-01' };
    expect(incidentSchema.safeParse({ ...incident, changes: [{ date: '2024-07-01', note: 'a' }] }).success).toBe(false);
    expect(incidentSchema.safeParse({ ...incident, changes: [{ date: '2024-06-01', note: 'a' }] }).success).toBe(true);
  });

  it('refuses a change without a real date or a note', () => {
    expect(issues({ ...page, changes: [{ date: '2024-02-30', note: 'a' }] })).toEqual(['changes.0.date: not a real calendar date']);
    expect(issues({ ...page, changes: [{ date: '2024-05-01', note: '' }] })).toHaveLength(1);
  });
});
