import { describe, expect, it } from 'vitest';
import { forbiddenCharacter, text } from '../../packages/cited-explainer/schemas/text.ts';

describe('text', () => {
  const field = text({ max: 10 });
  const message = (value: unknown) => {
    const result = field.safeParse(value);
    return result.success ? undefined : result.error.issues[0].message;
  };

  it('is trimmed and within its length', () => {
    expect(field.parse('  River  ')).toBe('River');
    expect(message('')).toBe('must not be empty');
    expect(message('x'.repeat(11))).toBe('must be at most 10 characters');
    expect(text({ max: 10, min: 3 }).safeParse('ab').success).toBe(false);
  });

  it('refuses every C0 and C1 control character, DEL, unpaired surrogates and U+FFFE/U+FFFF', () => {
    const refused = [...Array.from({ length: 0x20 }, (_, i) => i), 0x7f, ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i), 0xfffe, 0xffff];
    for (const code of refused)
      expect(message(`a${String.fromCharCode(code)}b`), code.toString(16)).toMatch(/^contains U\+[0-9A-F]{4}, (a control character|a non-character), at character 2: remove it$/);
    expect(message('a\ud800b')).toBe('contains U+D800, an unpaired surrogate, at character 2: remove it');
    expect(message('a\udc00')).toBe('contains U+DC00, an unpaired surrogate, at character 2: remove it');
  });

  it('accepts any other Unicode text, astral characters included', () => {
    for (const value of ['Ղարաբաղ', 'Qarabağ', 'Нагорный', '😀 ok', 'a\u00a0b', '"<&>\'']) expect(field.safeParse(value).success, value).toBe(true);
  });

  it('forbiddenCharacter gives the position of the first one', () => {
    expect(forbiddenCharacter('ab\u0000c\u0001')).toEqual({ position: 3, codePoint: 'U+0000', kind: 'a control character' });
    expect(forbiddenCharacter('😀')).toBeUndefined();
  });
});
