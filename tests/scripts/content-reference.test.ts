import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentReference, fileTypes, jsonSchemaPath, jsonSchemaText, referencePath, referenceText } from '../../scripts/content-reference.ts';

describe('the content reference (docs/content-reference.md) and the JSON Schema files', () => {
  it('are what scripts/content-reference.ts makes of the schemas now (run it after changing a schema)', () => {
    expect(readFileSync(referencePath, 'utf8')).toBe(referenceText());
    for (const type of fileTypes) expect(readFileSync(jsonSchemaPath(type), 'utf8'), type.name).toBe(jsonSchemaText(type));
    // Nine runs of the formatter (one per file): seconds on a busy machine.
  }, 60_000);

  it('lists allowed values, so that an enumeration is learnt before a failed build', () => {
    const reference = contentReference();
    expect(reference).toMatch(/\| `kind` \| one of `"claims"`, `"editorial"` \|/);
    expect(reference).toMatch(/## content\/raw\/provenance\.json[\s\S]*\| `type` \| one of `"newspaper-article"`/);
  });
});
