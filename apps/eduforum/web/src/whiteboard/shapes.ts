import * as Y from 'yjs';
import { MAX_STROKE_POINTS, MAX_TEXT, MAX_WIDTH, type ShapeKind, shapeKinds } from './board.js';

/**
 * A drawing on the board, read from the shared document. `points` is flat board coordinates
 * (`x0, y0, x1, y1, ...`): a pen stroke's path, the two corners of a line, arrow, rectangle or
 * ellipse, or a text's top-left corner.
 */
export interface Shape {
  id: string;
  tool: ShapeKind;
  color: string;
  width: number;
  /** User id of whoever drew it. */
  author: string;
  points: readonly number[];
  /** Only for `text`. */
  text?: string;
}

/**
 * The document layout: `shapes`, a Y.Array of Y.Maps with the fields of `Shape`. A pen stroke's
 * `points` is a Y.Array<number> that grows while it is drawn (others see it live, and each frame
 * sends only the new points); other shapes hold a plain number array.
 */
export type ShapeMap = Y.Map<unknown>;

/** The board's shapes in drawing order. */
export function shapesOf(doc: Y.Doc): Y.Array<ShapeMap> {
  return doc.getArray<ShapeMap>('shapes');
}

const COLOR = /^#[0-9a-f]{3,8}$/i;

/**
 * Reads one shape, or null when the map is not a drawable shape. Anybody with write access can put
 * anything in the document, so every field is checked and clamped here, before it is drawn.
 */
export function readShape(map: unknown): Shape | null {
  if (!(map instanceof Y.Map)) return null;
  const tool = map.get('tool');
  if (typeof tool !== 'string' || !(shapeKinds as readonly string[]).includes(tool)) return null;
  const raw = map.get('points');
  const list: unknown[] = raw instanceof Y.Array ? raw.toArray() : Array.isArray(raw) ? raw : [];
  const points: number[] = [];
  for (const value of list.slice(0, MAX_STROKE_POINTS * 2)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) return null;
    points.push(value);
  }
  if (points.length % 2 === 1) points.pop();
  const needed = tool === 'pen' || tool === 'text' ? 2 : 4;
  if (points.length < needed) return null;
  const color = map.get('color');
  const width = map.get('width');
  const shape: Shape = {
    id: stringOr(map.get('id'), ''),
    tool: tool as ShapeKind,
    color: typeof color === 'string' && COLOR.test(color) ? color : '#1f2937',
    width: typeof width === 'number' && Number.isFinite(width) ? Math.min(MAX_WIDTH, Math.max(1, width)) : 2,
    author: stringOr(map.get('author'), ''),
    points: tool === 'pen' ? points : points.slice(0, needed),
  };
  if (tool === 'text') {
    const text = stringOr(map.get('text'), '').slice(0, MAX_TEXT);
    if (!text.trim()) return null;
    shape.text = text;
  }
  return shape;
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

/** What a new shape needs (the id is made here). */
export interface NewShape {
  tool: ShapeKind;
  color: string;
  width: number;
  author: string;
  points: readonly number[];
  text?: string;
}

/** A Y.Map for a new shape, to push into `shapes` (inside the caller's transaction). */
export function shapeMap(shape: NewShape, id: string = randomId()): ShapeMap {
  const map: ShapeMap = new Y.Map<unknown>();
  map.set('id', id);
  map.set('tool', shape.tool);
  map.set('color', shape.color);
  map.set('width', shape.width);
  map.set('author', shape.author);
  if (shape.tool === 'pen') {
    const points = new Y.Array<number>();
    points.push([...shape.points]);
    map.set('points', points);
  } else {
    map.set('points', [...shape.points]);
  }
  if (shape.text !== undefined) map.set('text', shape.text);
  return map;
}

/** Appends points to a pen stroke being drawn (no-op for other shapes or once the cap is hit). */
export function appendPoints(map: ShapeMap, points: readonly number[]): void {
  const target = map.get('points');
  if (!(target instanceof Y.Array) || points.length === 0) return;
  const room = MAX_STROKE_POINTS * 2 - target.length;
  if (room <= 0) return;
  target.push(points.slice(0, room - (room % 2)));
}

function randomId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Parsed shapes per Y.Map, so a frame re-reads only what changed since the last one (a board of a
 * thousand strokes while someone draws a new one).
 */
export class ShapeCache {
  private readonly parsed = new WeakMap<ShapeMap, Shape | null>();

  /** The shapes to draw, in order, skipping invalid entries. */
  read(shapes: Y.Array<ShapeMap>): Shape[] {
    return this.entries(shapes).map((entry) => entry.shape);
  }

  /** The valid shapes with their index in `shapes` (to delete them). */
  entries(shapes: Y.Array<ShapeMap>): { index: number; shape: Shape }[] {
    const out: { index: number; shape: Shape }[] = [];
    shapes.forEach((map, index) => {
      let shape = this.parsed.get(map);
      if (shape === undefined) {
        shape = readShape(map);
        if (map instanceof Y.Map) this.parsed.set(map, shape);
      }
      if (shape) out.push({ index, shape });
    });
    return out;
  }

  /** Forgets the shapes touched by these events (from `observeDeep` on `shapes`). */
  invalidate(events: readonly Y.YEvent<Y.AbstractType<unknown>>[]): void {
    for (const event of events) {
      // A shape's own field changed, or its points array grew.
      const target: unknown = event.target;
      if (target instanceof Y.Map) this.parsed.delete(target);
      else if (target instanceof Y.Array && target.parent instanceof Y.Map) this.parsed.delete(target.parent);
    }
  }
}
