import { sql } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { PlatformDb } from '../db/pool.js';

/** What an access token's session says about its caller right now. */
export interface SessionState {
  /** False when the session was revoked or expired, or the account is gone or suspended. */
  readonly active: boolean;
  readonly userId: string | null;
  readonly emailVerified: boolean;
}

/**
 * How long one instance trusts what it read about a session. Sign-out, revocation and deletion
 * on this instance take effect at once (`forget`); on other instances within this time.
 */
export const SESSION_STATE_TTL_MS = 5_000;
const GONE: SessionState = { active: false, userId: null, emailVerified: false };

/**
 * The state of access tokens' sessions, read from `platform.sessions` (one primary-key lookup
 * joined to the user) and cached for a few seconds, so an access token stops working when its
 * sign-in ends or its account is deleted, without a query on every request. Concurrent lookups of
 * one session share a query.
 */
export class SessionStates {
  private readonly cache: LRUCache<string, SessionState>;

  constructor(db: PlatformDb, options: { ttlMs?: number; max?: number } = {}) {
    this.cache = new LRUCache<string, SessionState>({
      max: options.max ?? 100_000,
      ttl: options.ttlMs ?? SESSION_STATE_TTL_MS,
      fetchMethod: async (sessionId) => {
        const row = await db
          .selectFrom('platform.sessions as s')
          .innerJoin('platform.users as u', 'u.id', 's.user_id')
          .select(['s.user_id', sql<boolean>`u.email_verified_at is not null`.as('verified')])
          .where('s.id', '=', sessionId)
          .where('s.revoked_at', 'is', null)
          .where('s.expires_at', '>', sql<Date>`now()`)
          .where('u.suspended_at', 'is', null)
          .executeTakeFirst();
        return row ? { active: true, userId: row.user_id, emailVerified: row.verified } : GONE;
      },
    });
  }

  /** The session's state (cached for a few seconds). */
  async get(sessionId: string): Promise<SessionState> {
    return (await this.cache.fetch(sessionId)) ?? GONE;
  }

  /** The session's state read now (bypassing the cache), e.g. right after an email was verified. */
  async fresh(sessionId: string): Promise<SessionState> {
    return (await this.cache.fetch(sessionId, { forceRefresh: true })) ?? GONE;
  }

  /** Drops what this instance knows about one session (signed out, revoked). */
  forget(sessionId: string): void {
    this.cache.delete(sessionId);
  }

  /** Drops what this instance knows about every session of a user (deleted, reset, verified). */
  forgetUser(userId: string): void {
    for (const [sessionId, state] of this.cache.entries()) {
      if (state.userId === userId) this.cache.delete(sessionId);
    }
  }
}
