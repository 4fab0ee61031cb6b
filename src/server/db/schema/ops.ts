import { sql } from 'drizzle-orm';
import {
  bigint, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';

const now = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/**
 * Access log (inzagelog): one row per read or change of personal data. Append-only: a trigger in the
 * migrations refuses UPDATE and DELETE. Rows without a collaboration are platform events (sign-in).
 */
export const accessLog = pgTable(
  'access_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: now(),
    collaborationId: uuid(),
    familyId: uuid(),
    actorUserId: uuid(),
    actorRole: text(),
    actorOrganisationId: uuid(),
    onBehalfOfParticipantId: uuid(),
    action: text({
      enum: ['create', 'read', 'update', 'delete', 'export', 'print', 'search', 'login', 'logout', 'break_glass'],
    }).notNull(),
    entityType: text().notNull(),
    entityId: text(),
    outcome: text({ enum: ['success', 'denied', 'not_found', 'failed'] }).notNull(),
    reason: text(),
    clientAddress: text(),
    userAgent: text(),
    requestId: text(),
    /** Filled once by the sealing job: place in the chain of its collaboration (or the platform chain). */
    chainSeq: bigint({ mode: 'number' }),
    prevHash: text(),
    /** SHA-256 over the row's canonical JSON and prevHash; see src/server/audit/chain.ts. */
    hash: text(),
  },
  (t) => [
    index('access_log_family').on(t.collaborationId, t.familyId, t.occurredAt),
    index('access_log_actor').on(t.actorUserId, t.occurredAt),
    /** The DPO's view: a collaboration's whole log, newest first, paged by id. */
    index('access_log_collaboration').on(t.collaborationId, t.id),
    index('access_log_unsealed').on(t.id).where(sql`${t.hash} is null`),
    uniqueIndex('access_log_chain_seq').on(sql`coalesce(${t.collaborationId}::text, 'platform')`, t.chainSeq),
  ],
);

/** The head of each chain at moments of sealing: a later rewrite of the chain no longer matches these. */
export const accessLogCheckpoints = pgTable(
  'access_log_checkpoints',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    chain: text().notNull(),
    chainSeq: bigint({ mode: 'number' }).notNull(),
    hash: text().notNull(),
    recordedAt: now(),
  },
  (t) => [index('access_log_checkpoints_chain').on(t.chain, t.chainSeq)],
);

/** Background work, claimed with FOR UPDATE SKIP LOCKED so any number of app instances can run. */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().notNull(),
    payload: jsonb().notNull().default(sql`'{}'::jsonb`),
    runAt: now(),
    attempts: smallint().notNull().default(0),
    maxAttempts: smallint().notNull().default(5),
    lockedAt: timestamp({ withTimezone: true }),
    lockedBy: text(),
    doneAt: timestamp({ withTimezone: true }),
    failedAt: timestamp({ withTimezone: true }),
    lastError: text(),
    createdAt: now(),
  },
  (t) => [index('jobs_ready').on(t.runAt).where(sql`${t.doneAt} is null and ${t.failedAt} is null`)],
);

export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    collaborationId: uuid(),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text().notNull(),
    createdAt: now(),
    sentAt: timestamp({ withTimezone: true }),
    attempts: integer().notNull().default(0),
  },
  (t) => [index('mail_outbox_created').on(t.createdAt)],
);

/** Stored answers to creates sent with an Idempotency-Key, replayed on a repeat. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text().notNull(),
    key: text().notNull(),
    requestHash: text().notNull(),
    statusCode: integer().notNull(),
    body: jsonb().notNull(),
    createdAt: now(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);
