import { and, eq, gt, inArray, isNull, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { ParticipantRole } from '../../shared/roles.ts';
import { rowsOf, type Executor } from '../db/connection.ts';
import { breakGlassGrants, consentGrants, families, familyParticipants } from '../db/schema/index.ts';
import { forbidden, notFound } from '../http/errors.ts';
import type { Actor } from './actor.ts';

/**
 * What one actor may see of one family. Every query on family data applies this scope in its WHERE:
 * lists, counts, search, history, exports, feeds and notifications alike. Nothing is filtered after
 * the query, so what is out of scope is never loaded at all.
 *
 * - `full`: the family's coaches and its parents / young people: every topic, except items another
 *   family member marked private (coaches see those too).
 * - `consented`: network members, outside professionals, children: only topics (a life domain or
 *   a single item) the family shared with them through an active, unexpired, unrevoked grant.
 * - `metadata`: coordinators of the collaboration who are not in the family's circle: the family
 *   record (to register and assign), no plan content.
 * - `emergency`: someone of the collaboration outside the circle with a running emergency access
 *   (break-glass) grant: reads what the family's coaches read, except items a family member marked
 *   private; never changes anything (403). Every read is logged as break-glass.
 */
export interface FamilyScope {
  collaborationId: string;
  familyId: string;
  participantId: string | null;
  participantRole: ParticipantRole | null;
  reach: 'full' | 'consented' | 'metadata' | 'emergency';
  /** The running break-glass grant that gives the `emergency` reach. */
  emergency: { grantId: string; endsAt: Date } | null;
  /**
   * The trajectory is closed: the file is read-only for everyone (403 on every change) until a
   * coach reopens it.
   */
  closed: boolean;
}

/** How long the family keeps reading its file after the trajectory closed (`CLOSED_READ_ACCESS_MONTHS`). */
let readAccessMonths = 12;
export function setClosedReadAccessMonths(months: number): void {
  readAccessMonths = months;
}
export const closedReadAccessMonths = (): number => readAccessMonths;

/**
 * Whether participant `p` (an alias of family_participants) still has their place in the circle,
 * given the state of the trajectory of family `f`. While the trajectory runs: yes. After closing:
 * its coaches keep reading; the family (ring 1) keeps reading for CLOSED_READ_ACCESS_MONTHS after
 * the closure; the contact person of an approved warm handover keeps what the family shared with
 * them; everyone else in the circle loses their place.
 */
function placeLive(fCollaboration: SQL | AnyColumn, fId: SQL | AnyColumn, fStatus: SQL | AnyColumn, p: string): SQL {
  const pid = sql.raw(`${p}.id`);
  const prole = sql.raw(`${p}.role`);
  return sql`(${fStatus} <> 'closed' or ${prole} = 'coach'
    or (${prole} in ('parent','young_person','child','housemate') and exists (select 1 from family_closures fc
      where fc.collaboration_id = ${fCollaboration} and fc.family_id = ${fId} and fc.reopened_at is null
        and fc.closed_at + make_interval(months => ${readAccessMonths}::int) > now()))
    or exists (select 1 from family_handovers fh where fh.collaboration_id = ${fCollaboration} and fh.family_id = ${fId}
      and fh.status = 'approved' and fh.participant_id = ${pid}))`;
}

export const FULL_ROLES: readonly ParticipantRole[] = ['coach', 'parent', 'young_person'];

const coordinatorCollaborations = (actor: Actor) =>
  actor.memberships.filter((m) => m.roles.includes('coordinator')).map((m) => m.collaborationId);

/** A break-glass grant of this user that is running now (not ended, not past its end). */
export const breakGlassRunning = (userId: string): SQL =>
  and(eq(breakGlassGrants.userId, userId), isNull(breakGlassGrants.endedAt), gt(breakGlassGrants.endsAt, sql`now()`))!;

/**
 * The families an actor can know exist: for family lists, counts and search. One uncorrelated set
 * of (collaboration, family) keys, which PostgreSQL builds once per query from the indexes and
 * joins by primary key; an EXISTS per family row made it visit every family of the database (with
 * 100 000 families, seconds per list).
 */
export function visibleFamiliesWhere(actor: Actor): SQL {
  const coordinated = coordinatorCollaborations(actor);
  const member = actor.memberships.map((m) => m.collaborationId);
  const sets: SQL[] = [];
  if (coordinated.length > 0) sets.push(sql`select v.collaboration_id, v.id from families v where ${inArray(sql`v.collaboration_id`, coordinated)}`);
  sets.push(sql`select p.collaboration_id, p.family_id from ${familyParticipants} p
    join families pf on pf.collaboration_id = p.collaboration_id and pf.id = p.family_id
    where p.user_id = ${actor.userId} and p.removed_at is null
      and ${placeLive(sql`pf.collaboration_id`, sql`pf.id`, sql`pf.status`, 'p')}`);
  // A coach with a running emergency access finds that family (only while it runs, only while a member).
  if (member.length > 0) {
    sets.push(sql`select g.collaboration_id, g.family_id from break_glass_grants g
      where ${inArray(sql`g.collaboration_id`, member)} and g.user_id = ${actor.userId} and g.ended_at is null and g.ends_at > now()`);
  }
  // An erased file is a tombstone without content: for everyone it does not exist.
  return and(isNull(families.erasedAt), sql`(${families.collaborationId}, ${families.id}) in (${sql.join(sets, sql` union all `)})`)!;
}

/**
 * Loads the scope for one family, or answers 404 exactly as for a family that does not exist. One
 * query: whether the family is in sight, and the asker's live place in its circle.
 */
export async function loadFamilyScope(db: Executor, actor: Actor, familyId: string): Promise<FamilyScope> {
  const [family] = rowsOf<{ collaboration_id: string; id: string; status: string; participant_id: string | null; participant_role: ParticipantRole | null; grant_id: string | null; grant_ends_ms: number | string | null }>(await db.execute(sql`
    select ${families.collaborationId}::text as collaboration_id, ${families.id}::text as id, ${families.status} as status,
      p.id::text as participant_id, p.role as participant_role,
      bg.id::text as grant_id, (extract(epoch from bg.ends_at) * 1000)::float8 as grant_ends_ms
    from ${families}
    left join lateral (select fp.id, fp.role from family_participants fp
      where fp.collaboration_id = ${families.collaborationId} and fp.family_id = ${families.id}
        and fp.user_id = ${actor.userId} and fp.removed_at is null
        and ${placeLive(families.collaborationId, families.id, families.status, 'fp')}
      limit 1) p on true
    left join lateral (select g.id, g.ends_at from break_glass_grants g
      where g.collaboration_id = ${families.collaborationId} and g.family_id = ${families.id}
        and g.user_id = ${actor.userId} and g.ended_at is null and g.ends_at > now()
      limit 1) bg on true
    where ${families.id} = ${familyId} and ${visibleFamiliesWhere(actor)}`));
  if (!family) throw notFound();
  const role = family.participant_role;
  const grant = role ? null : family.grant_id ? { grantId: family.grant_id, endsAt: new Date(Number(family.grant_ends_ms)) } : null;
  const reach = role ? (FULL_ROLES.includes(role) ? 'full' : 'consented') : grant ? 'emergency' : 'metadata';
  return {
    collaborationId: family.collaboration_id,
    familyId: family.id,
    participantId: family.participant_id,
    participantRole: role,
    reach,
    emergency: grant,
    closed: family.status === 'closed',
  };
}

/** The role an access-log row names for a read in this scope: `break_glass` during emergency access. */
export const auditRole = (scope: FamilyScope): string | null => (scope.emergency ? 'break_glass' : scope.participantRole);


/** The columns of a family item table that the topic filter needs. */
export interface TopicColumns {
  /** The kind of item a single-item grant names: fixed per table, or a column (plan_items.kind, plan_changes.item_type). */
  itemType: string | AnyColumn;
  id: AnyColumn;
  lifeDomainId: AnyColumn;
  /** Marked private by its author in the family. */
  isPrivate?: AnyColumn;
  authorParticipantId?: AnyColumn;
  /** The family member a coach wrote the item for: a private one stays theirs too. */
  onBehalfOfParticipantId?: AnyColumn;
}

/**
 * The WHERE condition for items of one family: what this scope may read (or, with 'contribute',
 * add to). Combine it with the item table's own collaboration and family condition.
 */
export function topicWhere(scope: FamilyScope, item: TopicColumns, level: 'read' | 'contribute' = 'read'): SQL {
  // Emergency access reads what the coaches read, except what a family member marked private.
  if (scope.reach === 'emergency') return level === 'read' && item.isPrivate ? sql`${item.isPrivate} is not true` : level === 'read' ? sql`true` : sql`false`;
  if (scope.reach === 'metadata' || !scope.participantId) return sql`false`;
  const notOthersPrivate = item.isPrivate
    ? or(
      sql`${item.isPrivate} is not true`,
      item.authorParticipantId ? eq(item.authorParticipantId, scope.participantId) : undefined,
      item.onBehalfOfParticipantId ? eq(item.onBehalfOfParticipantId, scope.participantId) : undefined,
    )!
    : sql`true`;
  if (scope.reach === 'full') return scope.participantRole === 'coach' ? sql`true` : notOthersPrivate;
  const levels = level === 'read' ? sql`('read','contribute')` : sql`('contribute')`;
  // What is about a young person (12+) they share themselves, item by item: a parent's grant of a
  // whole life domain does not reach it.
  const domainReaches = item.authorParticipantId ? sql`not ${aboutYoungPerson(scope, item.id, item.authorParticipantId)}` : sql`true`;
  const granted = sql`exists (select 1 from consent_grants g
    where g.collaboration_id = ${scope.collaborationId} and g.family_id = ${scope.familyId}
      and g.participant_id = ${scope.participantId} and g.status = 'active' and g.level in ${levels}
      and g.revoked_at is null and (g.valid_until is null or g.valid_until > now())
      and ((g.life_domain_id = ${item.lifeDomainId} and ${domainReaches}) or (g.item_type = ${item.itemType} and g.item_id = ${item.id})))`;
  const shared = and(notOthersPrivate, granted)!;
  // What a person wrote themselves stays visible to them, shared or not.
  return item.authorParticipantId ? or(eq(item.authorParticipantId, scope.participantId), shared)! : shared;
}

/**
 * Whether an item is about a young person of the family: they wrote it, it names them as one of its
 * members, or (an agreement) they took it on. Works on any table keyed by the item's id, so live
 * items, history rows and saved versions agree.
 */
export function aboutYoungPerson(scope: FamilyScope, itemId: AnyColumn, authorParticipantId: AnyColumn): SQL {
  return sql`exists (select 1 from family_participants yp
    where yp.collaboration_id = ${scope.collaborationId} and yp.family_id = ${scope.familyId} and yp.role = 'young_person'
      and (yp.id = ${authorParticipantId}
        or exists (select 1 from plan_item_members m where m.collaboration_id = yp.collaboration_id and m.item_id = ${itemId} and m.participant_id = yp.id)
        or exists (select 1 from agreements a where a.collaboration_id = yp.collaboration_id and a.id = ${itemId} and a.owner_participant_id = yp.id)))`;
}

/**
 * Reading the plan and everything in the file beyond the family record: a place in the family's
 * circle, or a running emergency access. A coordinator without either gets 404, exactly as for a
 * family that does not exist.
 */
export function requireReader(scope: FamilyScope): FamilyScope {
  if (scope.reach === 'emergency') return scope;
  return requireInCircle(scope);
}

/**
 * The plan and everything in the file beyond the family record need a place in the family's circle:
 * a coordinator outside it gets 404, exactly as for a family that does not exist. Emergency access
 * sees the file but is no place in the circle: everything that needs one (any change) is 403.
 */
export function requireInCircle(scope: FamilyScope): FamilyScope & { participantId: string; participantRole: ParticipantRole } {
  if (scope.reach === 'emergency') throw forbidden();
  if (scope.reach === 'metadata' || !scope.participantId || !scope.participantRole) throw notFound();
  return scope as FamilyScope & { participantId: string; participantRole: ParticipantRole };
}

/**
 * A change by someone in the circle (a message, a note, a reply, the lead) on a file that is still
 * open: once the trajectory is closed the file is read-only for everyone (403) until it is reopened.
 */
export function requireOpenInCircle(scope: FamilyScope): FamilyScope & { participantId: string; participantRole: ParticipantRole } {
  const inCircle = requireInCircle(scope);
  if (scope.closed) throw forbidden();
  return inCircle;
}

/**
 * Who may change the family's file: its coaches, parents and young people (the family is in
 * charge). Others in the circle may read what was shared with them, not change it: 403.
 */
export function requireWriter(scope: FamilyScope): FamilyScope & { participantId: string; participantRole: ParticipantRole } {
  const inCircle = requireInCircle(scope);
  if (scope.reach !== 'full' || scope.closed) throw forbidden();
  return inCircle;
}

/**
 * Who may add to (or change what they added to) one life domain of the plan: the family and its
 * coaches, and anyone the family let "also add" to that domain (a `contribute` grant in effect).
 * Someone else's item stays the family's to change. Visible but not allowed: 403.
 */
export async function requireContributor(
  db: Executor, scope: FamilyScope, lifeDomainId: string | null | undefined, authorParticipantId?: string | null,
): Promise<FamilyScope & { participantId: string; participantRole: ParticipantRole }> {
  const inCircle = requireInCircle(scope);
  if (scope.closed) throw forbidden();
  if (scope.reach === 'full') return inCircle;
  if (!lifeDomainId || (authorParticipantId !== undefined && authorParticipantId !== scope.participantId)) throw forbidden();
  if (!(await contributeLifeDomains(db, scope)).includes(lifeDomainId)) throw forbidden();
  return inCircle;
}

/** A grant that counts: not revoked, not past its end date (active, or proposed and waiting). */
export const grantLive = (): SQL => and(isNull(consentGrants.revokedAt), or(isNull(consentGrants.validUntil), sql`${consentGrants.validUntil} > now()`))!;

/** The life domains someone outside the family may add to: their `contribute` grants in effect. */
export async function contributeLifeDomains(db: Executor, scope: FamilyScope): Promise<string[]> {
  if (scope.reach !== 'consented' || !scope.participantId) return [];
  const rows = await db.select({ id: consentGrants.lifeDomainId }).from(consentGrants).where(and(
    eq(consentGrants.collaborationId, scope.collaborationId), eq(consentGrants.familyId, scope.familyId), eq(consentGrants.participantId, scope.participantId),
    eq(consentGrants.status, 'active'), eq(consentGrants.level, 'contribute'), grantLive(),
  ));
  return [...new Set(rows.map((r) => r.id).filter((id): id is string => id !== null))];
}

/**
 * The reach of the receiving service's contact person of a warm handover (an outside professional
 * of the circle), for the family or a coach who makes the document of what the family passes on:
 * exactly what the family's grants give that person now, nothing more.
 */
export function handoverReceiverScope(asker: FamilyScope, receiverParticipantId: string): FamilyScope {
  if (asker.reach !== 'full') throw notFound();
  return { ...asker, participantId: receiverParticipantId, participantRole: 'outside_professional', reach: 'consented', emergency: null };
}
