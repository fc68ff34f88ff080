/**
 * Label placement, pure: each label tries its sides in order and takes the first whose box stays
 * inside the frame and overlaps no label or dot placed before it; when none fits, the least bad,
 * moved inside the frame if it reached out of it: a label is never cut by the map's edge.
 */

export type Side = 'right' | 'left' | 'above' | 'below' | 'centre';

export interface LabelRequest {
  id: string;
  /** The lines of text, top first. */
  lines: string[];
  /** The point labelled, in SVG units. */
  x: number;
  y: number;
  fontSize: number;
  /** Sides to try, best first. */
  sides: readonly Side[];
  /** Average width of a character in em: wider for capitals and letter-spaced text. */
  em?: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedLabel {
  id: string;
  lines: string[];
  fontSize: number;
  side: Side;
  /** Where the text's anchor is: the baseline of its first line. */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  box: Box;
  /** True when every side collided and the least bad one was taken. */
  crowded: boolean;
}

/**
 * Rough width of a line of text: a proportional sans-serif averages about 0.56 em a character, but
 * the widest common one (DejaVu Sans, Linux's default) about 0.62, which is taken so that no label
 * is cut at the map's edge wherever it is drawn.
 */
export function textWidth(text: string, fontSize: number, em = 0.62): number {
  return [...text].length * fontSize * em;
}

const lineHeight = 1.2;
/** Distance from the point to the label. */
const gap = 5;

export function labelBox(request: LabelRequest, side: Side): { box: Box; x: number; y: number; anchor: PlacedLabel['anchor'] } {
  const width = Math.max(...request.lines.map((line) => textWidth(line, request.fontSize, request.em)));
  const height = request.lines.length * request.fontSize * lineHeight;
  // From the top of the line to the baseline: the ascent of the tallest common sans-serif (DejaVu Sans, 0.93 em) and a little.
  const ascent = request.fontSize * 0.95;
  const { x, y } = request;
  switch (side) {
    case 'right':
      return { box: { x: x + gap, y: y - height / 2, width, height }, x: x + gap, y: y - height / 2 + ascent, anchor: 'start' };
    case 'left':
      return { box: { x: x - gap - width, y: y - height / 2, width, height }, x: x - gap, y: y - height / 2 + ascent, anchor: 'end' };
    case 'above':
      return { box: { x: x - width / 2, y: y - gap - height, width, height }, x, y: y - gap - height + ascent, anchor: 'middle' };
    case 'below':
      return { box: { x: x - width / 2, y: y + gap, width, height }, x, y: y + gap + ascent, anchor: 'middle' };
    case 'centre':
      return { box: { x: x - width / 2, y: y - height / 2, width, height }, x, y: y - height / 2 + ascent, anchor: 'middle' };
  }
}

export function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Area of the box outside the frame. */
function outside(box: Box, width: number, height: number): number {
  const inside = overlap(box, { x: 0, y: 0, width, height });
  return box.width * box.height - inside;
}

/**
 * Places labels in the order given (put the important ones first). `obstacles` are boxes to keep
 * clear of (the dots of places).
 */
export function placeLabels(requests: readonly LabelRequest[], frame: { width: number; height: number }, obstacles: readonly Box[] = []): PlacedLabel[] {
  const taken: Box[] = [...obstacles];
  const placed: PlacedLabel[] = [];
  for (const request of requests) {
    let best: { cost: number; side: Side; at: ReturnType<typeof labelBox> } | undefined;
    for (const side of request.sides) {
      const at = labelBox(request, side);
      const raw = outside(at.box, frame.width, frame.height) * 4 + taken.reduce((sum, box) => sum + overlap(at.box, box), 0);
      const cost = raw < 1e-6 ? 0 : raw; // rounding error is not a collision
      if (!best || cost < best.cost) best = { cost, side, at };
      if (cost === 0) break;
    }
    if (!best) continue;
    const [dx, dy] = [shiftInto(best.at.box.x, best.at.box.width, frame.width), shiftInto(best.at.box.y, best.at.box.height, frame.height)];
    const box = { ...best.at.box, x: best.at.box.x + dx, y: best.at.box.y + dy };
    // A label moved inside may now cover another: crowded, so that the caller can leave out a label it can spare.
    const crowded = best.cost > 0 && (dx === 0 && dy === 0 ? true : taken.some((other) => overlap(box, other) > 1e-6));
    taken.push(box);
    placed.push({
      id: request.id,
      lines: request.lines,
      fontSize: request.fontSize,
      side: best.side,
      x: best.at.x + dx,
      y: best.at.y + dy,
      anchor: best.at.anchor,
      box,
      crowded,
    });
  }
  return placed;
}

/** How far to move a span [start, start + length] to lie within [0, limit] (to its start, when it is longer). */
function shiftInto(start: number, length: number, limit: number): number {
  if (start < 0) return -start;
  if (start + length > limit) return Math.max(limit - length - start, -start);
  return 0;
}

/** The order of sides to try, starting with a preferred one. */
export function sidesFrom(preferred: Side | undefined): Side[] {
  const all: Side[] = ['right', 'left', 'above', 'below'];
  return preferred ? [preferred, ...all.filter((s) => s !== preferred)] : all;
}
