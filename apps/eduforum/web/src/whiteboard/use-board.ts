import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import type { BoardStatus } from './connection.js';
import { type ShapeMap, shapesOf } from './shapes.js';
import { useCollabDocument } from './use-collab-document.js';

/** One open board: the shared document, its shapes, and this client's undo history. */
export interface Board {
  doc: Y.Doc;
  shapes: Y.Array<ShapeMap>;
  /** Origin of this client's own transactions: the only ones undo/redo touches. */
  origin: object;
  undo: Y.UndoManager;
}

/** Long enough that one gesture never splits; actions are separated with `stopCapturing()`. */
const CAPTURE_FOREVER_MS = 24 * 60 * 60 * 1000;

/** A whiteboard on `/collab`: its shapes and this client's undo history over the shared document. */
export function useBoard(documentName: string): {
  board: Board | null;
  status: BoardStatus;
  synced: boolean;
} {
  const { doc, status, synced } = useCollabDocument(documentName);
  const [board, setBoard] = useState<Board | null>(null);
  useEffect(() => {
    if (!doc) return;
    const shapes = shapesOf(doc);
    const origin = { whiteboard: documentName };
    const undo = new Y.UndoManager(shapes, {
      trackedOrigins: new Set([origin]),
      captureTimeout: CAPTURE_FOREVER_MS,
    });
    setBoard({ doc, shapes, origin, undo });
    return () => {
      undo.destroy();
      setBoard(null);
    };
  }, [doc, documentName]);
  return { board, status, synced };
}
