import { describe, expect, it } from 'vitest';
import { boxAround, frameFor, insideRings, lineToPath, projectedRings, ringsCentre, ringsToPath, thinRing } from '../../packages/cited-explainer/maps/geometry.ts';

describe('boxAround', () => {
  it('adds the margin on every side', () => {
    expect(
      boxAround(
        [
          [10, 20],
          [12, 23],
        ],
        0.5,
        0,
      ),
    ).toEqual([
      [9.5, 19.5],
      [12.5, 23.5],
    ]);
  });

  it('widens a single point to the minimum span, centred on it', () => {
    const [[w, s], [e, n]] = boxAround([[46, 40]], 0.1, 2);
    expect(e - w).toBeCloseTo(2);
    expect(n - s).toBeCloseTo(2);
    expect((w + e) / 2).toBeCloseTo(46);
    expect((s + n) / 2).toBeCloseTo(40);
  });

  it('refuses no points', () => {
    expect(() => boxAround([], 1, 1)).toThrow(/no points/);
  });
});

describe('frameFor', () => {
  const box: [[number, number], [number, number]] = [
    [45, 39],
    [47, 40],
  ];

  it('fits the box to the width, corners on the frame edges', () => {
    const frame = frameFor(box, 600, { minHeight: 10, maxHeight: 10_000 });
    const [x0, y0] = frame.project([45, 40]);
    const [x1, y1] = frame.project([47, 39]);
    expect(x0).toBeCloseTo(0, 0);
    expect(x1).toBeCloseTo(600, 0);
    expect(y0).toBeCloseTo(0, 0);
    expect(y1).toBeCloseTo(frame.height, 0);
    // Mercator at 39.5°N: a degree of latitude is about 1/cos(39.5°) degrees of longitude long.
    expect(frame.height / frame.width).toBeCloseTo(0.5 / Math.cos((39.5 * Math.PI) / 180), 1);
  });

  it('keeps the height within bounds', () => {
    expect(
      frameFor(
        [
          [0, 0],
          [10, 60],
        ],
        500,
        { maxHeight: 400 },
      ).height,
    ).toBe(400);
    expect(
      frameFor(
        [
          [0, 0],
          [50, 1],
        ],
        500,
        { minHeight: 200 },
      ).height,
    ).toBe(200);
  });

  it('knows the area it shows: the box, and more of the earth when the height was kept within bounds', () => {
    const exact = frameFor(box, 600, { minHeight: 10, maxHeight: 10_000 });
    // Close, not equal: the height is rounded to a whole unit.
    for (const [i, value] of exact.area.flat().entries()) expect(value).toBeCloseTo(box.flat()[i], 2);
    // The box alone would be about 390 high; kept 600 high, it is centred, with more latitude above and below.
    const taller = frameFor(box, 600, { minHeight: 600, maxHeight: 600 });
    const [[west, south], [east, north]] = taller.area;
    expect(west).toBeCloseTo(45, 6);
    expect(east).toBeCloseTo(47, 6);
    expect(south).toBeLessThan(39 - 0.1);
    expect(north).toBeGreaterThan(40 + 0.1);
    expect((south + north) / 2).toBeCloseTo(39.5, 1);
  });

  it('clips shapes to the frame', () => {
    const frame = frameFor(box, 400);
    // A square much larger than the frame is cut at its edges.
    const big = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [40, 35],
          [40, 45],
          [52, 45],
          [52, 35],
          [40, 35],
        ],
      ],
    };
    const rings = projectedRings(big, frame.projection);
    const points = rings.flat();
    expect(points.length).toBeGreaterThan(0);
    for (const [x, y] of points) {
      expect(x).toBeGreaterThanOrEqual(-0.001);
      expect(y).toBeGreaterThanOrEqual(-0.001);
      expect(x).toBeLessThanOrEqual(400.001);
      expect(y).toBeLessThanOrEqual(frame.height + 0.001);
    }
    // A shape outside the frame draws nothing.
    const far = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [10, 10],
          [10, 11],
          [11, 11],
          [11, 10],
          [10, 10],
        ],
      ],
    };
    expect(ringsToPath(projectedRings(far, frame.projection))).toBe('');
  });
});

describe('ringsToPath', () => {
  it('writes rounded, relative coordinates, shortest form', () => {
    expect(
      ringsToPath([
        [
          [0, 0],
          [10.04, 0],
          [10, 5.55],
          [0, 0],
        ],
      ]),
    ).toBe('M0 0l10 0 0 5.6z');
  });

  it('drops points that round onto the previous one and rings smaller than a triangle', () => {
    expect(
      ringsToPath([
        [
          [0, 0],
          [0.01, 0.01],
          [1, 0],
          [1, 1],
        ],
      ]),
    ).toBe('M0 0l1 0 0 1z');
    expect(
      ringsToPath([
        [
          [0, 0],
          [0.02, 0],
          [0.03, 0.01],
        ],
      ]),
    ).toBe('');
  });

  it('starts each further ring relative to the previous ring start', () => {
    const d = ringsToPath([
      [
        [1, 1],
        [2, 1],
        [2, 2],
      ],
      [
        [5, 5],
        [6, 5],
        [6, 6],
      ],
    ]);
    expect(d).toBe('M1 1l1 0 0 1zm4 4l1 0 0 1z');
  });

  it('writes fractions without a leading zero and negatives without a separator', () => {
    expect(
      ringsToPath([
        [
          [0, 0],
          [0.5, 0],
          [0, -0.5],
        ],
      ]),
    ).toBe('M0 0l.5 0-.5-.5z');
  });
});

describe('thinRing', () => {
  const ring: Array<[number, number]> = [
    [0, 0],
    [0.5, 0],
    [1, 0],
    [3, 0],
    [3, 0.8],
    [3, 3],
  ];

  it('drops points closer than minStep to the previous one kept', () => {
    expect(thinRing(ring, 1)).toEqual([
      [0, 0],
      [1, 0],
      [3, 0],
      [3, 3],
    ]);
    expect(thinRing(ring, 5)).toEqual([[0, 0]]);
  });

  it('keeps the points it is told to, however close (a frame’s corner)', () => {
    expect(thinRing(ring, 5, ([x, y]) => x === 3 && y === 0)).toEqual([
      [0, 0],
      [3, 0],
    ]);
  });
});

describe('lineToPath', () => {
  it('is an open polyline', () => {
    expect(
      lineToPath([
        [1, 2],
        [3.25, 2],
        [3.25, 0],
      ]),
    ).toBe('M1 2l2.3 0 0-2');
  });
});

describe('insideRings and ringsCentre', () => {
  const square: Array<[number, number]> = [
    [0, 0],
    [10, 0],
    [10, 10],
    [0, 10],
  ];
  const hole: Array<[number, number]> = [
    [4, 4],
    [6, 4],
    [6, 6],
    [4, 6],
  ];

  it('tells inside from outside, holes included', () => {
    expect(insideRings([5, 1], [square])).toBe(true);
    expect(insideRings([11, 5], [square])).toBe(false);
    expect(insideRings([5, 5], [square, hole])).toBe(false);
  });

  it('finds the centre of area', () => {
    expect(ringsCentre([square])).toEqual([5, 5]);
    expect(
      ringsCentre([
        [
          [0, 0],
          [1, 1],
          [2, 2],
        ],
      ]),
    ).toBeUndefined();
  });
});
