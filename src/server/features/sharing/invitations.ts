import { and, eq, isNull, ne } from 'drizzle-orm';
import { asLocale } from '../../../shared/locales.ts';
import type { z } from 'zod';
import type { Invitation, InvitationInput } from '../../../shared/schemas/sharing.ts';
import { mayCoordinate, refuseCoachWithoutLead } from '../../access/coordination.ts';
import { requireInCircle, requireWriter, type FamilyScope } from '../../access/family-scope.ts';
import type { Tx } from '../../db/connection.ts';
import { families, familyParticipants } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { queueMail } from '../../mail/outbox.ts';
import { familyInvitationMail } from '../../mail/family-templates.ts';
import { accountFor, signInLinkUrl } from '../auth/magic-link.ts';
import { issueToken } from '../auth/tokens.ts';
import { invalidField } from '../plan/checks.ts';
import { recordChange } from '../plan/history.ts';

const RING = { parent: 1, young_person: 1, housemate: 1, network_member: 2, outside_professional: 3 } as const;
const INVITABLE = new Set(Object.keys(RING));

/**
 * Invites someone into the family's circle by mail: a family member, a young person, someone of the
 * network or an outside professional. They come in with a link (no password); someone who already
 * has an account (a professional of the collaboration) signs in as usual. What they then see is what
 * the family shares with them: nothing yet, for the network and professionals.
 */
export async function invite(tx: Tx, ctx: RequestContext, scope: FamilyScope, body: z.output<typeof InvitationInput>, publicUrl: string): Promise<Invitation> {
  // Who coordinates invites (a family member holding the lead too); the family's other writers
  // (a young person: their own network) as before; a coach only while the lead is with the coaches.
  const writer = (await mayCoordinate(tx, scope)) ? requireInCircle(scope) : requireWriter(scope);
  await refuseCoachWithoutLead(tx, scope);
  const inFamily = and(eq(familyParticipants.collaborationId, scope.collaborationId), eq(familyParticipants.familyId, scope.familyId), isNull(familyParticipants.removedAt));
  let participant: typeof familyParticipants.$inferSelect | undefined;
  if (body.participantId) {
    [participant] = await tx.select().from(familyParticipants).where(and(inFamily, eq(familyParticipants.id, body.participantId)));
    if (!participant || !INVITABLE.has(participant.role)) throw invalidField('participantId', 'notForThisPerson');
  }
  // Full reach (parent, young person) is the family's own circle: a young person may invite their
  // network, not someone who would then read the whole file.
  const role = participant?.role ?? body.role!;
  if ((role === 'parent' || role === 'young_person') && writer.participantRole === 'young_person') throw invalidField(body.participantId ? 'participantId' : 'role', 'notYours');
  const { user, existing } = await accountFor(tx, body.email, participant?.displayName ?? body.displayName!, ctx.locale);
  if (participant?.userId && participant.userId !== user.id) throw invalidField('email');
  // One person has one place in a family: the same account cannot come in twice under two names.
  const [twice] = await tx.select({ id: familyParticipants.id }).from(familyParticipants)
    .where(and(inFamily, eq(familyParticipants.userId, user.id), participant ? ne(familyParticipants.id, participant.id) : undefined));
  if (twice) throw invalidField('email');

  const before = participant ? { id: participant.id, displayName: participant.displayName, email: participant.email, hasAccount: participant.userId !== null } : null;
  if (participant) {
    await tx.update(familyParticipants).set({ userId: user.id, email: body.email, updatedAt: new Date() })
      .where(and(eq(familyParticipants.collaborationId, scope.collaborationId), eq(familyParticipants.id, participant.id)));
  } else {
    [participant] = await tx.insert(familyParticipants).values({
      collaborationId: scope.collaborationId, familyId: scope.familyId, userId: user.id, email: body.email,
      displayName: body.displayName!, relation: body.relation ?? null, role: body.role!, ring: RING[body.role!],
    }).returning();
  }
  const p = participant!;
  const [family] = await tx.select({ name: families.displayName }).from(families).where(and(eq(families.collaborationId, scope.collaborationId), eq(families.id, scope.familyId)));
  const [inviter] = await tx.select({ name: familyParticipants.displayName }).from(familyParticipants)
    .where(and(eq(familyParticipants.collaborationId, scope.collaborationId), eq(familyParticipants.id, writer.participantId)));
  const hasPassword = existing && user.passwordHash !== null;
  const url = hasPassword ? `${publicUrl}/login` : signInLinkUrl(publicUrl, await issueToken(tx, user.id, 'family_invitation'));
  await queueMail(tx, familyInvitationMail({
    to: body.email, name: p.displayName, familyName: family!.name, invitedBy: inviter!.name, url, existingAccount: hasPassword,
    locale: asLocale(user.locale),
  }));
  const after = { id: p.id, displayName: p.displayName, email: body.email, hasAccount: true };
  await recordChange(tx, ctx, scope, { itemType: 'member', itemId: p.id, action: before ? 'update' : 'create', lifeDomainId: null, isPrivate: false, authorParticipantId: writer.participantId, before, after });
  return { participantId: p.id, displayName: p.displayName, email: body.email, existingAccount: hasPassword };
}
