import { eq, sql } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Db, Executor } from '../db/connection.ts';
import { mailAttachments, mailOutbox } from '../db/schema/index.ts';
import { enqueueJob } from '../jobs/queue.ts';
import type { JobHandler } from '../jobs/worker.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  collaborationId?: string | null;
  /** Files sent with the mail (an invitation's .ics), kept beside it in the outbox. */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/** Stores the mail and its send job in the caller's transaction: no mail for a change that rolled back. */
export async function queueMail(db: Executor, mail: OutgoingMail): Promise<void> {
  const { attachments = [], ...message } = mail;
  const [row] = await db.insert(mailOutbox).values(message).returning({ id: mailOutbox.id });
  if (attachments.length > 0) await db.insert(mailAttachments).values(attachments.map((a) => ({ ...a, mailId: row!.id })));
  await enqueueJob(db, 'mail.send', { mailId: row!.id });
}

/**
 * Sends through SMTP when configured. Without SMTP the outbox itself is the delivery (readable at
 * /dev/mail outside production), so the job only marks the mail as sent.
 */
export function mailSendHandler(db: Db, transport: Transporter | null, from: string): JobHandler {
  return async (payload) => {
    const mailId = String(payload.mailId);
    const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, mailId));
    if (!mail || mail.sentAt) return;
    await db.update(mailOutbox).set({ attempts: sql`${mailOutbox.attempts} + 1` }).where(eq(mailOutbox.id, mailId));
    if (transport) {
      const files = await db.select().from(mailAttachments).where(eq(mailAttachments.mailId, mailId));
      await transport.sendMail({
        from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html,
        attachments: files.map((f) => ({ filename: f.filename, contentType: f.contentType, content: f.content })),
      });
    }
    await db.update(mailOutbox).set({ sentAt: new Date() }).where(eq(mailOutbox.id, mailId));
  };
}
