import type { AppName } from '@app/contracts';

/** A message about to be stored (sent, or edited), as an app's chat guard sees it. */
export interface ChatGuardMessage {
  readonly app: AppName;
  readonly roomId: string;
  readonly senderId: string;
  /** The new body (trimmed), for an edit too. */
  readonly body: string;
  /** File ids: the ones sent with the message, or for an edit the ones the message already has. */
  readonly attachments: readonly string[];
  /** Warnings the sender saw and sends anyway (`acknowledge` in the request). */
  readonly acknowledged: readonly string[];
  readonly isEdit: boolean;
}

/**
 * An app's check of a message before anything is stored, whichever way it came (REST, the `chat:`
 * channel's `send`, an app's own event). It refuses by throwing an AppError, usually one of the
 * app's own codes with details (e.g. 422 with the warnings the sender must acknowledge); the sender
 * gets it as the REST error or the channel ack's `error`, and nothing is stored or announced.
 */
export type ChatGuard = (message: ChatGuardMessage) => Promise<void>;

/** An app's rules for the chat rooms it creates (`AppParts.chat`). */
export interface ChatRules {
  readonly guard?: ChatGuard;
  /**
   * How long after sending a message its sender may still edit or delete it; older messages are
   * refused with 409 CHAT_EDIT_WINDOW_PASSED. Unset: always.
   */
  readonly editWindowMs?: number;
}

/** The chat rules of each app, registered once per process (mountApps) and read per message. */
export class ChatRuleBook {
  private readonly byApp = new Map<AppName, ChatRules>();

  /** Sets an app's rules; a second registration for the same app is a wiring mistake. */
  register(app: AppName, rules: ChatRules): void {
    if (this.byApp.has(app)) throw new Error(`chat rules of ${app} are already registered`);
    const window = rules.editWindowMs;
    if (window !== undefined && !(Number.isSafeInteger(window) && window > 0))
      throw new Error(`chat rules of ${app}: editWindowMs must be a positive whole number of ms`);
    this.byApp.set(app, rules);
  }

  /** The rules of an app's rooms (none: anything goes, as before apps had rules). */
  of(app: AppName): ChatRules {
    return this.byApp.get(app) ?? {};
  }
}
