/**
 * The board's fixed logical size. Shapes are stored in these units and drawn scaled to the element,
 * so a phone and a desktop see the same drawing (16:9, like a projector).
 */
export const BOARD_WIDTH = 1600;
export const BOARD_HEIGHT = 900;

/** What a shape is; `pen` strokes are freehand, the rest are two-point shapes or text. */
export const shapeKinds = ['pen', 'line', 'arrow', 'rect', 'ellipse', 'text'] as const;
export type ShapeKind = (typeof shapeKinds)[number];

/** Toolbar tools: the shape kinds plus the eraser. */
export type Tool = ShapeKind | 'eraser';

/** The palette: name (for the accessible label, a message key) and colour, dark enough on white. */
export const palette = [
  { name: 'black', color: '#1f2937' },
  { name: 'red', color: '#dc2626' },
  { name: 'orange', color: '#ea580c' },
  { name: 'green', color: '#16a34a' },
  { name: 'blue', color: '#2563eb' },
  { name: 'purple', color: '#7c3aed' },
  { name: 'brown', color: '#92400e' },
  { name: 'gray', color: '#6b7280' },
] as const;
export type PaletteName = (typeof palette)[number]['name'];

/** Stroke widths offered, in board units (text size follows the width, see `textSize`). */
export const strokeWidths = [
  { name: 'thin', width: 2 },
  { name: 'medium', width: 5 },
  { name: 'thick', width: 10 },
] as const;
export type StrokeWidthName = (typeof strokeWidths)[number]['name'];

/** The largest width and text length a shape may have (remote data is clamped to these). */
export const MAX_WIDTH = 40;
export const MAX_TEXT = 500;
/** Points per pen stroke kept (x, y pairs); a longer stroke is cut (a pathological client). */
export const MAX_STROKE_POINTS = 5_000;

/** Font size of a text shape, in board units, from the chosen stroke width. */
export function textSize(width: number): number {
  return Math.round(20 + width * 2.4);
}

/** A point in board units. */
export interface Point {
  x: number;
  y: number;
}

/** The element's box as getBoundingClientRect gives it (CSS pixels). */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A pointer position (client CSS pixels) in board units, clamped to the board. */
export function toBoard(clientX: number, clientY: number, box: Box): Point {
  if (box.width <= 0 || box.height <= 0) return { x: 0, y: 0 };
  const x = ((clientX - box.left) / box.width) * BOARD_WIDTH;
  const y = ((clientY - box.top) / box.height) * BOARD_HEIGHT;
  return { x: clamp(round1(x), 0, BOARD_WIDTH), y: clamp(round1(y), 0, BOARD_HEIGHT) };
}

/** A board point as a percentage of the element (to place an overlay, e.g. the text input). */
export function toPercent(point: Point): { left: number; top: number } {
  return { left: (point.x / BOARD_WIDTH) * 100, top: (point.y / BOARD_HEIGHT) * 100 };
}

/** Largest backing store edge: big phones at DPR 3 stay well under the browsers' canvas limits. */
const MAX_CANVAS_EDGE = 4096;

/**
 * The canvas's backing size in device pixels for its CSS size (sharp on high-DPI screens), and
 * the scale from board units to those pixels.
 */
export function canvasPixels(
  cssWidth: number,
  cssHeight: number,
  devicePixelRatio: number,
): { width: number; height: number; scaleX: number; scaleY: number } {
  const ratio = Number.isFinite(devicePixelRatio) && devicePixelRatio > 0 ? devicePixelRatio : 1;
  const shrink = Math.min(1, MAX_CANVAS_EDGE / Math.max(1, cssWidth * ratio, cssHeight * ratio));
  const width = Math.max(1, Math.round(cssWidth * ratio * shrink));
  const height = Math.max(1, Math.round(cssHeight * ratio * shrink));
  return { width, height, scaleX: width / BOARD_WIDTH, scaleY: height / BOARD_HEIGHT };
}

/** A file name for an export: the title with characters file systems dislike replaced. */
export function exportFileName(title: string, extension: 'png' | 'pdf'): string {
  const base = title
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return `${base || 'whiteboard'}.${extension}`;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** One decimal is far below a device pixel and keeps updates small. */
function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
