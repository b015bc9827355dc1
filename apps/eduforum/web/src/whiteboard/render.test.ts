import { describe, expect, it } from 'vitest';
import { boardCommands, type Canvas2D, renderBoard, shapeCommands } from './render.js';
import type { Shape } from './shapes.js';

const shape = (tool: Shape['tool'], points: number[], extra: Partial<Shape> = {}): Shape => ({
  id: tool,
  tool,
  color: '#2563eb',
  width: 4,
  author: 'u',
  points,
  ...extra,
});

/** A context that records the calls the renderer makes. */
function recorder(): { ctx: Canvas2D; calls: string[] } {
  const calls: string[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push(
        `${name}(${args.map((a) => (typeof a === 'number' ? Math.round(a * 10) / 10 : a)).join(',')})`,
      );
    };
  const methods = [
    'beginPath',
    'moveTo',
    'lineTo',
    'quadraticCurveTo',
    'arc',
    'ellipse',
    'rect',
    'stroke',
    'fill',
    'fillText',
    'fillRect',
    'clearRect',
    'setTransform',
    'save',
    'restore',
  ];
  const target: Record<string, unknown> = {};
  for (const name of methods) target[name] = record(name);
  const ctx = new Proxy(target, {
    set(object, key, value) {
      calls.push(`${String(key)}=${value}`);
      object[key as string] = value;
      return true;
    },
  }) as unknown as Canvas2D;
  return { ctx, calls };
}

describe('render commands', () => {
  it('turns each kind into instructions in board units', () => {
    expect(shapeCommands(shape('pen', [5, 5]))).toEqual([
      { op: 'dot', x: 5, y: 5, radius: 2, color: '#2563eb' },
    ]);
    expect(shapeCommands(shape('rect', [300, 200, 100, 50]))).toEqual([
      { op: 'rect', x: 100, y: 50, width: 200, height: 150, color: '#2563eb', lineWidth: 4 },
    ]);
    expect(shapeCommands(shape('ellipse', [0, 0, 200, 100]))).toEqual([
      { op: 'ellipse', cx: 100, cy: 50, rx: 100, ry: 50, color: '#2563eb', lineWidth: 4 },
    ]);
    const arrow = shapeCommands(shape('arrow', [0, 0, 100, 0]));
    expect(arrow).toHaveLength(2);
    expect(arrow[1]).toMatchObject({ op: 'path', points: expect.arrayContaining([100, 0]) });
    expect(shapeCommands(shape('text', [10, 20], { text: 'a\nb' }))).toEqual([
      { op: 'text', x: 10, y: 20, lines: ['a', 'b'], size: 30, color: '#2563eb' },
    ]);
    expect(
      boardCommands([shape('line', [0, 0, 1, 1]), shape('pen', [0, 0, 1, 1, 2, 2])]).map((c) => c.op),
    ).toEqual(['path', 'path']);
  });

  it('draws a board: scale, white background, then shapes in order', () => {
    const { ctx, calls } = recorder();
    renderBoard(ctx, [shape('line', [0, 0, 100, 50]), shape('pen', [0, 0, 10, 10, 20, 0])], {
      scaleX: 0.5,
      scaleY: 0.5,
      background: '#ffffff',
    });
    expect(calls).toEqual([
      'setTransform(0.5,0,0,0.5,0,0)',
      'fillStyle=#ffffff',
      'fillRect(0,0,1600,900)',
      'lineCap=round',
      'lineJoin=round',
      'strokeStyle=#2563eb',
      'lineWidth=4',
      'beginPath()',
      'moveTo(0,0)',
      'lineTo(100,50)',
      'stroke()',
      'strokeStyle=#2563eb',
      'lineWidth=4',
      'beginPath()',
      'moveTo(0,0)',
      'quadraticCurveTo(10,10,15,5)',
      'lineTo(20,0)',
      'stroke()',
    ]);
  });

  it('clears instead of painting when there is no background', () => {
    const { ctx, calls } = recorder();
    renderBoard(ctx, [], { scaleX: 1, scaleY: 1 });
    expect(calls.slice(0, 2)).toEqual(['setTransform(1,0,0,1,0,0)', 'clearRect(0,0,1600,900)']);
  });
});
