import { eq, sql } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Db, Executor } from '../db/connection.ts';
import { mailOutbox } from '../db/schema/index.ts';
import { enqueueJob } from '../jobs/queue.ts';
import type { JobHandler } from '../jobs/worker.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  collaborationId?: string | null;
}

/** Stores the mail and its send job in the caller's transaction: no mail for a change that rolled back. */
export async function queueMail(db: Executor, mail: OutgoingMail): Promise<void> {
  const [row] = await db.insert(mailOutbox).values(mail).returning({ id: mailOutbox.id });
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
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    }
    await db.update(mailOutbox).set({ sentAt: new Date() }).where(eq(mailOutbox.id, mailId));
  };
}
