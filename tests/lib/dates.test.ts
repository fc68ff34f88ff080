import { describe, expect, it } from 'vitest';
import { english } from '../../packages/cited-explainer/i18n/strings.ts';
import { dateFormatter, precisionOf } from '../../packages/cited-explainer/lib/dates.ts';

const british = dateFormatter('en-GB', english.dates);

describe('dateFormatter', () => {
  it('reads the precision off the ISO form', () => {
    expect(['2022-03-25', '2022-12', '2022'].map(precisionOf)).toEqual(['day', 'month', 'year']);
  });

  it('writes British dates as the site always has', () => {
    expect(british.format('2022-03-05')).toBe('5 March 2022');
    expect(british.format('2022-12')).toBe('December 2022');
    expect(british.format('2022')).toBe('2022');
  });

  it('shortens ranges, with the strings’ separators rather than ICU’s thin spaces', () => {
    expect(british.formatRange('2021-11-13', '2021-11-14')).toBe('13–14 November 2021');
    expect(british.formatRange('2023-06-30', '2023-07-02')).toBe('30 June – 2 July 2023');
    expect(british.formatRange('2022-12-30', '2023-01-02')).toBe('30 December 2022 – 2 January 2023');
    expect(british.formatRange('2022-12', '2023-01-05')).toBe('December 2022 – 5 January 2023');
    expect(british.formatRange('2022-03-25', '2022-03-25')).toBe('25 March 2022');
  });

  it('follows the language it is given', () => {
    expect(dateFormatter('fr', english.dates).format('2022-03-01')).toBe('1 mars 2022');
    expect(dateFormatter('de', english.dates).format('2022-03-25')).toBe('25. März 2022');
    expect(dateFormatter('de', english.dates).format('2022-12')).toBe('Dezember 2022');
    expect(dateFormatter('en-US', english.dates).format('2022-03-25')).toBe('March 25, 2022');
  });

  it('does not depend on the machine’s time zone: the first day of a month stays in it', () => {
    expect(british.format('2022-01-01')).toBe('1 January 2022');
  });
});
