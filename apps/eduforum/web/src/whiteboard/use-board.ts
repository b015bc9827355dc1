import { collabUrl, useWebSession } from '@app/ui';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { useEffect, useState } from 'react';
import * as Y from 'yjs';

import { type BoardStatus, nextStatus, type ProviderEvent } from './connection.js';
import { type ShapeMap, shapesOf } from './shapes.js';

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

/**
 * Connects to a board on `/collab` (Hocuspocus, our access token) for as long as the component is
 * mounted, and reports the connection status and whether the first sync is done.
 */
export function useBoard(documentName: string): {
  board: Board | null;
  status: BoardStatus;
  synced: boolean;
} {
  const session = useWebSession();
  const [board, setBoard] = useState<Board | null>(null);
  const [status, setStatus] = useState<BoardStatus>('connecting');
  const [synced, setSynced] = useState(false);

  useEffect(() => {
    const doc = new Y.Doc();
    const shapes = shapesOf(doc);
    const origin = { whiteboard: documentName };
    const undo = new Y.UndoManager(shapes, {
      trackedOrigins: new Set([origin]),
      captureTimeout: CAPTURE_FOREVER_MS,
    });
    const report = (event: ProviderEvent) => setStatus((current) => nextStatus(current, event));
    setStatus('connecting');
    setSynced(false);
    const provider = new HocuspocusProvider({
      url: collabUrl(),
      name: documentName,
      document: doc,
      token: async () => (await session.accessToken()) ?? '',
      onStatus: ({ status: socket }) => report({ type: 'status', status: socketStatus(`${socket}`) }),
      onAuthenticated: ({ scope }) => report({ type: 'authenticated', scope }),
      onAuthenticationFailed: () => report({ type: 'denied' }),
      // Only the first sync matters here (it ends the loading state); reconnects keep the drawing.
      onSynced: ({ state }) => setSynced((done) => done || state),
    });
    setBoard({ doc, shapes, origin, undo });
    return () => {
      provider.destroy();
      undo.destroy();
      doc.destroy();
      setBoard(null);
    };
  }, [documentName, session]);

  return { board, status, synced };
}

/** The provider's socket status (an enum of these strings) as the status reducer's union. */
function socketStatus(value: string): 'connecting' | 'connected' | 'disconnected' {
  return value === 'connected' || value === 'disconnected' ? value : 'connecting';
}
