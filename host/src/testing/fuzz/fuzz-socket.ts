import type { ServerFrame } from '@app/contracts';
import WebSocket from 'ws';

/** What came back for one frame: a reply frame, or the socket closing with a code. */
export type Outcome = { frame: ServerFrame } | { closed: number };

/** Close codes a fuzzed socket may legitimately get (named in contracts/realtime.ts, or by ws). */
export const ACCEPTABLE_CLOSES = new Set([
  1007, // invalid UTF-8 in a text frame (ws)
  1009, // frame over the size limit
  4401, // not authenticated
  4429, // rate limited
]);

/** Frames per socket before the fuzzer opens a fresh one (the gateway allows a burst of 40). */
const FRAMES_PER_SOCKET = 30;

/**
 * A WebSocket that the fuzzer drives frame by frame: it waits for the answer to each frame (by
 * id, or with a `ping` barrier for frames without one) and reopens itself before the gateway's
 * rate limit would cut it off, re-subscribing to its channel.
 */
export class FuzzSocket {
  private ws: WebSocket | undefined;
  private sent = 0;
  private nextId = 1;
  private waiters: { match: (o: Outcome) => boolean; resolve: (o: Outcome) => void }[] = [];
  /** The last frames received, for the message when an answer does not come. */
  private readonly recent: string[] = [];
  /** Every `err` frame and close seen, for the checks. */
  readonly seen: Outcome[] = [];

  constructor(
    private readonly url: string,
    /** The token to authenticate with (read again on every reconnect: the fuzzer renews it). */
    private readonly token: string | undefined | (() => string | undefined),
    private readonly channel?: string,
  ) {}

  /** Sends a frame (an object gets an id) and returns what answered it. */
  async send(frame: unknown, raw = false): Promise<Outcome> {
    await this.ready();
    const ws = this.ws as WebSocket;
    this.sent++;
    if (raw || typeof frame !== 'object' || frame === null || Array.isArray(frame)) {
      ws.send(frame as string | Buffer, { binary: Buffer.isBuffer(frame) });
      return this.barrier();
    }
    const id = this.nextId++;
    ws.send(JSON.stringify({ ...frame, id }));
    // Answered by `ack`, `err` or (for `ping`) `pong` with the same id.
    return this.wait((o) => 'closed' in o || ('id' in o.frame && o.frame.id === id));
  }

  close(): void {
    this.ws?.close();
  }

  /** A `ping` with a fresh id: once its `pong` is back, the gateway has answered what came before. */
  private async barrier(): Promise<Outcome> {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return this.seen.at(-1) ?? { closed: 1006 };
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ t: 'ping', id }));
    const outcome = await this.wait((o) => 'closed' in o || (o.frame.t === 'pong' && o.frame.id === id));
    return 'closed' in outcome ? outcome : (this.seen.at(-1) ?? outcome);
  }

  private async ready(): Promise<void> {
    const open = this.ws?.readyState === WebSocket.OPEN;
    if (open && this.sent < FRAMES_PER_SOCKET) return;
    this.ws?.close();
    this.sent = 0;
    this.waiters = [];
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.on('message', (data) => {
      this.recent.push(data.toString().slice(0, 200));
      if (this.recent.length > 5) this.recent.shift();
      this.deliver({ frame: JSON.parse(data.toString()) as ServerFrame });
    });
    ws.on('close', (code) => {
      if (this.ws === ws) this.deliver({ closed: code });
    });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const token = typeof this.token === 'function' ? this.token() : this.token;
    if (!token) return;
    ws.send(JSON.stringify({ t: 'auth', d: { token } }));
    const ready = await this.wait((o) => 'closed' in o || o.frame.t === 'ready');
    if ('closed' in ready) throw new Error(`fuzz socket could not authenticate: ${ready.closed}`);
    if (this.channel) {
      const id = this.nextId++;
      ws.send(JSON.stringify({ t: 'sub', id, ch: this.channel }));
      const ack = await this.wait((o) => 'closed' in o || ('id' in o.frame && o.frame.id === id));
      if (!('frame' in ack) || ack.frame.t !== 'ack') throw new Error(`fuzz socket lost ${this.channel}`);
    }
  }

  private deliver(outcome: Outcome): void {
    if ('closed' in outcome || outcome.frame.t === 'err') this.seen.push(outcome);
    const index = this.waiters.findIndex((w) => w.match(outcome));
    if (index >= 0) this.waiters.splice(index, 1)[0]?.resolve(outcome);
  }

  private wait(match: (o: Outcome) => boolean, timeoutMs = 10_000): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`no answer from the gateway in time; last frames: ${this.recent.join(' | ')}`)),
        timeoutMs,
      );
      this.waiters.push({
        match,
        resolve: (o) => {
          clearTimeout(timer);
          resolve(o);
        },
      });
    });
  }
}
