import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/connection.ts';
import { consentGrants, families, familyParticipants, lifeDomains, users } from '../db/schema/index.ts';

/**
 * Family members who sign in to the portal with a link by mail (no password): Malika and her
 * daughter Yasmina (17), Jason, and Pieter's teacher Juf Sarah (for the round tables she is invited to). Malika shares "friends" and "mind" with Oma Fatima, who has an
 * account too, so the demo shows a network member seeing only what was shared.
 */
export const DEMO_FAMILY_ACCOUNTS = [
  { family: 'Gezin El Amrani (Malika)', participant: 'Malika', email: 'malika@gezinsplan.example' },
  { family: 'Gezin El Amrani (Malika)', participant: 'Yasmina', email: 'yasmina@gezinsplan.example' },
  { family: 'Gezin El Amrani (Malika)', participant: 'Oma Fatima', email: 'oma.fatima@gezinsplan.example' },
  { family: 'Gezin Verbeeck (Pieter)', participant: 'Jason', email: 'jason@gezinsplan.example' },
  { family: 'Gezin Verbeeck (Pieter)', participant: 'Juf Sarah', email: 'juf.sarah@gezinsplan.example' },
] as const;

export async function seedDemoPortal(tx: Tx, collaborationId: string): Promise<void> {
  const participantIds = new Map<string, string>();
  for (const a of DEMO_FAMILY_ACCOUNTS) {
    const [family] = await tx.select({ id: families.id }).from(families).where(and(eq(families.collaborationId, collaborationId), eq(families.displayName, a.family)));
    if (!family) continue;
    const [user] = await tx.insert(users).values({ email: a.email, name: a.participant }).returning({ id: users.id });
    const [p] = await tx.update(familyParticipants).set({ userId: user!.id, email: a.email })
      .where(and(eq(familyParticipants.collaborationId, collaborationId), eq(familyParticipants.familyId, family.id), eq(familyParticipants.displayName, a.participant)))
      .returning({ id: familyParticipants.id, familyId: familyParticipants.familyId });
    if (p) participantIds.set(a.participant, p.id);
  }
  const malika = participantIds.get('Malika');
  const oma = participantIds.get('Oma Fatima');
  if (!malika || !oma) return;
  const [family] = await tx.select({ id: familyParticipants.familyId }).from(familyParticipants).where(and(eq(familyParticipants.collaborationId, collaborationId), eq(familyParticipants.id, malika)));
  const domains = await tx.select({ id: lifeDomains.id }).from(lifeDomains).where(and(eq(lifeDomains.collaborationId, collaborationId), inArray(lifeDomains.pictogram, ['friends', 'mind'])));
  for (const d of domains) {
    await tx.insert(consentGrants).values({
      collaborationId, familyId: family!.id, participantId: oma, lifeDomainId: d.id, level: 'read', status: 'active',
      grantedByParticipantId: malika, approvedByParticipantId: malika, approvedAt: new Date(),
    });
  }
}
