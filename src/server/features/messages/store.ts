import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { attachmentContents } from '../../db/schema/index.ts';

/**
 * Where the bytes of attachments live. `put` and `delete` take the caller's transaction, so a store
 * in the database commits with the attachment's row and its audit row. An S3-compatible store can
 * implement the same three calls (ignoring the transaction, with a clean-up of orphans).
 */
export interface AttachmentStore {
  put(tx: Executor, key: string, content: Buffer): Promise<void>;
  get(db: Executor, key: string): Promise<Buffer | null>;
  delete(tx: Executor, key: string): Promise<void>;
}

/** The default: bytea in `attachment_contents` (one backup, one transaction, any number of instances). */
export const databaseAttachmentStore: AttachmentStore = {
  async put(tx, key, content) {
    await tx.insert(attachmentContents).values({ storageKey: key, content });
  },
  async get(db, key) {
    const [row] = await db.select({ content: attachmentContents.content }).from(attachmentContents).where(eq(attachmentContents.storageKey, key));
    return row?.content ?? null;
  },
  async delete(tx, key) {
    await tx.delete(attachmentContents).where(eq(attachmentContents.storageKey, key));
  },
};
