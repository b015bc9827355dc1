import * as decoding from 'lib0/decoding';
import type { WebSocket } from 'ws';
import type { Logger } from '../observability/logger.js';
import { Budget, type Clock, type CollabLimits, collabCloseCodes } from './limits.js';

/**
 * Messages a socket may send for a document before its authentication is decided. Hocuspocus keeps
 * them in memory until then, and forever for a document whose load failed; a provider sends three
 * or four (auth, sync step 1, awareness) plus whatever is drawn meanwhile.
 */
const MAX_PENDING_MESSAGES = 256;

/** A document as one socket sees it: waiting for authentication, open, or refused. */
interface DocumentState {
  phase: 'pending' | 'open' | 'denied';
  /** Messages let through while pending. */
  pending: number;
  /** Whose connection it is, once admitted (counted against the caps until released). */
  userId?: string;
}

/**
 * One socket's limits. Every message takes from the socket's budget, and once the socket is
 * admitted to its document from its user's budget too (over either: close 4429). A message for an
 * open document also takes from the document's budget; when that is spent the
 * message is held, the socket is paused (TCP pushes back on the client) and reading resumes when
 * the budget has refilled, in order. Sends are refused once too much waits unsent (close 4508).
 */
/** What a socket's guard needs from the instance's guards (CollabGuards), without importing them. */
export interface GuardHub {
  readonly limits: CollabLimits;
  readonly logger: Logger;
  readonly clock?: Clock;
  readonly stats: { rateLimited: number; slowConsumers: number; throttled: number; refused: number };
  release(documentName: string, userId: string): void;
  userBudget(userId: string): Budget;
  budget(documentName: string): Budget;
}

export class SocketGuard {
  private readonly budget: Budget;
  private readonly documents = new Map<string, DocumentState>();
  private readonly held: Uint8Array[] = [];
  /** Messages already let through: Hocuspocus re-emits those it queued during authentication. */
  private readonly passed = new WeakSet<Uint8Array>();
  private deliver: (data: Uint8Array) => void = () => {};
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly guards: GuardHub,
  ) {
    this.budget = new Budget(guards.limits.connection, guards.clock);
    const send = socket.send;
    const guard = this;
    // Hocuspocus writes to the socket directly; a client that stops reading would make its
    // buffer grow without bound.
    socket.send = function guardedSend(this: WebSocket, ...args: unknown[]) {
      if (socket.bufferedAmount > guards.limits.maxBufferedBytes) {
        guard.close(collabCloseCodes.SLOW_CONSUMER, 'slow consumer');
        return;
      }
      Reflect.apply(send, socket, args);
    } as WebSocket['send'];
    socket.on('close', () => this.dispose());
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Starts reading: `deliver` hands a message to Hocuspocus. */
  start(deliver: (data: Uint8Array) => void): void {
    this.deliver = deliver;
    this.socket.on('message', (data) => this.receive(data as Buffer));
  }

  /** Authentication of `documentName` succeeded and the connection was admitted (counted). */
  admitted(documentName: string, userId: string): void {
    const state = this.documents.get(documentName);
    this.documents.set(documentName, { phase: 'pending', pending: state?.pending ?? 0, userId });
  }

  /**
   * Hocuspocus set the connection up (its document is loaded): from now on its messages take from
   * the document's budget. Until then they count as pending (a failed load leaves them so).
   */
  connected(documentName: string): void {
    const state = this.documents.get(documentName);
    if (state) state.phase = 'open';
  }

  /** Authentication of `documentName` was refused: its further messages are dropped. */
  denied(documentName: string): void {
    this.documents.set(documentName, { phase: 'denied', pending: 0 });
  }

  /** The connection to `documentName` ended (the socket may open it again). */
  forget(documentName: string): void {
    const state = this.documents.get(documentName);
    if (state?.userId) this.guards.release(documentName, state.userId);
    this.documents.delete(documentName);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    if (code === collabCloseCodes.RATE_LIMITED) this.guards.stats.rateLimited++;
    if (code === collabCloseCodes.SLOW_CONSUMER) this.guards.stats.slowConsumers++;
    const users = [...this.documents.values()].map((state) => state.userId).filter(Boolean);
    this.guards.logger.warn(
      { code, reason, users: [...new Set(users)] },
      'collab socket closed by its limits',
    );
    this.dispose();
    this.socket.close(code, reason);
  }

  private receive(data: Uint8Array): void {
    if (this.closed) return;
    if (this.passed.has(data)) {
      this.deliver(data);
      return;
    }
    // Messages for a document the socket was admitted to also take from its user's budget.
    const userId = this.documents.get(nameOf(data) ?? '')?.userId;
    if (
      !this.budget.take(data.byteLength) ||
      (userId !== undefined && !this.guards.userBudget(userId).take(data.byteLength))
    ) {
      this.close(collabCloseCodes.RATE_LIMITED, 'rate limited');
      return;
    }
    if (this.held.length > 0) {
      this.held.push(data);
      return;
    }
    if (!this.admitMessage(data)) this.hold(data);
  }

  /** Lets one message through, drops it, or returns false when its document's budget is spent. */
  private admitMessage(data: Uint8Array): boolean {
    const name = nameOf(data);
    if (name === undefined) {
      // Not a Hocuspocus message: Hocuspocus closes the socket for it.
      this.pass(data);
      return true;
    }
    let state = this.documents.get(name);
    if (!state) {
      if (this.documents.size >= this.guards.limits.maxDocumentsPerSocket) {
        this.close(collabCloseCodes.RATE_LIMITED, 'too many documents');
        return true;
      }
      state = { phase: 'pending', pending: 0 };
      this.documents.set(name, state);
    }
    if (state.phase === 'denied') return true;
    if (state.phase === 'pending') {
      if (++state.pending > MAX_PENDING_MESSAGES) this.close(collabCloseCodes.RATE_LIMITED, 'rate limited');
      else this.pass(data);
      return true;
    }
    if (!this.guards.budget(name).take(data.byteLength)) return false;
    this.pass(data);
    return true;
  }

  private pass(data: Uint8Array): void {
    this.passed.add(data);
    this.deliver(data);
  }

  private hold(data: Uint8Array): void {
    this.held.push(data);
    this.guards.stats.throttled++;
    this.socket.pause();
    this.schedule(data);
  }

  private schedule(first: Uint8Array): void {
    const name = nameOf(first);
    const wait = name === undefined ? 1 : Math.max(1, this.guards.budget(name).waitMs(first.byteLength));
    this.timer = setTimeout(() => this.drain(), wait);
  }

  /** Lets held messages through in order while their documents' budgets allow. */
  private drain(): void {
    this.timer = undefined;
    while (!this.closed && this.held.length > 0) {
      const first = this.held[0] as Uint8Array;
      if (!this.admitMessage(first)) {
        this.schedule(first);
        return;
      }
      this.held.shift();
    }
    if (!this.closed) this.socket.resume();
  }

  /** Stops everything and releases the socket's connections from the caps (once). */
  private dispose(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.held.length = 0;
    for (const name of [...this.documents.keys()]) this.forget(name);
  }
}

/** The document a Hocuspocus message is for (its first field), or undefined if it has none. */
function nameOf(data: Uint8Array): string | undefined {
  try {
    return decoding.readVarString(decoding.createDecoder(data));
  } catch {
    return undefined;
  }
}
