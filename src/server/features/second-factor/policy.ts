import { eq, inArray, sql } from 'drizzle-orm';
import { ROLES, type Role } from '../../../shared/roles.ts';
import type { Actor } from '../../access/actor.ts';
import { audit } from '../../audit/audit.ts';
import type { Executor } from '../../db/connection.ts';
import { collaborations, platformSecondFactorPolicies, secondFactorPolicies } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { assertVersion } from '../../http/etag.ts';
import { PLATFORM_POLICY_ROLES } from '../../../shared/schemas/second-factor.ts';

export interface RolePolicy {
  role: Role;
  required: boolean;
  graceDays: number;
}

/**
 * Without a stored choice: every professional role must; admins, coordinators and the data protection
 * officer (who reads the whole access log) at once, the others within a week.
 */
export const defaultPolicy = (role: Role): RolePolicy => ({
  role,
  required: true,
  graceDays: role === 'admin' || role === 'coordinator' || role === 'dpo' ? 0 : 7,
});

/** Stored rows saying no role of this collaboration needs a second factor (the demo, and test worlds). */
export const secondFactorNotRequired = (collaborationId: string) =>
  ROLES.map((role) => ({ ...defaultPolicy(role), collaborationId, required: false }));

/** A collaboration's policy for each role, stored or default, in the order of ROLES. */
export async function collaborationPolicy(db: Executor, collaborationId: string): Promise<{ roles: RolePolicy[]; version: number }> {
  const rows = await db.select().from(secondFactorPolicies).where(eq(secondFactorPolicies.collaborationId, collaborationId));
  const byRole = new Map(rows.map((r) => [r.role, r]));
  return {
    roles: ROLES.map((role) => {
      const row = byRole.get(role);
      return row ? { role, required: row.required, graceDays: row.graceDays } : defaultPolicy(role);
    }),
    // One version for the whole policy: the highest of its rows (1 while it is all default).
    version: Math.max(1, ...rows.map((r) => r.version)),
  };
}

export const PLATFORM_ROLES = PLATFORM_POLICY_ROLES;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];
export interface PlatformRolePolicy {
  role: PlatformRole;
  required: boolean;
  graceDays: number;
}

/** The rule for the accounts that see across collaborations, stored or default (required at once). */
export async function platformPolicy(db: Executor): Promise<{ roles: PlatformRolePolicy[]; version: number }> {
  const rows = await db.select().from(platformSecondFactorPolicies);
  const byRole = new Map(rows.map((r) => [r.role, r]));
  return {
    roles: PLATFORM_ROLES.map((role) => {
      const row = byRole.get(role);
      return row ? { role, required: row.required, graceDays: row.graceDays } : { role, required: true, graceDays: 0 };
    }),
    version: Math.max(1, ...rows.map((r) => r.version)),
  };
}

/**
 * Must this person use a second factor, and within how many days of first being asked? The strictest
 * rule over all their collaborations and roles wins; platform administrators and government analysts
 * follow the platform's rule for their role as well.
 */
export async function requirementFor(db: Executor, actor: Actor): Promise<{ required: boolean; graceDays: number }> {
  const rules: { required: boolean; graceDays: number }[] = [];
  if (actor.platformAdmin || actor.governmentAnalyst) {
    const platform = await platformPolicy(db);
    for (const rule of platform.roles) {
      if ((rule.role === 'platform_admin' && actor.platformAdmin) || (rule.role === 'government_analyst' && actor.governmentAnalyst)) rules.push(rule);
    }
  }
  const ids = actor.memberships.map((m) => m.collaborationId);
  const stored = ids.length
    ? await db.select().from(secondFactorPolicies).where(inArray(secondFactorPolicies.collaborationId, ids))
    : [];
  for (const m of actor.memberships) {
    for (const role of m.roles) {
      const row = stored.find((r) => r.collaborationId === m.collaborationId && r.role === role);
      rules.push(row ? { required: row.required, graceDays: row.graceDays } : defaultPolicy(role));
    }
  }
  const graces = rules.filter((r) => r.required).map((r) => r.graceDays);
  return graces.length ? { required: true, graceDays: Math.min(...graces) } : { required: false, graceDays: 0 };
}

/** Replaces a collaboration's policy whole; the collaboration row is locked so two admins cannot interleave. */
export async function savePolicy(tx: Executor, ctx: RequestContext, collaborationId: string, expected: number, roles: RolePolicy[], actorRole: string) {
  await tx.execute(sql`select id from ${collaborations} where id = ${collaborationId} for update`);
  const current = await collaborationPolicy(tx, collaborationId);
  assertVersion(current.version, expected);
  const version = expected + 1;
  for (const r of roles) {
    await tx.insert(secondFactorPolicies)
      .values({ collaborationId, role: r.role, required: r.required, graceDays: r.graceDays, version })
      .onConflictDoUpdate({
        target: [secondFactorPolicies.collaborationId, secondFactorPolicies.role],
        set: { required: r.required, graceDays: r.graceDays, version, updatedAt: new Date() },
      });
  }
  await audit(tx, ctx, { action: 'update', entityType: 'second_factor_policy', entityId: collaborationId, collaborationId, role: actorRole });
  return collaborationPolicy(tx, collaborationId);
}

/** Replaces the platform's rule whole (platform administrators only); serialised by an advisory lock. */
export async function savePlatformPolicy(tx: Executor, ctx: RequestContext, expected: number, roles: PlatformRolePolicy[]) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('platform_second_factor_policies'))`);
  const current = await platformPolicy(tx);
  assertVersion(current.version, expected);
  const version = expected + 1;
  for (const r of roles) {
    await tx.insert(platformSecondFactorPolicies)
      .values({ role: r.role, required: r.required, graceDays: r.graceDays, version })
      .onConflictDoUpdate({
        target: platformSecondFactorPolicies.role,
        set: { required: r.required, graceDays: r.graceDays, version, updatedAt: new Date() },
      });
  }
  await audit(tx, ctx, { action: 'update', entityType: 'platform_second_factor_policy', entityId: null, role: 'platform_admin' });
  return platformPolicy(tx);
}
