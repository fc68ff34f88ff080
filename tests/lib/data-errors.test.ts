import { describe, expect, it } from 'vitest';
import { dataError } from '../../packages/cited-explainer/lib/data-errors.ts';
import { pageSchema } from '../../packages/cited-explainer/schemas/page.ts';

const page = ['---', 'title: Background', 'description: Why.', 'updated: 2022-02-30', '---', '', 'Text.'].join('\n');

describe('dataError', () => {
  it('names the line of a bad field', () => {
    const result = pageSchema.safeParse({ title: 'Background', description: 'Why.', updated: '2022-02-30' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(dataError('content/pages/background.mdx', page, result.error).message).toBe('content/pages/background.mdx:4: field "updated": not a real calendar date');
  });

  it('says which field is missing', () => {
    const result = pageSchema.safeParse({ description: 'Why.', updated: '2022-02-28' });
    if (result.success) throw new Error('expected a failure');
    expect(dataError('p.mdx', '---\ndescription: Why.\n---\n', result.error).message).toMatch(/^p\.mdx:1: missing field "title"\n {2}Add "title:"/);
  });
});
