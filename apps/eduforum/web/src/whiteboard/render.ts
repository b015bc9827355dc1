import { BOARD_HEIGHT, BOARD_WIDTH, textSize } from './board.js';
import type { Shape } from './shapes.js';

/** One drawing instruction in board units; `drawCommands` turns them into canvas calls. */
export type DrawCommand =
  | { op: 'path'; points: readonly number[]; color: string; width: number; smooth: boolean }
  | { op: 'dot'; x: number; y: number; radius: number; color: string }
  | { op: 'rect'; x: number; y: number; width: number; height: number; color: string; lineWidth: number }
  | { op: 'ellipse'; cx: number; cy: number; rx: number; ry: number; color: string; lineWidth: number }
  | { op: 'text'; x: number; y: number; lines: readonly string[]; size: number; color: string };

/** Length of an arrow's head, in board units, from its stroke width. */
function arrowHead(width: number): number {
  return Math.max(14, width * 4);
}

/** The instructions that draw one shape. */
export function shapeCommands(shape: Shape): DrawCommand[] {
  const p = shape.points;
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = p;
  const color = shape.color;
  switch (shape.tool) {
    case 'pen':
      if (p.length === 2) return [{ op: 'dot', x: x0, y: y0, radius: shape.width / 2, color }];
      return [{ op: 'path', points: p, color, width: shape.width, smooth: p.length > 4 }];
    case 'line':
      return [{ op: 'path', points: [x0, y0, x1, y1], color, width: shape.width, smooth: false }];
    case 'arrow': {
      const angle = Math.atan2(y1 - y0, x1 - x0);
      const head = arrowHead(shape.width);
      const wing = (side: number) => [
        x1 - head * Math.cos(angle + side * (Math.PI / 7)),
        y1 - head * Math.sin(angle + side * (Math.PI / 7)),
      ];
      const [lx = 0, ly = 0] = wing(1);
      const [rx = 0, ry = 0] = wing(-1);
      return [
        { op: 'path', points: [x0, y0, x1, y1], color, width: shape.width, smooth: false },
        { op: 'path', points: [lx, ly, x1, y1, rx, ry], color, width: shape.width, smooth: false },
      ];
    }
    case 'rect':
      return [
        {
          op: 'rect',
          x: Math.min(x0, x1),
          y: Math.min(y0, y1),
          width: Math.abs(x1 - x0),
          height: Math.abs(y1 - y0),
          color,
          lineWidth: shape.width,
        },
      ];
    case 'ellipse':
      return [
        {
          op: 'ellipse',
          cx: (x0 + x1) / 2,
          cy: (y0 + y1) / 2,
          rx: Math.abs(x1 - x0) / 2,
          ry: Math.abs(y1 - y0) / 2,
          color,
          lineWidth: shape.width,
        },
      ];
    case 'text':
      return [
        {
          op: 'text',
          x: x0,
          y: y0,
          lines: (shape.text ?? '').split('\n'),
          size: textSize(shape.width),
          color,
        },
      ];
  }
}

/** The instructions for a whole board, in drawing order (later shapes on top). */
export function boardCommands(shapes: readonly Shape[]): DrawCommand[] {
  return shapes.flatMap(shapeCommands);
}

/** The part of CanvasRenderingContext2D the renderer uses (a recorder stands in for it in tests). */
export type Canvas2D = Pick<
  CanvasRenderingContext2D,
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'quadraticCurveTo'
  | 'arc'
  | 'ellipse'
  | 'rect'
  | 'stroke'
  | 'fill'
  | 'fillText'
  | 'fillRect'
  | 'clearRect'
  | 'setTransform'
  | 'save'
  | 'restore'
  | 'strokeStyle'
  | 'fillStyle'
  | 'lineWidth'
  | 'lineCap'
  | 'lineJoin'
  | 'font'
  | 'textBaseline'
>;

/** The font of board text (system fonts, Korean included; see docs/web.md). */
export function boardFont(size: number): string {
  return `${size}px "Apple SD Gothic Neo", "Noto Sans KR", "Malgun Gothic", system-ui, sans-serif`;
}

/** Runs the instructions on a context already transformed to board units. */
export function drawCommands(ctx: Canvas2D, commands: readonly DrawCommand[]): void {
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const command of commands) {
    switch (command.op) {
      case 'path': {
        const p = command.points;
        ctx.strokeStyle = command.color;
        ctx.lineWidth = command.width;
        ctx.beginPath();
        ctx.moveTo(p[0] ?? 0, p[1] ?? 0);
        if (command.smooth) {
          // Quadratic curves through the midpoints: smooth strokes from sparse pointer samples.
          for (let i = 2; i + 3 < p.length; i += 2) {
            const cx = p[i] ?? 0;
            const cy = p[i + 1] ?? 0;
            ctx.quadraticCurveTo(cx, cy, (cx + (p[i + 2] ?? 0)) / 2, (cy + (p[i + 3] ?? 0)) / 2);
          }
          ctx.lineTo(p[p.length - 2] ?? 0, p[p.length - 1] ?? 0);
        } else {
          for (let i = 2; i + 1 < p.length; i += 2) ctx.lineTo(p[i] ?? 0, p[i + 1] ?? 0);
        }
        ctx.stroke();
        break;
      }
      case 'dot':
        ctx.fillStyle = command.color;
        ctx.beginPath();
        ctx.arc(command.x, command.y, Math.max(0.5, command.radius), 0, Math.PI * 2);
        ctx.fill();
        break;
      case 'rect':
        ctx.strokeStyle = command.color;
        ctx.lineWidth = command.lineWidth;
        ctx.beginPath();
        ctx.rect(command.x, command.y, command.width, command.height);
        ctx.stroke();
        break;
      case 'ellipse':
        ctx.strokeStyle = command.color;
        ctx.lineWidth = command.lineWidth;
        ctx.beginPath();
        ctx.ellipse(command.cx, command.cy, command.rx, command.ry, 0, 0, Math.PI * 2);
        ctx.stroke();
        break;
      case 'text':
        ctx.fillStyle = command.color;
        ctx.font = boardFont(command.size);
        ctx.textBaseline = 'top';
        command.lines.forEach((line, i) => {
          ctx.fillText(line, command.x, command.y + i * command.size * 1.25);
        });
        break;
    }
  }
}

/**
 * Draws a whole board into a context whose backing store is `scaleX`/`scaleY` device pixels per
 * board unit: clears (or paints `background`), then the shapes.
 */
export function renderBoard(
  ctx: Canvas2D,
  shapes: readonly Shape[],
  view: { scaleX: number; scaleY: number; background?: string },
): void {
  ctx.setTransform(view.scaleX, 0, 0, view.scaleY, 0, 0);
  if (view.background) {
    ctx.fillStyle = view.background;
    ctx.fillRect(0, 0, BOARD_WIDTH, BOARD_HEIGHT);
  } else {
    ctx.clearRect(0, 0, BOARD_WIDTH, BOARD_HEIGHT);
  }
  drawCommands(ctx, boardCommands(shapes));
}
