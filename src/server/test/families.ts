import { eq } from 'drizzle-orm';
import type { ParticipantRole } from '../../shared/roles.ts';
import type { Db } from '../db/connection.ts';
import { families, familyParticipants, lifeDomains, users } from '../db/schema/index.ts';
import { collaborationIdOf } from './helpers.ts';

export interface TestFamily {
  collaborationId: string;
  familyId: string;
  /** Participant ids by the key given in `people` (and `coach:<email>` for each coach). */
  participants: Record<string, string>;
  /** The collaboration's life domains, in order. */
  lifeDomainIds: string[];
}

interface Person { role: ParticipantRole; name: string; email?: string; birthYear?: number; ring?: number; removed?: boolean }

/**
 * Creates a family straight in the database, with coaches (demo users by email) and people
 * keyed by a short name: `{ mama: { role: 'parent', name: 'Malika' } }`. People with an email of
 * an existing user are linked to that account (so tests can sign in as them).
 */
export async function createTestFamily(
  db: Db,
  opts: { collaboration?: 'antwerpen' | 'gent'; displayName?: string; coaches?: string[]; people?: Record<string, Person> },
): Promise<TestFamily> {
  const collaborationId = await collaborationIdOf(db, opts.collaboration ?? 'antwerpen');
  const [family] = await db.insert(families)
    .values({ collaborationId, displayName: opts.displayName ?? 'Familie Test', status: 'active' })
    .returning({ id: families.id });
  const familyId = family!.id;
  const participants: Record<string, string> = {};
  const add = async (key: string, p: Person) => {
    const [user] = p.email ? await db.select({ id: users.id }).from(users).where(eq(users.email, p.email)) : [];
    const ring = p.ring ?? (p.role === 'network_member' ? 2 : p.role === 'outside_professional' || p.role === 'coach' ? 3 : 1);
    const [row] = await db.insert(familyParticipants).values({
      collaborationId, familyId, userId: user?.id ?? null, displayName: p.name, email: p.email ?? null,
      role: p.role, ring, birthYear: p.birthYear ?? null, removedAt: p.removed ? new Date() : null,
    }).returning({ id: familyParticipants.id });
    participants[key] = row!.id;
  };
  for (const email of opts.coaches ?? []) await add(`coach:${email}`, { role: 'coach', name: email.split('@')[0]!, email });
  for (const [key, p] of Object.entries(opts.people ?? {})) await add(key, p);
  const domains = await db.select({ id: lifeDomains.id }).from(lifeDomains)
    .where(eq(lifeDomains.collaborationId, collaborationId)).orderBy(lifeDomains.position);
  return { collaborationId, familyId, participants, lifeDomainIds: domains.map((d) => d.id) };
}
