import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { DEFAULT_LIFE_DOMAINS } from '../../shared/pictograms.ts';
import type { Role } from '../../shared/roles.ts';
import type { Db } from '../db/connection.ts';
import {
  collaborations, governmentAnalysts, lifeDomains, memberships, partnerOrganisations, platformSecondFactorPolicies, postcodes, secondFactorPolicies, users,
} from '../db/schema/index.ts';
import { PLATFORM_ROLES, secondFactorNotRequired } from '../features/second-factor/policy.ts';
import { hashPassword } from '../features/auth/passwords.ts';
import { DEMO_COLLABORATIONS, DEMO_PASSWORD, demoAccounts } from './accounts.ts';
import { seedDemoFamilies } from './families.ts';
import { seedDemoPortal } from './portal.ts';
import { seedDemoRegistrations } from './registrations.ts';

/**
 * Loads the demo only into an empty database, in one transaction: all of it or nothing. Never in
 * production: its accounts share a published password and sign in without a second factor.
 * `clock` dates the demo registrations (ages relative to now).
 */
export async function seedDemoIfEmpty(db: Db, logger: Pick<Logger, 'info'>, clock: () => Date = () => new Date()): Promise<boolean> {
  if (process.env.NODE_ENV === 'production') throw new Error('The demo data is never loaded in production');
  const [row] = (await db.execute(sql`select count(*)::int as n from users`) as unknown as { rows: { n: number }[] }).rows;
  if ((row?.n ?? 0) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts = demoAccounts();
  await db.transaction(async (tx) => {
    for (const c of DEMO_COLLABORATIONS) {
      const [collab] = await tx.insert(collaborations).values({ name: c.name, contactEmail: c.contactEmail }).returning();
      const collaborationId = collab!.id;
      await tx.insert(postcodes).values(c.postcodes.map(([postcode, municipality]) => ({ postcode, municipality, collaborationId })));
      await tx.insert(lifeDomains).values(DEFAULT_LIFE_DOMAINS.map((d, position) => ({ ...d, position, collaborationId })));
      const partners = await tx
        .insert(partnerOrganisations)
        .values(c.partners.map(([name, kind]) => ({ name, kind, collaborationId })))
        .returning({ id: partnerOrganisations.id });
      // The demo signs in with the password alone: a stored choice per role that its admin sees and can
      // change under "Tweede stap" (a new collaboration keeps the default: required).
      await tx.insert(secondFactorPolicies).values(secondFactorNotRequired(collaborationId));
      const people = accounts.filter((a) => a.collaboration === c.name);
      const ids = new Map<string, string>();
      for (const [i, person] of people.entries()) {
        const [user] = await tx.insert(users).values({ email: person.email, name: person.name, passwordHash }).returning();
        ids.set(person.email.split('.')[0]!, user!.id);
        await tx.insert(memberships).values({
          collaborationId,
          userId: user!.id,
          roles: [person.role as Role],
          // Coaches are delegated by a partner organisation; spread them over the first ones.
          partnerOrganisationId: person.role === 'coach' ? partners[i % partners.length]!.id : null,
        });
      }
      await seedDemoRegistrations(tx, c.key, collaborationId, { coach1: ids.get('coach1')!, coach2: ids.get('coach2')!, referrer: ids.get('referrer')! }, clock());
      await seedDemoFamilies(tx, c.key, collaborationId, { coach1: ids.get('coach1')!, coach2: ids.get('coach2')! }, clock());
      if (c.key === 'antwerpen') await seedDemoPortal(tx, collaborationId);
    }
    const platform = accounts.find((a) => a.role === 'platform_admin')!;
    await tx.insert(users).values({ email: platform.email, name: platform.name, passwordHash, platformAdmin: true });
    const analyst = accounts.find((a) => a.role === 'government_analyst')!;
    const [analystUser] = await tx.insert(users).values({ email: analyst.email, name: analyst.name, passwordHash }).returning({ id: users.id });
    await tx.insert(governmentAnalysts).values({ userId: analystUser!.id });
    await tx.insert(platformSecondFactorPolicies).values(PLATFORM_ROLES.map((role) => ({ role, required: false, graceDays: 0 })));
  });
  logger.info({ accounts: accounts.length }, 'demo data loaded');
  return true;
}
