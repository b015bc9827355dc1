import { collabUrl, useWebSession } from '@app/ui';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { type BoardStatus, nextStatus, type ProviderEvent } from './connection.js';

/**
 * Connects to a Yjs document on `/collab` (Hocuspocus, our access token) for as long as the
 * component is mounted: the document, the connection status (read-only when the server says so)
 * and whether the first sync is done. Whiteboards and shared notes are built on it.
 */
export function useCollabDocument(documentName: string): {
  doc: Y.Doc | null;
  status: BoardStatus;
  synced: boolean;
} {
  const session = useWebSession();
  const [doc, setDoc] = useState<Y.Doc | null>(null);
  const [status, setStatus] = useState<BoardStatus>('connecting');
  const [synced, setSynced] = useState(false);

  useEffect(() => {
    const document = new Y.Doc();
    const report = (event: ProviderEvent) => setStatus((current) => nextStatus(current, event));
    setStatus('connecting');
    setSynced(false);
    const provider = new HocuspocusProvider({
      url: collabUrl(),
      name: documentName,
      document,
      token: async () => (await session.accessToken()) ?? '',
      onStatus: ({ status: socket }) => report({ type: 'status', status: socketStatus(`${socket}`) }),
      onAuthenticated: ({ scope }) => report({ type: 'authenticated', scope }),
      onAuthenticationFailed: () => report({ type: 'denied' }),
      // Only the first sync matters here (it ends the loading state); reconnects keep the content.
      onSynced: ({ state }) => setSynced((done) => done || state),
    });
    setDoc(document);
    return () => {
      provider.destroy();
      document.destroy();
      setDoc(null);
    };
  }, [documentName, session]);

  return { doc, status, synced };
}

/** The provider's socket status (an enum of these strings) as the status reducer's union. */
function socketStatus(value: string): 'connecting' | 'connected' | 'disconnected' {
  return value === 'connected' || value === 'disconnected' ? value : 'connecting';
}
