import { and, eq, sql } from 'drizzle-orm';
import { chosenLocale } from '../../../shared/locales.ts';
import type { MemberInvite, MemberPatch } from '../../../shared/schemas/members.ts';
import type { Config } from '../../config.ts';
import type { Tx } from '../../db/connection.ts';
import { collaborations, memberships, partnerOrganisations, users } from '../../db/schema/index.ts';
import { audit } from '../../audit/audit.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, conflict, notFound } from '../../http/errors.ts';
import { assertVersion } from '../../http/etag.ts';
import { queueMail } from '../../mail/outbox.ts';
import { invitationMail } from '../../mail/templates.ts';
import { issueToken } from '../auth/tokens.ts';
import { countActiveAdmins, findMember } from './repo.ts';

async function assertPartnerInCollaboration(tx: Tx, collaborationId: string, partnerId: string | null | undefined) {
  if (!partnerId) return;
  const [row] = await tx
    .select({ id: partnerOrganisations.id })
    .from(partnerOrganisations)
    .where(and(eq(partnerOrganisations.collaborationId, collaborationId), eq(partnerOrganisations.id, partnerId)));
  if (!row) throw new AppError(422, 'validation_failed', [{ field: 'partnerOrganisationId', code: 'invalid', message: '' }]);
}

/** Mails a link to choose a password (new people) or to sign in (people who already have one). */
async function sendInvitation(tx: Tx, ctx: RequestContext, config: Config, collaborationId: string, userId: string) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId));
  const [collaboration] = await tx.select({ name: collaborations.name }).from(collaborations).where(eq(collaborations.id, collaborationId));
  if (!user || !collaboration) throw notFound();
  const url = user.passwordHash
    ? `${config.publicUrl}/login`
    : `${config.publicUrl}/accept-invitation?token=${await issueToken(tx, user.id, 'invitation')}`;
  const locale = chosenLocale(user.locale, ctx.locale);
  await queueMail(tx, { ...invitationMail({ to: user.email, name: user.name, collaborationName: collaboration.name, url, locale }), collaborationId });
}

export async function inviteMember(tx: Tx, ctx: RequestContext, config: Config, collaborationId: string, body: MemberInvite, role: string) {
  await assertPartnerInCollaboration(tx, collaborationId, body.partnerOrganisationId);
  const [existing] = await tx.select().from(users).where(eq(users.email, body.email));
  const user = existing ?? (await tx.insert(users).values({ email: body.email, name: body.name, locale: ctx.locale }).returning())[0]!;
  const inserted = await tx
    .insert(memberships)
    .values({ collaborationId, userId: user.id, roles: body.roles, partnerOrganisationId: body.partnerOrganisationId ?? null })
    .onConflictDoNothing()
    .returning({ userId: memberships.userId });
  if (inserted.length === 0) throw conflict('email_taken');
  await sendInvitation(tx, ctx, config, collaborationId, user.id);
  await audit(tx, ctx, { action: 'create', entityType: 'membership', entityId: user.id, collaborationId, role });
  return (await findMember(tx, collaborationId, user.id))!;
}

export async function resendInvitation(tx: Tx, ctx: RequestContext, config: Config, collaborationId: string, userId: string, role: string) {
  const member = await findMember(tx, collaborationId, userId);
  if (!member) throw notFound();
  await sendInvitation(tx, ctx, config, collaborationId, userId);
  await audit(tx, ctx, { action: 'update', entityType: 'membership_invitation', entityId: userId, collaborationId, role });
}

export async function updateMember(tx: Tx, ctx: RequestContext, collaborationId: string, userId: string, expectedVersion: number, patch: MemberPatch, role: string) {
  // One membership change per collaboration at a time: two admins stepping down at once must not
  // both see the other one still active (the last-admin check below would pass twice).
  await tx.select({ id: collaborations.id }).from(collaborations).where(eq(collaborations.id, collaborationId)).for('no key update');
  const current = await findMember(tx, collaborationId, userId, true);
  if (!current) throw notFound();
  assertVersion(current.version, expectedVersion);
  await assertPartnerInCollaboration(tx, collaborationId, patch.partnerOrganisationId);
  const roles = patch.roles ?? current.roles;
  const active = patch.active ?? current.active;
  await tx
    .update(memberships)
    .set({
      roles,
      active,
      partnerOrganisationId: patch.partnerOrganisationId === undefined ? current.partnerOrganisationId : patch.partnerOrganisationId,
      version: sql`${memberships.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(memberships.collaborationId, collaborationId), eq(memberships.userId, userId)));
  // Checked after the change, inside the transaction: nobody can lock the collaboration out of its own settings.
  if (current.active && current.roles.includes('admin') && (await countActiveAdmins(tx, collaborationId)) === 0) {
    throw conflict('last_admin');
  }
  await audit(tx, ctx, { action: 'update', entityType: 'membership', entityId: userId, collaborationId, role });
  return (await findMember(tx, collaborationId, userId))!;
}
