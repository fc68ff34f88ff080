import { describe, expect, it } from 'vitest';
import { bestLocale, closestKey, english, format, formatParts, mergeStrings, plural, stringsProblems } from '../../packages/cited-explainer/i18n/strings.ts';

describe('format', () => {
  it('fills placeholders', () => {
    expect(format('Note {number}', { number: 3 })).toBe('Note 3');
    expect(format('{page} · {site}', { page: 'Actors', site: 'Explainer' })).toBe('Actors · Explainer');
  });

  it('refuses a placeholder without a value, rather than printing it', () => {
    expect(() => format('Note {number}', {})).toThrow(/no value for \{number\}/);
  });

  it('keeps values that are markup as parts, in the template’s order', () => {
    const link = { tag: 'a' };
    expect(formatParts('Write to {email}, or ', { email: link })).toEqual(['Write to ', link, ', or ']);
  });
});

describe('plural', () => {
  const forms = { one: '{count} statement cited.', other: '{count} statements cited.' };
  it('picks the form Intl.PluralRules gives for the count', () => {
    expect(plural(forms, 1, 'en')).toBe('1 statement cited.');
    expect(plural(forms, 2, 'en')).toBe('2 statements cited.');
    // French counts 0 as singular.
    expect(plural(forms, 0, 'fr')).toBe('0 statement cited.');
  });

  it('falls back to "other" when a language’s category has no form', () => {
    expect(plural({ other: 'Changes ({count})' }, 1, 'en')).toBe('Changes (1)');
  });
});

describe('bestLocale', () => {
  it('matches a regional tag to its language', () => {
    expect(bestLocale('en-GB', ['en', 'fr'])).toBe('en');
    expect(bestLocale('sr-Latn-RS', ['sr', 'sr-Latn'])).toBe('sr-Latn');
    expect(bestLocale('FR-ca', ['en', 'fr'])).toBe('fr');
  });

  it('finds nothing for a language without a file', () => {
    expect(bestLocale('hy', ['en', 'fr'])).toBeUndefined();
  });
});

describe('stringsProblems', () => {
  it('accepts a partial set of known strings, plural categories included', () => {
    expect(stringsProblems({ scope: { label: 'Portée' }, actors: { statementsCited: { many: '{count} déclarations' } } })).toEqual([]);
  });

  it('names an unknown key with the closest known one', () => {
    expect(stringsProblems({ scope: { lable: 'x' } })).toEqual([{ path: ['scope', 'lable'], message: 'unknown key "scope.lable"; the closest known key is "scope.label"' }]);
    expect(closestKey('search.nResults')).toBe('search.noResults');
  });

  it('refuses a placeholder the code does not fill, and a group where a string belongs', () => {
    expect(stringsProblems({ citations: { noteLink: 'Note {num}' } })[0].message).toMatch(/names \{num\}.*\{number\}/);
    expect(stringsProblems({ scope: { label: { a: 'b' } } })[0].message).toBe('must be a string, not a group of strings');
  });

  it('merges over the reference without changing it', () => {
    const merged = mergeStrings(english, { scope: { label: 'Portée' } });
    expect(merged.scope.label).toBe('Portée');
    expect(merged.scope.reportingOn).toBe(english.scope.reportingOn);
    expect(english.scope.label).toBe('Scope of this page');
  });
});
