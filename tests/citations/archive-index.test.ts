import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { loadSpeakerNames } from '../../packages/cited-explainer/citations/archive-index.ts';

describe('content caches', () => {
  const dir = mkdtempSync(join(tmpdir(), 'speakers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Unit files share a worker (isolate: false): a fake clock must not outlive its test.
  afterEach(() => vi.useRealTimers());

  it('read the folder again when a file changes (astro dev), not on every call', () => {
    vi.useFakeTimers();
    mkdirSync(join(dir, 'actors'));
    const file = join(dir, 'actors', 'mayor.yaml');
    writeFileSync(file, 'name: The mayor\n');
    expect(loadSpeakerNames(dir).get('mayor')).toBe('The mayor');
    writeFileSync(file, 'name: The new mayor\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    // Within the recheck interval the cached names stand; after it, the edit is read.
    expect(loadSpeakerNames(dir).get('mayor')).toBe('The mayor');
    vi.advanceTimersByTime(600);
    expect(loadSpeakerNames(dir).get('mayor')).toBe('The new mayor');
  });

  it("read a speaker's name by the actor schema's rule: trimmed and curled, or not at all when the schema refuses it", () => {
    const actors = join(dir, 'named', 'actors');
    mkdirSync(actors, { recursive: true });
    writeFileSync(join(actors, 'council.yaml'), 'name: "  The town\'s council "\n');
    writeFileSync(join(actors, 'blank.yaml'), 'name: "   "\n');
    writeFileSync(join(actors, 'nameless.yaml'), 'kind: state\n');
    const names = loadSpeakerNames(join(dir, 'named'));
    expect(names.get('council')).toBe('The town’s council');
    expect(names.has('blank')).toBe(false);
    expect(names.has('nameless')).toBe(false);
  });

  it('read an actor written in any of the forms the actors collection reads (.yaml, .yml, .json)', () => {
    const actors = join(dir, 'forms', 'actors');
    mkdirSync(actors, { recursive: true });
    writeFileSync(join(actors, 'mayor.yml'), 'name: The mayor\n');
    writeFileSync(join(actors, 'council.json'), '{ "name": "The council" }\n');
    const names = loadSpeakerNames(join(dir, 'forms'));
    expect(names.get('mayor')).toBe('The mayor');
    expect(names.get('council')).toBe('The council');
  });
});
