import { sql } from 'drizzle-orm';
import type { Caseload } from '../../../shared/schemas/caseload.ts';
import { rowsOf, type Executor } from '../../db/connection.ts';
import { monthsOf } from '../figures/calendar.ts';

/**
 * The team's caseload: per coach (a member with the coach role) the families they coach now and the
 * minutes of the contact moments they wrote in the period, per month; per partner organisation the
 * same, with a family counted once however many of its coaches come from that organisation.
 * Aggregates only: no family appears in the answer.
 */
export async function loadCaseload(db: Executor, collaborationId: string, from: string, to: string): Promise<Caseload> {
  const coaches = rowsOf(await db.execute(sql`
    select m.user_id::text as user_id, u.name, m.partner_organisation_id::text as partner_id, po.name as partner_name,
      (select count(distinct p.family_id)::int from family_participants p join families f on f.collaboration_id = p.collaboration_id and f.id = p.family_id
        where p.collaboration_id = m.collaboration_id and p.user_id = m.user_id and p.role = 'coach' and p.removed_at is null and f.status <> 'closed') as families
    from memberships m join users u on u.id = m.user_id
      left join partner_organisations po on po.collaboration_id = m.collaboration_id and po.id = m.partner_organisation_id
    where m.collaboration_id = ${collaborationId} and m.active and 'coach' = any(m.roles)
    order by u.name, m.user_id`));
  const minutes = rowsOf(await db.execute(sql`
    select p.user_id::text as user_id, to_char(c.occurred_on, 'YYYY-MM') as month, sum(c.minutes_spent)::int as minutes
    from contact_moments c join family_participants p on p.collaboration_id = c.collaboration_id and p.id = c.author_participant_id
    where c.collaboration_id = ${collaborationId} and c.deleted_at is null and c.minutes_spent is not null and p.role = 'coach' and p.user_id is not null
      and c.occurred_on between ${from}::date and ${to}::date
    group by 1, 2`));
  const partnerFamilies = rowsOf(await db.execute(sql`
    select m.partner_organisation_id::text as partner_id, count(distinct p.family_id)::int as families
    from memberships m join family_participants p on p.collaboration_id = m.collaboration_id and p.user_id = m.user_id and p.role = 'coach' and p.removed_at is null
      join families f on f.collaboration_id = p.collaboration_id and f.id = p.family_id and f.status <> 'closed'
    where m.collaboration_id = ${collaborationId} and m.active and 'coach' = any(m.roles)
    group by 1`));
  const months = monthsOf(from, to);
  const perUser = new Map<string, Map<string, number>>();
  for (const r of minutes) {
    const user = perUser.get(r.user_id as string) ?? new Map<string, number>();
    user.set(r.month as string, Number(r.minutes));
    perUser.set(r.user_id as string, user);
  }
  const perMonth = (byMonth: Map<string, number> | undefined) => months.map((month) => ({ month, minutes: byMonth?.get(month) ?? 0 }));
  const coachRows = coaches.map((c) => {
    const byMonth = perUser.get(c.user_id as string);
    return {
      userId: c.user_id as string, name: c.name as string, partnerOrganisationId: (c.partner_id as string | null) ?? null, partnerOrganisationName: (c.partner_name as string | null) ?? null,
      families: Number(c.families), minutes: [...(byMonth?.values() ?? [])].reduce((a, b) => a + b, 0), perMonth: perMonth(byMonth),
    };
  });
  const partners = new Map<string | null, Caseload['partners'][number]>();
  for (const c of coachRows) {
    const p = partners.get(c.partnerOrganisationId) ?? { partnerOrganisationId: c.partnerOrganisationId, name: c.partnerOrganisationName, coaches: 0, families: 0, minutes: 0, perMonth: months.map((month) => ({ month, minutes: 0 })) };
    p.coaches += 1;
    p.minutes += c.minutes;
    c.perMonth.forEach((pm, i) => { p.perMonth[i]!.minutes += pm.minutes; });
    partners.set(c.partnerOrganisationId, p);
  }
  for (const pf of partnerFamilies) {
    const p = partners.get((pf.partner_id as string | null) ?? null);
    if (p) p.families = Number(pf.families);
  }
  return { from, to, months, coaches: coachRows, partners: [...partners.values()].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '')) };
}
