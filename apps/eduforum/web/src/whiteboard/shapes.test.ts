import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_STROKE_POINTS } from './board.js';
import { appendPoints, readShape, ShapeCache, shapeMap, shapesOf } from './shapes.js';

function boardDoc() {
  const doc = new Y.Doc();
  return { doc, shapes: shapesOf(doc) };
}

describe('shape model', () => {
  it('writes and reads back every kind', () => {
    const { shapes } = boardDoc();
    shapes.push([
      shapeMap({ tool: 'pen', color: '#dc2626', width: 5, author: 'u1', points: [1, 2, 3, 4] }, 'a'),
      shapeMap({ tool: 'rect', color: '#2563eb', width: 2, author: 'u1', points: [10, 10, 50, 40] }, 'b'),
      shapeMap({ tool: 'text', color: '#1f2937', width: 2, author: 'u2', points: [5, 6], text: '안녕' }, 'c'),
    ]);
    expect(shapes.map((m) => readShape(m))).toEqual([
      { id: 'a', tool: 'pen', color: '#dc2626', width: 5, author: 'u1', points: [1, 2, 3, 4] },
      { id: 'b', tool: 'rect', color: '#2563eb', width: 2, author: 'u1', points: [10, 10, 50, 40] },
      { id: 'c', tool: 'text', color: '#1f2937', width: 2, author: 'u2', points: [5, 6], text: '안녕' },
    ]);
  });

  it('reads the layout other clients write (plain arrays, missing id)', () => {
    const { shapes } = boardDoc();
    const stroke = new Y.Map<unknown>();
    stroke.set('tool', 'pen');
    stroke.set('color', '#d00');
    stroke.set('points', [0, 0, 40, 30]);
    shapes.push([stroke]);
    expect(readShape(shapes.get(0))).toMatchObject({
      tool: 'pen',
      color: '#d00',
      width: 2,
      points: [0, 0, 40, 30],
    });
  });

  it('rejects or clamps what a hostile client may write', () => {
    const { shapes } = boardDoc();
    const make = (fields: Record<string, unknown>) => {
      const map = new Y.Map<unknown>();
      for (const [key, value] of Object.entries(fields)) map.set(key, value);
      shapes.push([map]);
      return readShape(shapes.get(shapes.length - 1));
    };
    expect(make({ tool: 'script', points: [0, 0] })).toBeNull();
    expect(make({ tool: 'line', points: [0, 0] })).toBeNull();
    expect(make({ tool: 'line', points: [0, 0, 'x', 1] })).toBeNull();
    expect(make({ tool: 'text', points: [0, 0], text: '   ' })).toBeNull();
    expect(
      make({ tool: 'line', points: [0, 0, 1, 1], color: 'url(javascript:x)', width: 1e9 }),
    ).toMatchObject({
      color: '#1f2937',
      width: 40,
    });
    expect(readShape('not a map')).toBeNull();
  });

  it('grows a pen stroke in place and caps its length', () => {
    const { shapes } = boardDoc();
    const map = shapeMap({ tool: 'pen', color: '#000', width: 2, author: 'u', points: [0, 0] });
    shapes.push([map]);
    appendPoints(map, [1, 1, 2, 2]);
    expect(readShape(map)?.points).toEqual([0, 0, 1, 1, 2, 2]);
    appendPoints(map, new Array(MAX_STROKE_POINTS * 4).fill(3));
    expect(readShape(map)?.points.length).toBe(MAX_STROKE_POINTS * 2);
  });

  it('caches parsed shapes and re-reads only the changed ones', () => {
    const { doc, shapes } = boardDoc();
    const cache = new ShapeCache();
    shapes.observeDeep((events) => cache.invalidate(events));
    const pen = shapeMap({ tool: 'pen', color: '#000', width: 2, author: 'u', points: [0, 0] });
    const line = shapeMap({ tool: 'line', color: '#000', width: 2, author: 'u', points: [0, 0, 9, 9] });
    shapes.push([pen, line]);
    const first = cache.read(shapes);
    doc.transact(() => appendPoints(pen, [5, 5]));
    const second = cache.read(shapes);
    expect(second[0]?.points).toEqual([0, 0, 5, 5]);
    expect(second[1]).toBe(first[1]);
    doc.transact(() => line.set('color', '#dc2626'));
    expect(cache.read(shapes)[1]?.color).toBe('#dc2626');
    expect(cache.entries(shapes).map((entry) => entry.index)).toEqual([0, 1]);
  });
});
