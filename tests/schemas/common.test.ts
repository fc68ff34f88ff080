import { afterEach, describe, expect, it, vi } from 'vitest';
import { isoDate, latestToday } from '../../packages/cited-explainer/schemas/common.ts';

const day = 24 * 3600 * 1000;
const dateOf = (time: number) => new Date(time).toISOString().slice(0, 10);

describe('isoDate', () => {
  afterEach(() => vi.useRealTimers());

  it('refuses a date after the build date, such as updated: 9999-12-31 (issue 12.11)', () => {
    const result = isoDate.safeParse('9999-12-31');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe(`9999-12-31 is in the future (today is ${latestToday()}): give the date it happened`);
    expect(isoDate.safeParse(dateOf(Date.now() + 2 * day)).success).toBe(false);
    expect(isoDate.safeParse(new Date(Date.now() + 2 * day)).success).toBe(false);
  });

  it('accepts today in every time zone, and the past', () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:30:00Z'), toFake: ['Date'] });
    expect(isoDate.safeParse('2030-01-01').success).toBe(true);
    // Already 1 January 14:30 in Kiribati (UTC+14): still today somewhere.
    expect(isoDate.safeParse('2030-01-01').success).toBe(true);
    expect(isoDate.safeParse('2030-01-02').success).toBe(false);
    expect(isoDate.safeParse('1991-12-26').success).toBe(true);
  });

  it('latestToday is the date at UTC+14', () => {
    expect(latestToday(Date.parse('2030-01-01T09:59:00Z'))).toBe('2030-01-01');
    expect(latestToday(Date.parse('2030-01-01T10:00:00Z'))).toBe('2030-01-02');
  });

  it('still refuses an impossible date as such', () => {
    expect(isoDate.safeParse('2022-02-30').error?.issues[0].message).toBe('not a real calendar date');
  });
});
