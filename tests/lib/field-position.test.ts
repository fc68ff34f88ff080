import { describe, expect, it } from 'vitest';
import { fieldPosition } from '../../packages/cited-explainer/lib/field-position.ts';

describe('fieldPosition', () => {
  it('finds a field of YAML, JSON and front matter, nested fields too, at its value', () => {
    expect(fieldPosition('a: 1\nb:\n  c: two\n', ['b', 'c'])).toEqual({ line: 3, column: 6 });
    expect(fieldPosition('role: "Mayor[@x: y z w]"\n', ['role'])).toEqual({ line: 1, column: 8 });
    expect(fieldPosition('{\n  "nav": [\n    { "href": "/x/" }\n  ]\n}', ['nav', 0, 'href'])).toEqual({ line: 3, column: 16 });
    expect(fieldPosition('---\ntitle: T\nsummary: S\n---\n\nBody text.\n', ['summary'])).toEqual({ line: 3, column: 10 });
  });

  it('says nothing for a field not written, or no field at all', () => {
    expect(fieldPosition('a: 1\n', ['b'])).toBeUndefined();
    expect(fieldPosition('a: 1\n', [])).toBeUndefined();
  });
});
