import { type Point, textSize } from './board.js';
import type { Shape } from './shapes.js';

/** How far from a shape's stroke the eraser still catches it, in board units. */
export const ERASER_RADIUS = 14;

/** Distance from `p` to the segment `a`-`b`. */
export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/**
 * Approximate advance width of a text in board units: wide (CJK, Hangul) characters count as a
 * full em, others as 0.6 em. Close enough to hit-test without a canvas to measure with.
 */
export function approximateTextWidth(text: string, size: number): number {
  let ems = 0;
  for (const char of text) ems += (char.codePointAt(0) ?? 0) >= 0x1100 ? 1 : 0.6;
  return ems * size;
}

/** The box a text shape covers. */
export function textBox(shape: Shape): { x: number; y: number; width: number; height: number } {
  const size = textSize(shape.width);
  const lines = (shape.text ?? '').split('\n');
  const width = Math.max(...lines.map((line) => approximateTextWidth(line, size)), size * 0.6);
  return { x: shape.points[0] ?? 0, y: shape.points[1] ?? 0, width, height: size * 1.25 * lines.length };
}

/** Whether the eraser at `p` (with `radius`) touches the shape's outline (shapes are not filled). */
export function hitsShape(shape: Shape, p: Point, radius: number = ERASER_RADIUS): boolean {
  const reach = radius + shape.width / 2;
  const pts = shape.points;
  const at = (i: number): Point => ({ x: pts[i] ?? 0, y: pts[i + 1] ?? 0 });
  switch (shape.tool) {
    case 'pen': {
      if (pts.length === 2) return Math.hypot(p.x - at(0).x, p.y - at(0).y) <= reach;
      for (let i = 0; i + 3 < pts.length; i += 2) {
        if (distanceToSegment(p, at(i), at(i + 2)) <= reach) return true;
      }
      return false;
    }
    case 'line':
    case 'arrow':
      return distanceToSegment(p, at(0), at(2)) <= reach;
    case 'rect': {
      const a = at(0);
      const c = at(2);
      const b = { x: c.x, y: a.y };
      const d = { x: a.x, y: c.y };
      return [
        [a, b],
        [b, c],
        [c, d],
        [d, a],
      ].some(
        ([from, to]) => from !== undefined && to !== undefined && distanceToSegment(p, from, to) <= reach,
      );
    }
    case 'ellipse':
      return distanceToEllipse(p, at(0), at(2)) <= reach;
    case 'text': {
      const box = textBox(shape);
      return (
        p.x >= box.x - radius &&
        p.x <= box.x + box.width + radius &&
        p.y >= box.y - radius &&
        p.y <= box.y + box.height + radius
      );
    }
  }
}

/**
 * Approximate distance from `p` to the outline of the ellipse inscribed in the box `a`-`b`: exact
 * on the axes, close elsewhere; a flat ellipse is treated as the segment it looks like.
 */
export function distanceToEllipse(p: Point, a: Point, b: Point): number {
  const cx = (a.x + b.x) / 2;
  const cy = (a.y + b.y) / 2;
  const rx = Math.abs(b.x - a.x) / 2;
  const ry = Math.abs(b.y - a.y) / 2;
  if (rx < 1 || ry < 1) {
    return distanceToSegment(p, { x: cx - rx, y: cy - ry }, { x: cx + rx, y: cy + ry });
  }
  const dx = p.x - cx;
  const dy = p.y - cy;
  const r = Math.hypot(dx / rx, dy / ry);
  if (r === 0) return Math.min(rx, ry);
  // Scale the normalised radial gap back by the ellipse's radius in the direction of p.
  const radiusThere = Math.hypot(dx, dy) / r;
  return Math.abs(r - 1) * radiusThere;
}

/** Indexes (as given) of the shapes the eraser touches at `p`. */
export function shapesHit(
  entries: readonly { index: number; shape: Shape }[],
  p: Point,
  radius: number = ERASER_RADIUS,
): number[] {
  return entries.filter((entry) => hitsShape(entry.shape, p, radius)).map((entry) => entry.index);
}

/**
 * Points along a fast eraser move (pointer events can be far apart), no further apart than `step`,
 * so nothing between two events is skipped. Excludes `from` (already tested), includes `to`.
 */
export function sweep(from: Point, to: Point, step: number = ERASER_RADIUS): Point[] {
  const distance = Math.hypot(to.x - from.x, to.y - from.y);
  const count = Math.max(1, Math.ceil(distance / step));
  const points: Point[] = [];
  for (let i = 1; i <= count; i++) {
    points.push({ x: from.x + ((to.x - from.x) * i) / count, y: from.y + ((to.y - from.y) * i) / count });
  }
  return points;
}
