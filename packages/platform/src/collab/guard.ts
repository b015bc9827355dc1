import type { WebSocket } from 'ws';
import type { Logger } from '../observability/logger.js';
import { Budget, type Clock, type CollabLimits } from './limits.js';
import { type GuardHub, SocketGuard } from './socket-guard.js';

/** Key of the socket's guard in the Hocuspocus context our hooks receive. */
export const GUARD_CONTEXT_KEY = 'collabGuard';

/** Counters of what the limits did since start (for operators and tests). */
export interface CollabLimitStats {
  /** Sockets closed with 4429. */
  rateLimited: number;
  /** Sockets closed with 4508. */
  slowConsumers: number;
  /** Times a socket was paused because its document's budget was spent. */
  throttled: number;
  /** Authentications refused because of a connection cap. */
  refused: number;
}

/**
 * The limits of every `/collab` socket of one instance (docs/collab.md, "Limits"): each socket's
 * own budget, the budget of each open document, and the connection caps per user and document.
 */
export class CollabGuards implements GuardHub {
  readonly stats: CollabLimitStats = { rateLimited: 0, slowConsumers: 0, throttled: 0, refused: 0 };
  private readonly budgets = new Map<string, Budget>();
  /**
   * Each user's budget (the socket limits) across their sockets: it outlives the sockets, so a
   * client closed for flooding does not get a fresh one by reconnecting.
   */
  private readonly userBudgets = new Map<string, Budget>();
  private readonly perUser = new Map<string, number>();
  private readonly perDocument = new Map<string, number>();
  /** Keyed `<userId> <documentName>`. */
  private readonly perUserDocument = new Map<string, number>();

  constructor(
    readonly limits: CollabLimits,
    readonly logger: Logger,
    readonly clock?: Clock,
  ) {}

  /**
   * Puts a guard between a new socket and Hocuspocus: `connect` hands the socket to Hocuspocus
   * with the given context; the `message` listener it adds is then fed only what the guard lets
   * through (so nothing over a limit reaches Hocuspocus, not even before authentication).
   */
  attach(socket: WebSocket, connect: (context: Record<string, unknown>) => void): SocketGuard {
    const before = new Set(socket.listeners('message'));
    const guard = new SocketGuard(socket, this);
    connect({ [GUARD_CONTEXT_KEY]: guard });
    const listeners = socket.listeners('message').filter((listener) => !before.has(listener)) as ((
      ...args: unknown[]
    ) => void)[];
    for (const listener of listeners) socket.off('message', listener);
    guard.start((data) => {
      for (const listener of listeners) listener.call(socket, data, true);
    });
    return guard;
  }

  /**
   * Admits an authenticated connection to a document under the caps; returns the refusal reason
   * (sent to the client as the permission-denied reason) or null, and then counts it until released.
   */
  admit(guard: SocketGuard, documentName: string, userId: string): 'too-many-connections' | 'closed' | null {
    // The socket went away while the token was checked: nothing would release the count.
    if (guard.isClosed) return 'closed';
    const pair = `${userId} ${documentName}`;
    if (
      (this.perUser.get(userId) ?? 0) >= this.limits.maxConnectionsPerUser ||
      (this.perUserDocument.get(pair) ?? 0) >= this.limits.maxConnectionsPerUserDocument ||
      (this.perDocument.get(documentName) ?? 0) >= this.limits.maxConnectionsPerDocument
    ) {
      this.stats.refused++;
      guard.denied(documentName);
      return 'too-many-connections';
    }
    count(this.perUser, userId, 1);
    count(this.perUserDocument, pair, 1);
    count(this.perDocument, documentName, 1);
    guard.admitted(documentName, userId);
    return null;
  }

  /** Ends the count of one admitted connection (by its guard, once). */
  release(documentName: string, userId: string): void {
    count(this.perUser, userId, -1);
    count(this.perUserDocument, `${userId} ${documentName}`, -1);
    // The document's budget goes with its last client (a full bucket is all a new one would be).
    if (count(this.perDocument, documentName, -1) === 0) this.budgets.delete(documentName);
  }

  /** A user's budget (created on first use; kept while not full, see `userBudgets`). */
  userBudget(userId: string): Budget {
    let budget = this.userBudgets.get(userId);
    if (!budget) {
      if (this.userBudgets.size > 2 * this.perUser.size + 64) {
        for (const [id, old] of this.userBudgets)
          if (!this.perUser.has(id) && old.full) this.userBudgets.delete(id);
      }
      budget = new Budget(this.limits.connection, this.clock);
      this.userBudgets.set(userId, budget);
    }
    return budget;
  }

  /** The shared budget of an open document. */
  budget(documentName: string): Budget {
    let budget = this.budgets.get(documentName);
    if (!budget) {
      budget = new Budget(this.limits.document, this.clock);
      this.budgets.set(documentName, budget);
    }
    return budget;
  }
}

/** Adds `delta` to a counter, deleting it at zero; returns the new value. */
function count(counts: Map<string, number>, key: string, delta: number): number {
  const value = (counts.get(key) ?? 0) + delta;
  if (value > 0) counts.set(key, value);
  else counts.delete(key);
  return Math.max(0, value);
}
