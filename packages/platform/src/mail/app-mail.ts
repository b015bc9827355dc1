import type { Locale } from '@app/contracts';
import type { Mailer } from './mailer.js';
import { renderMail } from './templates.js';

/** An invitation to an address without an account (see `AppMail.sendInvitation`). */
export interface InvitationMail {
  readonly to: string;
  readonly locale: Locale;
  /** Who invites, as the recipient knows them (a name). */
  readonly inviter: string;
  /** What they are invited to ("CS330 Algorithms (2026 Fall)"). */
  readonly target: string;
  /** Where to sign up (absolute; the app's sign-up page with the address filled in). */
  readonly link: string;
}

/**
 * The mail apps may send themselves (everything else reaches people through notifications, which
 * need an account): the kernel's templates and mailer, SMTP or the dev outbox.
 */
export class AppMail {
  constructor(private readonly mailer: Mailer) {}

  async sendInvitation(mail: InvitationMail): Promise<void> {
    const { to, locale, inviter, target, link } = mail;
    await this.mailer.send(renderMail('invitation', locale, to, { inviter, target, link }));
  }
}
