import type { Executor } from '../db/connection.ts';
import { accessLog } from '../db/schema/index.ts';
import type { RequestContext } from '../http/context.ts';

export type AuditAction = (typeof accessLog.$inferInsert)['action'];
export type AuditOutcome = (typeof accessLog.$inferInsert)['outcome'];

export interface AuditEvent {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  collaborationId?: string | null;
  familyId?: string | null;
  /** The role the actor used for this action, as decided by the access policy. */
  role?: string | null;
  onBehalfOfParticipantId?: string | null;
  outcome?: AuditOutcome;
  reason?: string | null;
  /** Who acted, when the request had no signed-in actor yet (sign-in itself). */
  actorUserId?: string | null;
}

/**
 * Writes one access-log row. Call it with the same transaction as the change it records: if the
 * row cannot be written, the change fails with it. The table refuses UPDATE and DELETE.
 */
export async function audit(db: Executor, ctx: RequestContext, event: AuditEvent): Promise<void> {
  const membership = event.collaborationId
    ? ctx.actor?.memberships.find((m) => m.collaborationId === event.collaborationId)
    : undefined;
  await db.insert(accessLog).values({
    collaborationId: event.collaborationId ?? null,
    familyId: event.familyId ?? null,
    actorUserId: event.actorUserId ?? ctx.actor?.userId ?? null,
    actorRole: event.role ?? null,
    actorOrganisationId: membership?.partnerOrganisationId ?? null,
    onBehalfOfParticipantId: event.onBehalfOfParticipantId ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    outcome: event.outcome ?? 'success',
    reason: event.reason ?? null,
    clientAddress: ctx.clientAddress,
    userAgent: ctx.userAgent?.slice(0, 300) ?? null,
    requestId: ctx.requestId,
  });
}
