import nodemailer from 'nodemailer';
import type { Mailer } from './notifications.js';

export interface SmtpSettings {
  /** `smtp://user:password@host:port` (or `smtps://`); the credentials URL-encoded. */
  url: string;
  /** The sender, e.g. `"培育平台" <noreply@example.gov.cn>`. */
  from: string;
}

/**
 * Mails a notification to each recipient that has an address, one message each (no recipient sees
 * the others). Recipients without an address have the in-app inbox only. A failure is thrown; the
 * activity that sends after its commit logs it (mail is best effort, the inbox row is the record).
 */
export function smtpMailer(settings: SmtpSettings): Mailer & { close(): void } {
  const transport = nodemailer.createTransport(settings.url);
  return {
    async send(recipients, subject, body) {
      for (const recipient of recipients) {
        if (!recipient.email) continue;
        await transport.sendMail({ from: settings.from, to: { name: recipient.displayName, address: recipient.email }, subject, text: body });
      }
    },
    close: () => transport.close(),
  };
}
