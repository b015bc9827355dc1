import type { AppName } from '@app/contracts';
import type { Blocks } from '../blocks/service.js';
import type { PlatformDb } from '../db/pool.js';

/** An app's answer to "may this person call that one?", e.g. "they share a course". */
export type CallerPolicy = (callerId: string, calleeId: string) => Promise<boolean>;

/** An app's veto on a call: throws (an AppError, the caller's answer) to refuse it. */
export type CallerCheck = (callerId: string, calleeId: string) => Promise<void>;

/**
 * Who may ring whom. A call is allowed when neither person blocked the other and they share a
 * context: a platform chat room of the call's app (the kernel's own context, e.g. the direct room
 * of two matched learners), or anything a policy the app registered says yes to.
 */
export class CallPolicies {
  private readonly byApp = new Map<AppName, CallerPolicy[]>();
  private readonly checks = new Map<AppName, CallerCheck[]>();

  constructor(
    private readonly db: PlatformDb,
    private readonly blocks: Blocks,
  ) {}

  /** Adds a policy for calls in `app`; any policy that answers yes allows the call. */
  allowCallers(app: AppName, policy: CallerPolicy): void {
    const policies = this.byApp.get(app) ?? [];
    policies.push(policy);
    this.byApp.set(app, policies);
  }

  /** Adds a veto for calls in `app` (see CallService.refuseCallers). */
  refuseCallers(app: AppName, check: CallerCheck): void {
    this.checks.set(app, [...(this.checks.get(app) ?? []), check]);
  }

  /** Runs the app's vetoes; the first that throws refuses the call. */
  async check(app: AppName, callerId: string, calleeId: string): Promise<void> {
    for (const check of this.checks.get(app) ?? []) await check(callerId, calleeId);
  }

  async allows(app: AppName, callerId: string, calleeId: string): Promise<boolean> {
    if (await this.blocks.between(callerId, calleeId)) return false;
    if (await this.shareChatRoom(app, callerId, calleeId)) return true;
    for (const policy of this.byApp.get(app) ?? []) {
      if (await policy(callerId, calleeId)) return true;
    }
    return false;
  }

  private async shareChatRoom(app: AppName, userA: string, userB: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('platform.chat_members as a')
      .innerJoin('platform.chat_members as b', 'b.room_id', 'a.room_id')
      .innerJoin('platform.chat_rooms as r', 'r.id', 'a.room_id')
      .select('a.room_id')
      .where('a.user_id', '=', userA)
      .where('b.user_id', '=', userB)
      .where('r.app', '=', app)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }
}
