import { describe, expect, it } from 'vitest';
import { distanceToEllipse, distanceToSegment, hitsShape, shapesHit, sweep } from './hit-test.js';
import type { Shape } from './shapes.js';

const shape = (tool: Shape['tool'], points: number[], extra: Partial<Shape> = {}): Shape => ({
  id: tool,
  tool,
  color: '#000',
  width: 2,
  author: 'u',
  points,
  ...extra,
});

describe('geometry', () => {
  it('measures distances to segments and ellipse outlines', () => {
    expect(distanceToSegment({ x: 5, y: 5 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(5);
    expect(distanceToSegment({ x: -3, y: 4 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(5);
    expect(distanceToSegment({ x: 3, y: 4 }, { x: 0, y: 0 }, { x: 0, y: 0 })).toBe(5);
    // Ellipse in the box (0,0)-(200,100): centre (100,50), radii 100 and 50.
    expect(distanceToEllipse({ x: 200, y: 50 }, { x: 0, y: 0 }, { x: 200, y: 100 })).toBeCloseTo(0);
    expect(distanceToEllipse({ x: 100, y: 50 }, { x: 0, y: 0 }, { x: 200, y: 100 })).toBe(50);
    expect(distanceToEllipse({ x: 100, y: 120 }, { x: 0, y: 0 }, { x: 200, y: 100 })).toBeCloseTo(20);
  });
});

describe('eraser hit testing', () => {
  it('hits strokes near their path only', () => {
    const stroke = shape('pen', [0, 0, 100, 0, 100, 100]);
    expect(hitsShape(stroke, { x: 50, y: 10 })).toBe(true);
    expect(hitsShape(stroke, { x: 50, y: 50 })).toBe(false);
    expect(hitsShape(shape('pen', [10, 10]), { x: 15, y: 15 })).toBe(true);
  });

  it('hits rectangles and ellipses on their outline, not inside', () => {
    const rect = shape('rect', [100, 100, 300, 200]);
    expect(hitsShape(rect, { x: 200, y: 105 })).toBe(true);
    expect(hitsShape(rect, { x: 200, y: 150 })).toBe(false);
    const ellipse = shape('ellipse', [0, 0, 200, 100]);
    expect(hitsShape(ellipse, { x: 100, y: 3 })).toBe(true);
    expect(hitsShape(ellipse, { x: 100, y: 50 })).toBe(false);
  });

  it('hits lines, arrows and text boxes; wider strokes reach further', () => {
    expect(hitsShape(shape('line', [0, 0, 100, 100]), { x: 50, y: 60 })).toBe(true);
    expect(hitsShape(shape('arrow', [0, 0, 100, 0]), { x: 50, y: 30 })).toBe(false);
    expect(hitsShape(shape('arrow', [0, 0, 100, 0], { width: 40 }), { x: 50, y: 30 })).toBe(true);
    const text = shape('text', [100, 100], { text: '안녕하세요' });
    expect(hitsShape(text, { x: 150, y: 110 })).toBe(true);
    expect(hitsShape(text, { x: 600, y: 110 })).toBe(false);
  });

  it('returns the indexes of every shape hit', () => {
    const entries = [
      { index: 0, shape: shape('line', [0, 0, 100, 0]) },
      { index: 3, shape: shape('line', [0, 5, 100, 5]) },
      { index: 4, shape: shape('line', [0, 500, 100, 500]) },
    ];
    expect(shapesHit(entries, { x: 50, y: 2 })).toEqual([0, 3]);
  });

  it('sweeps a fast move in steps no longer than the eraser', () => {
    const points = sweep({ x: 0, y: 0 }, { x: 100, y: 0 }, 14);
    expect(points.length).toBe(8);
    expect(points.at(-1)).toEqual({ x: 100, y: 0 });
    expect(sweep({ x: 1, y: 1 }, { x: 1, y: 1 })).toEqual([{ x: 1, y: 1 }]);
  });
});
