import type { ChatService } from '../chat/service.js';
import type { Collab } from '../collab/collab.js';
import type { Logger } from '../observability/logger.js';
import type { Bus } from '../realtime/bus/index.js';
import type { Gateway } from '../realtime/gateway/gateway.js';

/**
 * Who may stay a member of an app's chat rooms: given a user and some of their rooms in the app,
 * the ids among them they may still be in. Rooms it leaves out lose that member.
 */
export type ChatMembershipRule = (userId: string, roomIds: readonly string[]) => Promise<Iterable<string>>;

/** Bus topic: every instance rechecks what the user holds open there. */
const CHANGED_TOPIC = 'access.changed';

/**
 * `platform.access`: what happens when someone's access changes (removed from a course, a role
 * taken away). Rules live in one place per app (its channel types' `authorize`, its collab
 * namespace's `authorize`, its chat membership rule); the kernel re-asks them instead of each
 * change site listing what to revoke, so revocation cannot drift from the rules:
 * - chat rooms of apps with a membership rule: memberships the rule no longer keeps are removed
 *   (REST and channel chat go by membership);
 * - on every instance, the user's channel subscriptions are authorized again and those refused are
 *   evicted (`channel.removed`), and their collaborative documents are authorized again and the
 *   connections whose access changed are reset (the client reconnects: refused or read-only).
 * REST routes need nothing: they resolve the caller's role on every request.
 */
export class AccessChanges {
  private readonly chatRules = new Map<string, ChatMembershipRule>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly deps: {
      bus: Bus;
      logger: Logger;
      realtime: Gateway;
      collab: Collab;
      chat: ChatService;
    },
  ) {
    this.unsubscribe = deps.bus.subscribe(CHANGED_TOPIC, (data) => {
      const userId = (data as { userId?: unknown } | null)?.userId;
      if (typeof userId === 'string') void this.recheckHere(userId);
    });
  }

  /** Declares who may stay in `app`'s chat rooms (the app kit registers an app's `chatMembers`). */
  chatRooms(app: string, rule: ChatMembershipRule): void {
    if (this.chatRules.has(app)) throw new Error(`app ${app} already has a chat membership rule`);
    this.chatRules.set(app, rule);
  }

  /**
   * Call after changing what the user may do (their membership or role, in a transaction that has
   * committed): drops the chat memberships the apps' rules no longer keep, rechecks the user's
   * sockets and documents on this instance (awaited) and asks every other instance to do the same
   * (over the bus: best effort, like every bus message).
   */
  async changed(userId: string): Promise<void> {
    await this.dropChatMemberships(userId);
    await Promise.all([this.recheckHere(userId), this.deps.bus.publish(CHANGED_TOPIC, { userId })]);
  }

  /** Stops listening for other instances' changes. */
  close(): void {
    this.unsubscribe();
  }

  private async dropChatMemberships(userId: string): Promise<void> {
    const rooms = await this.deps.chat.roomsOf(userId, [...this.chatRules.keys()]);
    const byApp = new Map<string, string[]>();
    for (const room of rooms) byApp.set(room.app, [...(byApp.get(room.app) ?? []), room.id]);
    for (const [app, roomIds] of byApp) {
      const rule = this.chatRules.get(app);
      if (!rule) continue;
      const keep = new Set(await rule(userId, roomIds));
      const dropped = roomIds.filter((roomId) => !keep.has(roomId));
      await Promise.all(dropped.map((roomId) => this.deps.chat.removeMember(roomId, userId)));
    }
  }

  /** Never throws: a failure is logged (the recheck itself refuses what it could not ask about). */
  private async recheckHere(userId: string): Promise<void> {
    await Promise.all([
      this.deps.realtime
        .recheck(userId)
        .catch((error: unknown) => this.deps.logger.error({ err: error, userId }, 'channel recheck failed')),
      this.deps.collab
        .recheck(userId)
        .catch((error: unknown) => this.deps.logger.error({ err: error, userId }, 'collab recheck failed')),
    ]);
  }
}
