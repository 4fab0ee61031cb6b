import { and, eq } from 'drizzle-orm';
import type { Role } from '../../shared/roles.ts';
import type { Locale } from '../../shared/locales.ts';
import type { Executor } from '../db/connection.ts';
import { collaborations, governmentAnalysts, memberships, users } from '../db/schema/index.ts';

export interface ActorMembership {
  collaborationId: string;
  collaborationName: string;
  roles: Role[];
  partnerOrganisationId: string | null;
}

/** Who is asking: loaded once per request from the session, then used by every access decision. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  locale: Locale;
  platformAdmin: boolean;
  /** Reads the suppressed figures of all collaborations (features/figures/government), nothing else. */
  governmentAnalyst: boolean;
  memberships: ActorMembership[];
}

export async function loadActor(db: Executor, userId: string): Promise<Actor | null> {
  const [user] = await db.select().from(users).where(and(eq(users.id, userId), eq(users.active, true)));
  if (!user) return null;
  const rows = await db
    .select({
      collaborationId: memberships.collaborationId,
      collaborationName: collaborations.name,
      roles: memberships.roles,
      partnerOrganisationId: memberships.partnerOrganisationId,
    })
    .from(memberships)
    .innerJoin(collaborations, eq(collaborations.id, memberships.collaborationId))
    .where(and(eq(memberships.userId, userId), eq(memberships.active, true)))
    .orderBy(collaborations.name);
  const analyst = await db.select({ userId: governmentAnalysts.userId }).from(governmentAnalysts).where(eq(governmentAnalysts.userId, userId));
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale === 'en' ? 'en' : 'nl-BE',
    platformAdmin: user.platformAdmin,
    governmentAnalyst: analyst.length > 0,
    memberships: rows.map((r) => ({ ...r, roles: r.roles as Role[] })),
  };
}
