import { sql, type SQL } from 'drizzle-orm';
import type { ErasureCause } from '../../../shared/retention-constants.ts';
import { audit } from '../../audit/audit.ts';
import { rowsOf, type Executor, type Tx } from '../../db/connection.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { databaseAttachmentStore, type AttachmentStore } from '../messages/store.ts';

export interface ErasureDecision {
  cause: ErasureCause;
  /** The coordinator who decided; null for the retention job. */
  decidedByUserId: string | null;
  /** The role the decision was made in, for the access log. */
  role: string | null;
  store?: AttachmentStore;
}

export interface ErasureResult {
  familyId: string;
  collaborationId: string;
  counts: Record<string, number>;
}

/**
 * Erases all personal content of one closed family file, in the caller's transaction, and keeps a
 * tombstone without content (`family_erasures`, and the `families` row with its name emptied and
 * `erased_at` set). This is the one sanctioned way past the append-only history: the transaction
 * names the family in `gezinsplan.erasure` and marks its row erased first, which the history
 * triggers check (migration 0017). The access log keeps its rows (they hold ids, never content)
 * and its chain. The figures keep counting the file as it was: their triggers skip erased files.
 */
export async function eraseFamily(tx: Tx, ctx: RequestContext, familyId: string, decision: ErasureDecision): Promise<ErasureResult> {
  const store = decision.store ?? databaseAttachmentStore;
  const [family] = rowsOf<{ collaboration_id: string; display_name: string; status: string; erased: boolean; registered_on: string | null; started_on: string | null; closed_on: string | null; closure_reason: string | null; requested_on: string | null }>(await tx.execute(sql`
    select f.collaboration_id::text as collaboration_id, f.display_name, f.status, f.erased_at is not null as erased,
      (select min(r.received_at at time zone 'Europe/Brussels')::date::text from registrations r where r.collaboration_id = f.collaboration_id and r.family_id = f.id) as registered_on,
      (select t.started_on::text from trajectory_facts t where t.collaboration_id = f.collaboration_id and t.family_id = f.id) as started_on,
      (select t.closed_on::text from trajectory_facts t where t.collaboration_id = f.collaboration_id and t.family_id = f.id) as closed_on,
      (select t.closure_reason from trajectory_facts t where t.collaboration_id = f.collaboration_id and t.family_id = f.id) as closure_reason,
      (select max(q.created_at at time zone 'Europe/Brussels')::date::text from erasure_requests q where q.collaboration_id = f.collaboration_id and q.family_id = f.id and q.status = 'pending') as requested_on
    from families f where f.id = ${familyId} for update`));
  if (!family || family.erased) throw notFound();
  if (family.status !== 'closed') throw new AppError(409, 'family_not_closed');
  const cid = family.collaboration_id;

  // First the mark the history triggers look for, in this transaction.
  await tx.execute(sql`select set_config('gezinsplan.erasure', ${familyId}, true)`);
  await tx.execute(sql`update families set erased_at = now(), display_name = '', legal_hold_reason = null, legal_hold_at = null, legal_hold_by_user_id = null,
    version = version + 1, updated_at = now() where collaboration_id = ${cid} and id = ${familyId}`);

  const people = await familyPeople(tx, cid, familyId, family.display_name);
  const counts: Record<string, number> = {};
  const erase = async (label: string, statement: SQL) => {
    const [row] = rowsOf<{ n: number }>(await tx.execute(sql`with gone as (${statement} returning 1) select count(*)::int as n from gone`));
    counts[label] = (counts[label] ?? 0) + Number(row?.n ?? 0);
  };
  const inFamily = sql`collaboration_id = ${cid} and family_id = ${familyId}`;
  const under = (table: string, key: string) =>
    sql`${sql.identifier(key)} in (select id from ${sql.identifier(table)} where ${inFamily})`;

  // Round tables.
  await erase('meetingNotes', sql`delete from meeting_notes where ${inFamily}`);
  await erase('meetingInvitations', sql`delete from meeting_item_people where collaboration_id = ${cid} and ${under('meeting_items', 'item_id')}`);
  await erase('meetingReplies', sql`delete from meeting_replies where collaboration_id = ${cid} and ${under('meetings', 'meeting_id')}`);
  await erase('meetingItems', sql`delete from meeting_items where ${inFamily}`);
  await erase('meetings', sql`delete from meetings where ${inFamily}`);
  await erase('evaluationReminders', sql`delete from evaluation_reminders where ${inFamily}`);
  // Conversations, messages and the bytes of their attachments.
  const files = rowsOf<{ storage_key: string }>(await tx.execute(sql`select storage_key from attachments where ${inFamily}`));
  await erase('messages', sql`delete from messages where ${inFamily}`);
  await erase('attachments', sql`delete from attachments where ${inFamily}`);
  for (const file of files) await store.delete(tx, file.storage_key);
  await erase('conversationMembers', sql`delete from conversation_members where collaboration_id = ${cid} and ${under('conversations', 'conversation_id')}`);
  await erase('conversations', sql`delete from conversations where ${inFamily}`);
  await erase('leadPeriods', sql`delete from lead_periods where ${inFamily}`);
  // The plan, its history and its saved versions (the sanctioned exception of the history triggers).
  await erase('evaluationGoals', sql`delete from evaluation_goals where collaboration_id = ${cid} and ${under('evaluations', 'evaluation_id')}`);
  await erase('evaluations', sql`delete from evaluations where ${inFamily}`);
  await erase('planVersionItems', sql`delete from plan_version_items where collaboration_id = ${cid} and ${under('plan_versions', 'version_id')}`);
  await erase('planVersions', sql`delete from plan_versions where ${inFamily}`);
  await erase('planChanges', sql`delete from plan_changes where ${inFamily}`);
  await erase('agreements', sql`delete from agreements where ${inFamily}`);
  await erase('planItemMembers', sql`delete from plan_item_members where collaboration_id = ${cid} and ${under('plan_items', 'item_id')}`);
  await erase('planItems', sql`delete from plan_items where ${inFamily}`);
  await erase('contactMoments', sql`delete from contact_moments where ${inFamily}`);
  await erase('reflections', sql`delete from own_strength_reflections where ${inFamily}`);
  // Network and help overview.
  await erase('networkAvailability', sql`delete from network_availability where collaboration_id = ${cid} and ${under('network_people', 'person_id')}`);
  await erase('networkTies', sql`delete from network_ties where ${inFamily}`);
  await erase('networkPeople', sql`delete from network_people where ${inFamily}`);
  await erase('services', sql`delete from family_services where ${inFamily}`);
  // Sharing, closure, team cases, emergency access, homes, requests, and finally the people.
  await erase('consents', sql`delete from consent_grants where ${inFamily}`);
  await erase('priorInvolvements', sql`delete from prior_involvements where ${inFamily}`);
  await erase('closures', sql`delete from family_closures where ${inFamily}`);
  await erase('handovers', sql`delete from family_handovers where ${inFamily}`);
  await erase('teamCaseAdvice', sql`delete from team_case_advice where collaboration_id = ${cid} and ${under('team_cases', 'case_id')}`);
  await erase('teamCases', sql`delete from team_cases where ${inFamily}`);
  await erase('breakGlassGrants', sql`delete from break_glass_grants where ${inFamily}`);
  await erase('memberHomes', sql`delete from family_member_homes where collaboration_id = ${cid} and ${under('family_participants', 'participant_id')}`);
  await erase('homes', sql`delete from family_homes where ${inFamily}`);
  await erase('erasureRequests', sql`delete from erasure_requests where ${inFamily}`);
  await erase('participants', sql`delete from family_participants where ${inFamily}`);
  counts.accounts = await eraseAccounts(tx, people);

  // The registration keeps what the figures count (kind, referrer type, reasons, dates, status), nothing else.
  await erase('registrations', sql`update registrations set family_name = '', family_email = null, family_phone = null, referrer_name = '',
    referrer_organisation = null, referrer_email = null, referrer_phone = null, postcode = '', municipality = '', children = '[]'::jsonb,
    question = '', helpers_involved = null, network_involved = null, closed_reason = null, warm_referral_to = null,
    version = version + 1, updated_at = now() where ${inFamily}`);
  counts.mails = await eraseMails(tx, cid, familyId, people);
  await erase('idempotentAnswers', sql`delete from idempotency_keys where position(${familyId} in body::text) > 0`);

  const kept = Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
  await tx.execute(sql`insert into family_erasures (collaboration_id, family_id, registered_on, started_on, closed_on, closure_reason, cause, requested_on, decided_by_user_id, counts)
    values (${cid}, ${familyId}, ${family.registered_on}::date, ${family.started_on}::date, ${family.closed_on}::date, ${family.closure_reason},
      ${decision.cause}, ${decision.cause === 'request' ? family.requested_on : null}::date, ${decision.decidedByUserId}, ${JSON.stringify(kept)}::jsonb)`);
  await audit(tx, ctx, { action: 'delete', entityType: 'family_erasure', entityId: familyId, collaborationId: cid, familyId, role: decision.role, reason: decision.cause });
  return { familyId, collaborationId: cid, counts: kept };
}

/** A text[] parameter (one bound value, so no quoting of the addresses in SQL). */
const textArray = (values: string[]): SQL => sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

interface FamilyPeople {
  /** Accounts of the family's people that belong to no other family and to no collaboration. */
  userIds: string[];
  /** Addresses of those people and of the family's network, as mail recipients. */
  emails: string[];
  displayName: string;
}

async function familyPeople(tx: Executor, cid: string, familyId: string, displayName: string): Promise<FamilyPeople> {
  const accounts = rowsOf<{ id: string }>(await tx.execute(sql`
    select distinct u.id::text as id from family_participants p join users u on u.id = p.user_id
    where p.collaboration_id = ${cid} and p.family_id = ${familyId} and not u.platform_admin
      and not exists (select 1 from memberships m where m.user_id = u.id)
      and not exists (select 1 from government_analysts g where g.user_id = u.id)
      and not exists (select 1 from family_participants o where o.user_id = u.id and not (o.collaboration_id = ${cid} and o.family_id = ${familyId}))`));
  const emails = rowsOf<{ email: string }>(await tx.execute(sql`
    select lower(p.email) as email from family_participants p where p.collaboration_id = ${cid} and p.family_id = ${familyId} and p.email is not null
      and (p.user_id is null or p.user_id = any(${`{${accounts.map((a) => a.id).join(',')}}`}::uuid[]))
    union select lower(n.email) from network_people n where n.collaboration_id = ${cid} and n.family_id = ${familyId} and n.email is not null
    union select lower(h.contact_email) from family_handovers h where h.collaboration_id = ${cid} and h.family_id = ${familyId}
      and not exists (select 1 from users u join memberships m on m.user_id = u.id where u.email = lower(h.contact_email))
    union select lower(r.family_email) from registrations r where r.collaboration_id = ${cid} and r.family_id = ${familyId} and r.family_email is not null`));
  return { userIds: accounts.map((a) => a.id), emails: emails.map((e) => e.email), displayName };
}

/** The accounts of people who were only there for this family: their sign-ins, calendar address and the account itself. */
async function eraseAccounts(tx: Tx, people: FamilyPeople): Promise<number> {
  // Sign-in counters are keyed 'email:…' and 'link:…'.
  await tx.execute(sql`delete from login_throttle where substring(key from position(':' in key) + 1) = any(${textArray(people.emails)})`);
  if (people.userIds.length === 0) return 0;
  const ids = sql`${`{${people.userIds.join(',')}}`}::uuid[]`;
  for (const table of ['sessions', 'auth_tokens', 'calendar_feeds', 'second_factors', 'recovery_codes']) {
    await tx.execute(sql`delete from ${sql.identifier(table)} where user_id = any(${ids})`);
  }
  const [row] = rowsOf<{ n: number }>(await tx.execute(sql`with gone as (delete from users where id = any(${ids}) returning 1) select count(*)::int as n from gone`));
  return Number(row?.n ?? 0);
}

/**
 * Mails in the outbox about the family: to its people and network, or naming the family (its
 * links carry the family's id, its subjects and texts its name), with their files and send jobs.
 */
async function eraseMails(tx: Tx, cid: string, familyId: string, people: FamilyPeople): Promise<number> {
  const emails = textArray(people.emails);
  const named = people.displayName.length >= 3
    ? sql`or (m.collaboration_id = ${cid} and (position(${people.displayName} in m.subject) > 0 or position(${people.displayName} in m.text) > 0))`
    : sql``;
  const ids = rowsOf<{ id: string }>(await tx.execute(sql`select m.id::text as id from mail_outbox m
    where lower(m."to") = any(${emails}) or position(${familyId} in m.text) > 0 or position(${familyId} in m.html) > 0 ${named}`)).map((r) => r.id);
  if (ids.length === 0) return 0;
  const list = sql`${`{${ids.join(',')}}`}::uuid[]`;
  await tx.execute(sql`delete from jobs where kind = 'mail.send' and (payload ->> 'mailId')::uuid = any(${list})`);
  await tx.execute(sql`delete from mail_attachments where mail_id = any(${list})`);
  await tx.execute(sql`delete from mail_outbox where id = any(${list})`);
  return ids.length;
}
