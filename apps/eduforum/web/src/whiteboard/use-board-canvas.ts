import {
  type PointerEvent as ReactPointerEvent,
  type RefObject,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { canvasPixels, type Point, type ShapeKind, type Tool, toBoard } from './board.js';
import { shapesHit, sweep } from './hit-test.js';
import { renderBoard } from './render.js';
import { appendPoints, type Shape, ShapeCache, type ShapeMap, shapeMap } from './shapes.js';
import type { Board } from './use-board.js';

/** What a new drawing looks like and who makes it. */
export interface DrawSettings {
  tool: Tool;
  color: string;
  width: number;
  author: string;
  /** False while the board is read-only or not yet writable: pointer input is ignored. */
  enabled: boolean;
}

/** The gesture in progress (one pointer at a time; a second finger is ignored). */
type Gesture =
  | { kind: 'pen'; pointerId: number; map: ShapeMap; pending: number[]; last: Point }
  | { kind: 'shape'; pointerId: number; tool: ShapeKind; start: Point; end: Point }
  | { kind: 'eraser'; pointerId: number; last: Point }
  | { kind: 'text'; pointerId: number; point: Point };

/** A text being typed at a board point. */
export interface TextDraft {
  point: Point;
  value: string;
}

/** Below this (board units) a pointer move adds no point to a stroke, and a drag makes no shape. */
const MIN_STEP = 1.5;
const MIN_SHAPE = 3;

/**
 * The board's canvas: sizes it for the element and the device pixel ratio, redraws in animation
 * frames when the document or the local preview changes, and turns pointer gestures (mouse, touch,
 * pen) into shapes, erasures and text drafts. Pen strokes are written while drawn (batched per
 * frame), so others see them grow; two-point shapes are previewed locally and written on release.
 */
export function useBoardCanvas(board: Board | null, settings: DrawSettings) {
  const canvasRef: RefObject<HTMLCanvasElement | null> = useRef<HTMLCanvasElement>(null);
  const cache = useMemo(() => (board ? new ShapeCache() : null), [board]);
  const [count, setCount] = useState(0);
  const [cssWidth, setCssWidth] = useState(0);
  const [textDraft, setTextDraft] = useState<TextDraft | null>(null);
  const view = useRef({ scaleX: 1, scaleY: 1 });
  const preview = useRef<Shape | null>(null);
  const gesture = useRef<Gesture | null>(null);
  const frame = useRef(0);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;

  /** Writes a stroke's points gathered since the last frame (one small update per frame). */
  const flushPen = useCallback(() => {
    const current = gesture.current;
    if (!board || current?.kind !== 'pen' || current.pending.length === 0) return;
    const points = current.pending.splice(0);
    board.doc.transact(() => appendPoints(current.map, points), board.origin);
  }, [board]);

  const draw = useCallback(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!ctx || !board || !cache) return;
    const shapes = cache.read(board.shapes);
    renderBoard(ctx, preview.current ? [...shapes, preview.current] : shapes, view.current);
  }, [board, cache]);

  const requestRender = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      // Flush first: the change comes back through the observer while a frame is still pending,
      // so it does not ask for a second one.
      flushPen();
      frame.current = 0;
      draw();
    });
  }, [draw, flushPen]);

  useEffect(() => {
    if (!board || !cache) return;
    const onChange = (events: ShapeEvents) => {
      cache.invalidate(events);
      setCount(cache.entries(board.shapes).length);
      requestRender();
    };
    board.shapes.observeDeep(onChange);
    setCount(cache.entries(board.shapes).length);
    requestRender();
    return () => {
      board.shapes.unobserveDeep(onChange);
      cancelAnimationFrame(frame.current);
      frame.current = 0;
      gesture.current = null;
      preview.current = null;
    };
  }, [board, cache, requestRender]);

  // Backing store sized for the element and the screen's pixel density (sharp lines on phones).
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const resize = () => {
      const box = canvas.getBoundingClientRect();
      const pixels = canvasPixels(box.width, box.height, window.devicePixelRatio);
      if (canvas.width !== pixels.width || canvas.height !== pixels.height) {
        canvas.width = pixels.width;
        canvas.height = pixels.height;
      }
      view.current = { scaleX: pixels.scaleX, scaleY: pixels.scaleY };
      setCssWidth(box.width);
      draw();
    };
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [draw]);

  const pointOf = (event: { clientX: number; clientY: number }): Point => {
    const canvas = canvasRef.current;
    return canvas ? toBoard(event.clientX, event.clientY, canvas.getBoundingClientRect()) : { x: 0, y: 0 };
  };

  const eraseAt = (points: readonly Point[]) => {
    if (!board || !cache) return;
    const entries = cache.entries(board.shapes);
    const hit = new Set(points.flatMap((point) => shapesHit(entries, point)));
    if (hit.size === 0) return;
    board.doc.transact(() => {
      for (const index of [...hit].sort((a, b) => b - a)) board.shapes.delete(index, 1);
    }, board.origin);
  };

  const previewShape = (tool: ShapeKind, start: Point, end: Point): Shape => {
    const { color, width, author } = settingsRef.current;
    return { id: 'preview', tool, color, width, author, points: [start.x, start.y, end.x, end.y] };
  };

  /** Adds a shape as one undoable step of this client. */
  const addShape = useCallback(
    (shape: Omit<Shape, 'id'>) => {
      if (!board) return;
      board.undo.stopCapturing();
      board.doc.transact(() => board.shapes.push([shapeMap(shape)]), board.origin);
      board.undo.stopCapturing();
    },
    [board],
  );

  // The draft lives in a ref too: Enter, blur and a click elsewhere may all try to place it, and
  // only the first may (a stale closure must not place a cancelled or already placed text).
  const draftRef = useRef<TextDraft | null>(null);
  const setDraft = useCallback((draft: TextDraft | null) => {
    draftRef.current = draft;
    setTextDraft(draft);
  }, []);

  /** Places the text being typed, if any (one undoable step), and closes the field. */
  const commitText = useCallback(() => {
    const draft = draftRef.current;
    setDraft(null);
    const text = draft?.value.trim();
    if (!draft || !text) return;
    const { color, width, author } = settingsRef.current;
    addShape({ tool: 'text', color, width, author, points: [draft.point.x, draft.point.y], text });
  }, [addShape, setDraft]);

  /** Closes the text field without placing anything. */
  const cancelText = useCallback(() => setDraft(null), [setDraft]);

  /** Updates the text being typed. */
  const typeText = useCallback(
    (value: string) => {
      if (draftRef.current) setDraft({ ...draftRef.current, value });
    },
    [setDraft],
  );

  const onPointerDown = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    const s = settingsRef.current;
    if (!board || !s.enabled || gesture.current) return;
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    commitText();
    const point = pointOf(event);
    const pointerId = event.pointerId;
    switch (s.tool) {
      case 'pen': {
        board.undo.stopCapturing();
        const map = shapeMap({
          tool: 'pen',
          color: s.color,
          width: s.width,
          author: s.author,
          points: [point.x, point.y],
        });
        board.doc.transact(() => board.shapes.push([map]), board.origin);
        gesture.current = { kind: 'pen', pointerId, map, pending: [], last: point };
        break;
      }
      case 'eraser':
        board.undo.stopCapturing();
        gesture.current = { kind: 'eraser', pointerId, last: point };
        eraseAt([point]);
        break;
      case 'text':
        gesture.current = { kind: 'text', pointerId, point };
        break;
      default:
        gesture.current = { kind: 'shape', pointerId, tool: s.tool, start: point, end: point };
        preview.current = previewShape(s.tool, point, point);
        requestRender();
    }
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    const current = gesture.current;
    if (!current || current.pointerId !== event.pointerId) return;
    const point = pointOf(event);
    if (current.kind === 'pen') {
      // Coalesced events: the samples the browser merged into this one (smoother fast strokes).
      const coalesced = event.nativeEvent.getCoalescedEvents?.() ?? [];
      for (const sample of coalesced.length > 0 ? coalesced : [event.nativeEvent]) {
        const next = pointOf(sample);
        if (Math.hypot(next.x - current.last.x, next.y - current.last.y) < MIN_STEP) continue;
        current.pending.push(next.x, next.y);
        current.last = next;
      }
      requestRender();
    } else if (current.kind === 'shape') {
      current.end = point;
      preview.current = previewShape(current.tool, current.start, point);
      requestRender();
    } else if (current.kind === 'eraser') {
      eraseAt(sweep(current.last, point));
      current.last = point;
    }
  };

  const finish = (event: ReactPointerEvent<HTMLCanvasElement>, cancelled: boolean) => {
    const current = gesture.current;
    if (!current || current.pointerId !== event.pointerId || !board) return;
    if (current.kind === 'pen') {
      flushPen();
      board.undo.stopCapturing();
    } else if (current.kind === 'shape') {
      preview.current = null;
      const end = cancelled ? current.end : pointOf(event);
      if (!cancelled && Math.hypot(end.x - current.start.x, end.y - current.start.y) >= MIN_SHAPE) {
        const shape = previewShape(current.tool, current.start, end);
        addShape(shape);
      }
      requestRender();
    } else if (current.kind === 'eraser') {
      board.undo.stopCapturing();
    } else if (!cancelled) {
      setDraft({ point: current.point, value: '' });
    }
    gesture.current = null;
  };

  return {
    canvasRef,
    count,
    cssWidth,
    textDraft,
    commitText,
    cancelText,
    typeText,
    /** Removes every shape (one undoable step). */
    clear: () => {
      if (!board) return;
      board.undo.stopCapturing();
      board.doc.transact(() => board.shapes.delete(0, board.shapes.length), board.origin);
      board.undo.stopCapturing();
    },
    /** The valid shapes now (for export). */
    snapshot: (): Shape[] => (board && cache ? cache.read(board.shapes) : []),
    handlers: {
      onPointerDown,
      onPointerMove,
      onPointerUp: (event: ReactPointerEvent<HTMLCanvasElement>) => finish(event, false),
      onPointerCancel: (event: ReactPointerEvent<HTMLCanvasElement>) => finish(event, true),
    },
  };
}

type ShapeEvents = Parameters<ShapeCache['invalidate']>[0];
