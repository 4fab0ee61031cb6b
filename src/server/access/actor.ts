import { sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../shared/roles.ts';
import { type Locale, asLocale } from '../../shared/locales.ts';
import { rowsOf, type Executor } from '../db/connection.ts';

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

/** The columns an Actor is made of, for an active user aliased `u`. */
interface ActorRow {
  user_id: string;
  email: string;
  name: string;
  locale: string;
  platform_admin: boolean;
  government_analyst: boolean;
  memberships: ActorMembership[];
}

/**
 * Everything about the actor in one row, memberships as a JSON list, so that finding out who asks
 * costs one round trip to the database on every request.
 */
export const actorColumns = sql`u.id::text as user_id, u.email, u.name, u.locale, u.platform_admin,
  exists (select 1 from government_analysts g where g.user_id = u.id) as government_analyst,
  coalesce((select json_agg(json_build_object(
      'collaborationId', m.collaboration_id, 'collaborationName', c.name, 'roles', m.roles,
      'partnerOrganisationId', m.partner_organisation_id) order by c.name, m.collaboration_id)
    from memberships m join collaborations c on c.id = m.collaboration_id
    where m.user_id = u.id and m.active), '[]'::json) as memberships`;

export function actorFromRow(row: ActorRow): Actor {
  return {
    userId: row.user_id,
    email: row.email,
    name: row.name,
    locale: asLocale(row.locale),
    platformAdmin: row.platform_admin,
    governmentAnalyst: row.government_analyst,
    memberships: row.memberships,
  };
}

/** One row of actor columns (and `extra` ones) from `from`, which must alias the active user as `u`. */
export async function selectActorRow<Extra extends object>(db: Executor, extra: SQL, from: SQL): Promise<(ActorRow & Extra) | null> {
  const [row] = rowsOf<ActorRow & Extra>(await db.execute(sql`select ${extra} ${actorColumns} ${from}`));
  return row ?? null;
}

export async function loadActor(db: Executor, userId: string): Promise<Actor | null> {
  const row = await selectActorRow(db, sql``, sql`from users u where u.id = ${userId} and u.active`);
  return row ? actorFromRow(row) : null;
}
