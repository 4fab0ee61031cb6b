import { z } from 'zod';
import { Timestamp, Uuid } from './common.ts';

export const AccessLogFinding = z.object({
  problem: z.enum(['changed', 'missing_before', 'duplicate', 'checkpoint_mismatch']),
  chain: z.string().describe('A collaboration id, or "platform" for rows without a collaboration'),
  chainSeq: z.number().int(),
  rowId: z.number().int().nullable(),
});

export const AccessLogVerification = z.object({
  ok: z.boolean(),
  rows: z.number().int(),
  chains: z.number().int(),
  checkpoints: z.number().int(),
  unsealed: z.number().int().describe('Rows written since the last sealing; they join their chain at the next'),
  firstFailure: AccessLogFinding.nullable(),
  findings: z.array(AccessLogFinding).describe('The first problem of each broken chain, and each checkpoint that no longer matches'),
  checkedAt: z.string().datetime(),
});
export type AccessLogVerification = z.infer<typeof AccessLogVerification>;

/** Every action and outcome the access log records (the table's own lists). */
export const AUDIT_ACTIONS = ['create', 'read', 'update', 'delete', 'export', 'print', 'search', 'login', 'logout', 'break_glass'] as const;
export const AUDIT_OUTCOMES = ['success', 'denied', 'not_found', 'failed'] as const;

/** The DPO's filters on the collaboration's access log; days are calendar days in Brussels. */
export const CollaborationAccessLogFilter = z.object({
  personId: Uuid.optional().describe('Who acted (a user id)'),
  familyId: Uuid.optional().describe('Whose file'),
  action: z.enum(AUDIT_ACTIONS).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type CollaborationAccessLogFilter = z.infer<typeof CollaborationAccessLogFilter>;

export const CollaborationAccessLogQuery = CollaborationAccessLogFilter.extend({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** One row of the log as the DPO sees it: who, in which role and organisation, did what to which file. No family content. */
export const CollaborationAccessLogEntry = z.object({
  id: z.string(),
  occurredAt: Timestamp,
  actorUserId: Uuid.nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  organisationName: z.string().nullable(),
  /** Whether they acted for a family member (the member itself is family content, so only the fact). */
  onBehalf: z.boolean(),
  familyId: Uuid.nullable(),
  action: z.enum(AUDIT_ACTIONS),
  entityType: z.string(),
  entityId: z.string().nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
  reason: z.string().nullable(),
  clientAddress: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type CollaborationAccessLogEntry = z.infer<typeof CollaborationAccessLogEntry>;
