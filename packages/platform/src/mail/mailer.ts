import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config/index.js';
import type { PlatformDb } from '../db/pool.js';
import type { Logger } from '../observability/logger.js';

/** A rendered message. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends mail through SMTP (`SMTP_URL`) or, without it, keeps it in the dev outbox table. */
export interface Mailer {
  readonly mode: 'smtp' | 'outbox';
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** Creates the mailer for this config. */
export function createMailer(config: Config, db: PlatformDb, logger: Logger): Mailer {
  const smtpUrl = config.mail.smtpUrl;
  if (!smtpUrl) {
    if (config.isProduction)
      logger.warn('SMTP_URL is not set: mail is kept in the outbox table, not delivered');
    return {
      mode: 'outbox',
      async send(message) {
        await db
          .insertInto('platform.mail_outbox')
          .values({
            recipient: message.to,
            subject: message.subject,
            text_body: message.text,
            html_body: message.html,
          })
          .execute();
        // Outside production the links (verify, reset, invitations) are printed too, so a newcomer
        // can follow them from the terminal; they carry tokens, so never in production.
        const links = config.isProduction ? undefined : (message.text.match(/https?:\/\/\S+/g) ?? undefined);
        logger.info(
          { to: message.to, subject: message.subject, ...(links ? { links } : {}) },
          'mail kept in the dev outbox (GET /api/v1/dev/outbox)',
        );
      },
      close() {},
    };
  }
  const transport: Transporter = nodemailer.createTransport(smtpUrl);
  return {
    mode: 'smtp',
    async send(message) {
      await transport.sendMail({ from: config.mail.from, ...message });
      logger.info({ to: message.to, subject: message.subject }, 'mail sent');
    },
    close() {
      transport.close();
    },
  };
}
