import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import type { Member } from '../../../shared/schemas/members.ts';
import type { Role } from '../../../shared/roles.ts';
import type { Executor } from '../../db/connection.ts';
import { memberships, users } from '../../db/schema/index.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';

const memberColumns = {
  userId: users.id,
  email: users.email,
  name: users.name,
  roles: memberships.roles,
  partnerOrganisationId: memberships.partnerOrganisationId,
  active: memberships.active,
  invitationAccepted: sql<boolean>`${users.passwordHash} is not null`,
  version: memberships.version,
};

const present = (row: Omit<Member, 'roles'> & { roles: string[] }): Member => ({ ...row, roles: row.roles as Role[] });

export async function listMembers(db: Executor, collaborationId: string, cursor: string | undefined, limit: number) {
  const after = decodeCursor(cursor);
  const rows = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(
      eq(memberships.collaborationId, collaborationId),
      after ? or(gt(users.name, after[0]), and(eq(users.name, after[0]), gt(users.id, after[1]))) : undefined,
    ))
    .orderBy(asc(users.name), asc(users.id))
    .limit(limit + 1);
  return toPage(rows.map(present), limit, (m) => [m.name, m.userId]);
}

export async function findMember(db: Executor, collaborationId: string, userId: string, forUpdate = false): Promise<Member | null> {
  const query = db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.collaborationId, collaborationId), eq(memberships.userId, userId)));
  const [row] = forUpdate ? await query.for('update', { of: memberships }) : await query;
  return row ? present(row) : null;
}

export async function countActiveAdmins(db: Executor, collaborationId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.collaborationId, collaborationId), eq(memberships.active, true), sql`'admin' = any(${memberships.roles})`));
  return row?.n ?? 0;
}

