import { performance } from 'node:perf_hooks';
import { openCollabDocument } from '@app/platform';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { percentiles } from '../eduforum/percentiles.js';

/**
 * The collab flood bench's clients, in their own process so their work does not share the
 * orchestrator's event loop (which times `/health`). Commands arrive over IPC:
 * - `flood`: one raw Hocuspocus client that sends small Yjs updates (one point appended to a pen
 *   stroke each) as fast as its socket takes them, for `durationMs`.
 * - `honest`: a writer drawing a stroke at `rate` updates/s (a freehand stroke) and a reader on the
 *   same board; reports how many of the writer's points reached the reader and how late.
 */
type Command =
  | { rid: number; cmd: 'flood'; url: string; name: string; token: string; durationMs: number }
  | {
      rid: number;
      cmd: 'honest';
      url: string;
      name: string;
      writerToken: string;
      readerToken: string;
      durationMs: number;
      rate: number;
    };

const SYNC = 0;
const AUTH = 2;
const AUTH_TOKEN = 0;
/** The flooder writes while less than this waits in its socket (as fast as the network takes it). */
const HIGH_WATER = 1024 * 1024;

function frame(name: string, type: number, body: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, name);
  encoding.writeVarUint(encoder, type);
  body(encoder);
  return encoding.toUint8Array(encoder);
}

async function flood(command: Extract<Command, { cmd: 'flood' }>) {
  const { url, name, token, durationMs } = command;
  const doc = new Y.Doc();
  const stroke = new Y.Map<unknown>();
  const points = new Y.Array<number>();
  let pending: Uint8Array | undefined;
  doc.on('update', (update: Uint8Array) => {
    pending = update;
  });
  const ws = new WebSocket(url, { perMessageDeflate: false });
  let closeCode: number | null = null;
  let received = 0;
  const closed = new Promise<void>((resolve) =>
    ws.on('close', (code) => {
      closeCode = code;
      resolve();
    }),
  );
  ws.on('message', () => {
    received++;
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  ws.send(
    frame(name, AUTH, (e) => {
      encoding.writeVarUint(e, AUTH_TOKEN);
      encoding.writeVarString(e, token);
    }),
  );
  ws.send(frame(name, SYNC, (e) => syncProtocol.writeSyncStep1(e, doc)));
  doc.transact(() => {
    stroke.set('id', 'flood');
    stroke.set('tool', 'pen');
    stroke.set('color', '#ff0000');
    stroke.set('width', 2);
    stroke.set('points', points);
    doc.getArray<Y.Map<unknown>>('shapes').push([stroke]);
  });
  const send = (update: Uint8Array) => ws.send(frame(name, SYNC, (e) => syncProtocol.writeUpdate(e, update)));
  if (pending) send(pending);
  let sent = 0;
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const pump = () => {
      if (ws.readyState !== WebSocket.OPEN || performance.now() - started >= durationMs) return resolve();
      while (ws.bufferedAmount < HIGH_WATER && ws.readyState === WebSocket.OPEN) {
        points.push([sent % 1600]);
        if (pending) send(pending);
        sent++;
        if (sent % 256 === 0) break;
      }
      setImmediate(pump);
    };
    pump();
  });
  const sendMs = performance.now() - started;
  const wasOpen = ws.readyState === WebSocket.OPEN;
  ws.close();
  await closed;
  return { sent, sendMs: Math.round(sendMs), received, closeCode: wasOpen ? null : closeCode };
}

async function honest(command: Extract<Command, { cmd: 'honest' }>) {
  const { url, name, writerToken, readerToken, durationMs, rate } = command;
  const writer = openCollabDocument(url, name, writerToken);
  const reader = openCollabDocument(url, name, readerToken);
  await Promise.all([writer.synced, reader.synced]);
  let writerClosed: number | null = null;
  void writer.closed.then((code) => {
    writerClosed = code;
  });
  const stroke = new Y.Map<unknown>();
  const points = new Y.Array<number>();
  const id = `honest-${process.hrtime.bigint()}`;
  writer.doc.transact(() => {
    stroke.set('id', id);
    stroke.set('tool', 'pen');
    stroke.set('color', '#0000ff');
    stroke.set('width', 2);
    stroke.set('points', points);
    writer.doc.getArray<Y.Map<unknown>>('shapes').push([stroke]);
  });
  const sentAt: number[] = [];
  const latencies: number[] = [];
  const honestPoints = (doc: Y.Doc) => {
    for (const shape of doc.getArray<Y.Map<unknown>>('shapes')) {
      if (shape.get('id') === id) return shape.get('points') as Y.Array<number> | undefined;
    }
    return undefined;
  };
  let seen = 0;
  const onChange = () => {
    const array = honestPoints(reader.doc);
    if (!array) return;
    const now = performance.now();
    for (; seen < array.length; seen++) latencies.push(now - (sentAt[seen] ?? now));
  };
  reader.doc.on('afterTransaction', onChange);
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (performance.now() - started >= durationMs) {
        clearInterval(timer);
        return resolve();
      }
      sentAt.push(performance.now());
      points.push([sentAt.length]);
    }, 1000 / rate);
  });
  // Waits for the last point (or gives up after a minute: the server may be far behind).
  await reader.until((doc) => (honestPoints(doc)?.length ?? 0) >= sentAt.length, 60_000).catch(() => {});
  reader.doc.off('afterTransaction', onChange);
  writer.close();
  reader.close();
  return { sent: sentAt.length, delivered: seen, latencyMs: percentiles(latencies), writerClosed };
}

process.on('message', (command: Command) => {
  const run = command.cmd === 'flood' ? flood(command) : honest(command);
  run.then(
    (value) => process.send?.({ rid: command.rid, ok: true, value }),
    (error: unknown) => process.send?.({ rid: command.rid, ok: false, error: String(error) }),
  );
});
process.send?.({ rid: 0, ok: true });
