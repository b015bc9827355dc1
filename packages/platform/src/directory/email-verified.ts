import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Jobs } from '../jobs/jobs.js';
import { taskType } from '../jobs/task.js';
import type { PersonSummary } from './person.js';

/** Runs the apps' `onEmailVerified` for one account, after the verification committed. */
export const emailVerifiedTask = taskType('directory.email-verified', z.object({ userId: z.uuid() }), {
  priority: 'high',
});

/**
 * What an app does once an account's email address is verified (eduforum enrols people invited at
 * that address). Runs in a job, so it may run again after a failure: it must be idempotent.
 */
export type EmailVerifiedHandler = (person: PersonSummary) => Promise<void>;

/**
 * The apps' email-verified hooks: the kernel queues the job in the same transaction that marks the
 * address verified (link, OAuth provider, operator), so no verification is acted on twice or lost.
 */
export class EmailVerifiedHooks {
  private readonly handlers = new Map<string, EmailVerifiedHandler>();

  constructor(private readonly jobs: Jobs) {}

  /** Queues the hooks inside the transaction (`executor`) that verified the address. */
  // biome-ignore lint/suspicious/noExplicitAny: any schema's transaction (the job tables are not typed)
  readonly queue = async (executor: Kysely<any>, userId: string): Promise<void> => {
    await this.jobs.enqueue(emailVerifiedTask, { userId }, {}, executor);
  };

  /** The app kit registers each app's `onEmailVerified` (every role, before jobs start). */
  register(app: string, handler: EmailVerifiedHandler): void {
    if (this.handlers.has(app)) throw new Error(`app ${app} already has an email-verified hook`);
    this.handlers.set(app, handler);
  }

  /** Runs the hooks (roles worker and all). */
  registerJobs(person: (id: string) => Promise<PersonSummary | undefined>): void {
    this.jobs.handle(emailVerifiedTask, async ({ userId }) => {
      const found = await person(userId);
      if (!found) return;
      for (const handler of this.handlers.values()) await handler(found);
    });
  }
}
