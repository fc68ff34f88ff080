import { describe, expect, it } from 'vitest';
import { axisRows, compareIncidents, formatDateRange, formatPartialDate, monthsOf, sortTimeline, timeAxis, titleWithoutDate } from '../../packages/cited-explainer/content-model/timeline.ts';
import { partialDate } from '../../packages/cited-explainer/schemas/incident.ts';

const d = (value: string) => partialDate.parse(value);

describe('partial dates', () => {
  it('reads the precision from the form', () => {
    expect(d('2022-12')).toEqual({ value: '2022-12', precision: 'month' });
    expect(d('2021-11-16')).toEqual({ value: '2021-11-16', precision: 'day' });
  });

  it('refuses dates that do not exist', () => {
    expect(partialDate.safeParse('2022-02-30').success).toBe(false);
    expect(partialDate.safeParse('2022-13').success).toBe(false);
    expect(partialDate.safeParse('Tuesday').success).toBe(false);
  });
});

describe('timeline order', () => {
  const incident = (id: string, start: string, end?: string) => ({ id, start: d(start), end: end ? d(end) : undefined });

  it('orders by start date, whatever order the files were read in', () => {
    const items = [incident('c', '2023-06-27'), incident('a', '2021-11-13'), incident('b', '2022-03-24')];
    expect(sortTimeline(items).map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });

  it('puts a month-only incident before the days of that month', () => {
    const items = [incident('day', '2023-06-27'), incident('month', '2023-06')];
    expect(sortTimeline(items).map((i) => i.id)).toEqual(['month', 'day']);
  });

  it('breaks ties by end date, then id, so the order is stable', () => {
    expect(compareIncidents(incident('x', '2021-11-16', '2021-11-17'), incident('y', '2021-11-16'))).toBeGreaterThan(0);
    expect(compareIncidents(incident('a', '2021-11-16'), incident('b', '2021-11-16'))).toBeLessThan(0);
  });

  it('does not change the array it is given', () => {
    const items = [incident('b', '2022-01-01'), incident('a', '2021-01-01')];
    sortTimeline(items);
    expect(items.map((i) => i.id)).toEqual(['b', 'a']);
  });
});

describe('date display', () => {
  it('shows a month-only date as the month', () => {
    expect(formatPartialDate(d('2022-12'))).toBe('December 2022');
  });

  it('shortens ranges within a month or a year', () => {
    expect(formatDateRange(d('2021-11-13'), d('2021-11-14'))).toBe('13–14 November 2021');
    expect(formatDateRange(d('2023-06-30'), d('2023-07-02'))).toBe('30 June – 2 July 2023');
    expect(formatDateRange(d('2022-12-30'), d('2023-01-02'))).toBe('30 December 2022 – 2 January 2023');
    expect(formatDateRange(d('2021-11-16'))).toBe('16 November 2021');
    expect(formatDateRange(d('2021-11-16'), d('2021-11-16'))).toBe('16 November 2021');
  });

  it('says "From" for an incident still going on when the sources end', () => {
    expect(formatDateRange(d('2022-12'), d('2023-06-28'), true)).toBe('From December 2022 (still reported on 28 June 2023)');
    expect(formatDateRange(d('2022-12'), undefined, true)).toBe('From December 2022');
  });
});

describe('the timeline on a time scale', () => {
  const incident = (id: string, start: string, end?: string) => ({ id, start: d(start), end: end ? d(end) : undefined });

  it('drops the date a title ends with, as the timeline writes it', () => {
    expect(titleWithoutDate('Parukh and Khramort, 24–26 March 2022', incident('a', '2022-03-24', '2022-03-26'))).toBe('Parukh and Khramort');
    expect(titleWithoutDate('Border clashes of 16 November 2021', incident('a', '2021-11-16'))).toBe('Border clashes');
    expect(titleWithoutDate('Gas supply cut, March 2022', incident('a', '2022-03-21'))).toBe('Gas supply cut');
    expect(titleWithoutDate('Blockade of the road, from December 2022', { ...incident('a', '2022-12'), continuing: true })).toBe('Blockade of the road');
    expect(titleWithoutDate('A title without its date', incident('a', '2022-03-21'))).toBe('A title without its date');
    expect(titleWithoutDate('Talks in May 2022', incident('a', '2022-03-21'))).toBe('Talks in May 2022');
  });

  it('places incidents, years and the coverage in months, and finds the gaps', () => {
    const axis = timeAxis([incident('a', '2021-11-13', '2021-11-14'), incident('b', '2022-03-24'), incident('c', '2022-12', '2023-06-28'), incident('d', '2023-06-27')], {
      from: '2021-11-16',
      to: '2023-06-28',
    });
    expect(axis.from).toBe(2021 * 12 + 10);
    expect(axis.to).toBe(2023 * 12 + 6);
    expect(axis.years.map((y) => y.year)).toEqual([2022, 2023]);
    expect(axis.coverage.from).toBeCloseTo(monthsOf('2021-11-16'));
    expect(axis.gaps).toEqual([
      { after: 'a', before: 'b', from: monthsOf('2021-11-14', 'end'), to: monthsOf('2022-03-24'), months: 4 },
      { after: 'b', before: 'c', from: monthsOf('2022-03-24', 'end'), to: monthsOf('2022-12'), months: 9 },
    ]);
    // The continuing blockade covers June 2023: no gap before the last incident.
    expect(axis.incidents.find((i) => i.id === 'c')!.to).toBeGreaterThan(axis.incidents.find((i) => i.id === 'd')!.from);
  });

  it('reads a month-only date as the whole month', () => {
    expect(monthsOf('2022-12', 'end') - monthsOf('2022-12')).toBe(1);
    expect(monthsOf('2022-12-01')).toBe(monthsOf('2022-12'));
  });
});

describe('rows of marks on the axis', () => {
  it('keeps marks apart by the gap, lifting only those that would touch', () => {
    const dot = (x: number) => ({ x0: x, x1: x });
    expect(axisRows([dot(29), dot(32), dot(158), dot(162), dot(300)], 26)).toEqual([0, 1, 0, 1, 0]);
  });

  it('puts a mark back on the first row once the gap allows it', () => {
    expect(
      axisRows(
        [
          { x0: 0, x1: 0 },
          { x0: 10, x1: 10 },
          { x0: 26, x1: 26 },
        ],
        26,
      ),
    ).toEqual([0, 1, 0]);
  });

  it('a mark inside a long bar goes above it, and a third that touches both goes higher', () => {
    expect(
      axisRows(
        [
          { x0: 411, x1: 622 },
          { x0: 594, x1: 624 },
          { x0: 621, x1: 621 },
        ],
        26,
      ),
    ).toEqual([0, 1, 2]);
  });
});
