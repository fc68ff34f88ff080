import { describe, expect, it } from 'vitest';
import { type LabelRequest, labelBox, overlap, placeLabels, sidesFrom } from '../../packages/cited-explainer/maps/labels.ts';

const request = (id: string, x: number, y: number, sides = sidesFrom(undefined)): LabelRequest => ({ id, lines: [id], x, y, fontSize: 10, sides });

describe('placeLabels', () => {
  it('takes the first side that fits', () => {
    const [label] = placeLabels([request('Town', 50, 50)], { width: 200, height: 100 });
    expect(label.side).toBe('right');
    expect(label.anchor).toBe('start');
    expect(label.crowded).toBe(false);
  });

  it('moves a label off the edge of the frame', () => {
    const [label] = placeLabels([request('Edgetown', 195, 50)], { width: 200, height: 100 });
    expect(label.side).toBe('left');
    expect(label.anchor).toBe('end');
  });

  it('keeps a later label clear of an earlier one', () => {
    const [a, b] = placeLabels([request('Alpha', 50, 50), request('Beta', 52, 50)], { width: 200, height: 100 });
    expect(overlap(a.box, b.box)).toBe(0);
    expect(a.side).toBe('right');
    expect(b.side).not.toBe('right');
  });

  it('keeps clear of obstacles, and says when nothing fits', () => {
    const everywhere = { x: 0, y: 0, width: 200, height: 100 };
    const [label] = placeLabels([request('Town', 50, 50)], { width: 200, height: 100 }, [everywhere]);
    expect(label.crowded).toBe(true);
  });

  it('honours a preferred side', () => {
    expect(sidesFrom('below')[0]).toBe('below');
    expect(new Set(sidesFrom('below'))).toEqual(new Set(['right', 'left', 'above', 'below']));
    const [label] = placeLabels([request('Town', 50, 50, sidesFrom('above'))], { width: 200, height: 100 });
    expect(label.side).toBe('above');
    expect(label.box.y + label.box.height).toBeLessThan(50);
  });
});

describe('labelBox', () => {
  it('grows with the number of lines and the longest line', () => {
    const one = labelBox({ ...request('a', 0, 0), lines: ['short'] }, 'centre').box;
    const two = labelBox({ ...request('a', 0, 0), lines: ['short', 'a longer line'] }, 'centre').box;
    expect(two.height).toBeCloseTo(one.height * 2);
    expect(two.width).toBeGreaterThan(one.width);
  });
});
