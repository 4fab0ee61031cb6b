import { sql } from 'drizzle-orm';
import type { Db } from '../src/server/db/connection.ts';
import { DEFAULT_LIFE_DOMAINS } from '../src/shared/pictograms.ts';

/** The tables filled in bulk whose triggers keep the figure facts and tallies. */
const BULK_TABLES = ['families', 'family_participants', 'registrations', 'plan_items', 'contact_moments', 'network_people',
  'family_closures', 'meetings', 'meeting_items', 'meeting_item_people'];

export interface Generated { collaborations: number; families: number; registrations: number; planItems: number; contactMoments: number }

const FAMILY_NAMES = ['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet',
  'Dubois', 'Lambert', 'Dupont', 'Hermans', 'Aerts', 'Van Damme', 'El Amrani', 'Yilmaz', 'Kaya', 'Nowak', 'Popescu', 'Diallo',
  'Haddad', 'Ivanova', 'Verbeeck', 'Michiels', 'Desmet', 'Vermeulen', 'Pauwels', 'Bogaert'];

type Step = (label: string, query: ReturnType<typeof sql>) => Promise<void>;

/**
 * Fictitious data at the scale the figures are made for: 16 collaborations over 10 years, at
 * scale 1 about 100 000 families, 1 million plan items and 2 million contact moments — inserted
 * with set-based SQL (generate_series), so it takes minutes, not hours. `scale` 0.01 gives a
 * quick run. Distributions: more registrations in recent years, CLB and CAW refer most, most
 * first contacts within two weeks (a long tail, some none), 70 % of older trajectories closed,
 * goals on a handful of life domains mostly, ring-2 people in about half of the families, one to
 * three round tables about two months apart (one family in twenty picks up after more than a year).
 * The triggers that keep the figure facts are off during the load; `figures_rebuild()` makes them after.
 */
export async function generate(db: Db, scale: number, log: (line: string) => void = () => undefined): Promise<Generated> {
  // Each step analyzes what it filled: the next step joins it, and with the statistics of an empty
  // table the planner picks nested loops that run for many minutes.
  const step: Step = async (label, query) => {
    const t0 = performance.now();
    await db.execute(query);
    await db.execute(sql`analyze`);
    log(`${label.padEnd(28)} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  // Bulk: the triggers that keep the figure facts and tallies are off while the data goes
  // in, and `figures_rebuild()` makes the facts and tallies at the end, set-based, as the migration does.
  for (const table of BULK_TABLES) await db.execute(sql.raw(`alter table ${table} disable trigger user`));
  let made: Generated;
  try {
    made = await fill(db, scale, step);
  } finally {
    for (const table of BULK_TABLES) await db.execute(sql.raw(`alter table ${table} enable trigger user`));
  }
  await step('figure facts and tallies', sql`select figures_rebuild()`);
  await step('vacuum analyze', sql`vacuum analyze`);
  for (const table of ['bench_f', 'bench_coach', 'bench_c']) await db.execute(sql.raw(`drop table ${table}`));
  return made;
}

async function fill(db: Db, scale: number, step: Step): Promise<Generated> {
  const families = Math.max(160, Math.round(100_000 * scale));
  const coachesPer = Math.max(4, Math.round(25 * Math.sqrt(scale)));
  const names = sql.raw(`array[${FAMILY_NAMES.map((n) => `'${n.replace(/'/g, "''")}'`).join(',')}]`);

  await step('collaborations', sql`
    insert into collaborations (name, contact_email)
    select 'Regio ' || n || ' (bench)', 'onthaal' || n || '@bench.example' from generate_series(1, 16) n`);
  for (const table of ['bench_f', 'bench_coach', 'bench_c']) await db.execute(sql.raw(`drop table if exists ${table}`));
  await step('life domains, partners', sql`
    with c as (select id from collaborations where name like '% (bench)')
    insert into life_domains (collaboration_id, label_nl, label_en, pictogram, position)
    select c.id, d.label_nl, d.label_en, d.pictogram, d.position from c cross join (values ${sql.join(DEFAULT_LIFE_DOMAINS.map((d, i) => sql`(${d.labelNl}, ${d.labelEn}, ${d.pictogram}, ${i}::int)`), sql`, `)}) d(label_nl, label_en, pictogram, position)`);
  await db.execute(sql`
    insert into partner_organisations (collaboration_id, name, kind)
    select c.id, k.kind || ' ' || c.name, k.kind from collaborations c
    cross join (values ('clb'), ('caw'), ('ocmw'), ('ckg'), ('cgg')) k(kind) where c.name like '% (bench)'`);
  // Numbered collaborations (1–16), for picking one per generated row without a join per row.
  await db.execute(sql`create table bench_c as select row_number() over (order by name)::int as n, id from collaborations where name like '% (bench)'`);
  await step('coaches', sql`
    with u as (
      insert into users (email, name)
      select 'coach' || c.n || '-' || k || '@bench.example', 'Coach ' || c.n || '-' || k from bench_c c cross join generate_series(1, ${coachesPer}) k
      returning id, email
    )
    insert into memberships (collaboration_id, user_id, roles, partner_organisation_id)
    select c.id, u.id, array['coach'], (select po.id from partner_organisations po where po.collaboration_id = c.id order by po.name limit 1 offset (k % 5))
    from u join bench_c c on split_part(split_part(u.email, '-', 1), 'coach', 2)::int = c.n
    cross join lateral (select split_part(split_part(u.email, '-', 2), '@', 1)::int as k) kk`);
  // A few coaches work in a second collaboration too.
  await db.execute(sql`
    insert into memberships (collaboration_id, user_id, roles, partner_organisation_id)
    select c2.id, m.user_id, array['coach'], null from memberships m join bench_c c on c.id = m.collaboration_id
    join bench_c c2 on c2.n = c.n % 16 + 1
    where m.user_id in (select id from users where email like 'coach%-1@bench.example')`);
  await db.execute(sql`create table bench_coach as
    select c.n, row_number() over (partition by c.n order by m.user_id)::int as k, m.user_id from memberships m join bench_c c on c.id = m.collaboration_id`);

  // Families: started over 10 years, more in recent years (sqrt), 70 % of those older than a year closed.
  await step(`families (${families})`, sql`
    create table bench_f as
    select i, 1 + (i % 16) as n, gen_random_uuid() as id,
      now() - (interval '3650 days' * (1 - sqrt(random()))) as started_at, random() as r
    from generate_series(1, ${families}) i`);
  await step('family files', sql`
    insert into families (collaboration_id, id, display_name, status, created_at, updated_at)
    select c.id, f.id, 'Gezin ' || (${names})[1 + (f.i % 30)] || ' ' || f.i,
      case when f.started_at < now() - interval '365 days' and f.r < 0.7 then 'closed' else 'active' end,
      f.started_at, case when f.started_at < now() - interval '365 days' and f.r < 0.7 then f.started_at + interval '1 day' * (60 + 400 * f.r) else f.started_at end
    from bench_f f join bench_c c on c.n = f.n`);
  await step('participants', sql`
    insert into family_participants (collaboration_id, family_id, display_name, role, ring, user_id)
    select c.id, f.id, 'Ouder ' || f.i, 'parent', 1, null from bench_f f join bench_c c on c.n = f.n
    union all
    select c.id, f.id, 'Coach', 'coach', 3, bc.user_id from bench_f f join bench_c c on c.n = f.n
      join bench_coach bc on bc.n = f.n and bc.k = 1 + (f.i * 7 % ${coachesPer})
    union all
    select c.id, f.id, 'Coach', 'coach', 3, bc.user_id from bench_f f join bench_c c on c.n = f.n
      join bench_coach bc on bc.n = f.n and bc.k = 1 + ((f.i * 7 + 1) % ${coachesPer}) where f.r < 0.25`);

  // Registrations: one per family (trajectory started), and 20 % more that became none (consultations, not started, open).
  await step('registrations', sql`
    insert into registrations (collaboration_id, received_at, kind, status, referrer_type, referrer_name, family_name, family_language,
      postcode, municipality, reasons, question, family_consent, first_contact_at, first_contact_method, family_id)
    select c.id, x.received_at, x.kind, x.status,
      (array['clb','clb','clb','caw','caw','huis_van_het_kind','kind_en_gezin','ocmw','ocj','crisis_youth_care','gp','school','school','other','family_itself'])[1 + floor(random() * 15)::int],
      'Aanmelder', 'Gezin ' || x.i, 'nl', '1000', 'Brussel',
      case when random() < 0.5 then array['many_helpers'] when random() < 0.5 then array['waiting_bridging', 'question_unclear'] else array['other'] end,
      'Vraag', true, x.contact_at, case when x.contact_at is null then null else 'phone' end, x.family_id
    from (
      select f.i, f.n, f.started_at - interval '1 day' * (8 + 20 * random()) as received_at, 'family' as kind, 'trajectory_started' as status,
        f.started_at - interval '1 day' * (8 * random()) as contact_at, f.id as family_id
      from bench_f f
      union all
      select i, 1 + (i % 16), now() - (interval '3650 days' * (1 - sqrt(random()))),
        case when i % 3 = 0 then 'consultation' else 'family' end,
        case when i % 3 = 0 then 'consultation_answered' when i % 3 = 1 then 'not_started' else 'new' end,
        null, null
      from generate_series(1, ${Math.round(families * 0.2)}) i
    ) x join bench_c c on c.n = x.n`);
  // First contact: mostly within two weeks, a long tail, none for open ones.
  await db.execute(sql`
    update registrations set first_contact_at = received_at + interval '1 day' * floor(-ln(1 - random() * 0.999) * 9), first_contact_method = 'phone'
    where status = 'not_started' and collaboration_id in (select id from bench_c)`);

  const items = Math.round(families * 10);
  await step(`plan items (${items})`, sql`
    insert into plan_items (collaboration_id, family_id, kind, text, life_domain_id, status, position, created_at)
    select c.id, f.id, k.kind, 'Tekst', ld.id,
      case when k.kind <> 'goal' then 'active' else (array['active','reached','reached','partly_reached','not_reached','dropped'])[1 + floor(random() * 6)::int] end,
      j, f.started_at + interval '1 day' * j
    from bench_f f join bench_c c on c.n = f.n cross join generate_series(1, 10) j
    cross join lateral (select (array['question','strength','strength','worry','worry','worry','goal','goal','goal','goal'])[j] as kind) k
    join life_domains ld on ld.collaboration_id = c.id and ld.position = (f.i + j * j) % 13`);

  const contacts = Math.round(families * 20);
  await step(`contact moments (${contacts})`, sql`
    insert into contact_moments (collaboration_id, family_id, occurred_on, place, summary, minutes_spent, created_by_user_id)
    select c.id, f.id, (f.started_at + interval '1 day' * (j * 9 * random()))::date,
      (array['home','home','school','office','phone','online'])[1 + (j % 6)], 'Verslag', 15 + (j * 13 % 90), bc.user_id
    from bench_f f join bench_c c on c.n = f.n cross join generate_series(1, 20) j
    join bench_coach bc on bc.n = f.n and bc.k = 1 + (f.i * 7 % ${coachesPer})`);
  await step('network people', sql`
    insert into network_people (collaboration_id, family_id, name, ring, status)
    select c.id, f.id, 'Persoon ' || j, case when j = 1 then 1 when f.r < 0.55 and j = 2 then 2 else 3 end,
      case when j = 2 and f.i % 10 = 0 then 'declined' else 'involved' end
    from bench_f f join bench_c c on c.n = f.n cross join generate_series(1, 3) j`);
  // Closures: every closed family has its closure in force (on its last change); reasons spread,
  // 40 % with a warm handover. 5 % of the active families older than a year were closed once and reopened.
  await step('closures', sql`
    insert into family_closures (collaboration_id, family_id, closed_at, reason, summary, duration_days, warm_handover, reopened_at)
    select f.collaboration_id, f.id, x.closed_at,
      (array['goals_reached','goals_reached','goals_reached','warm_referral','warm_referral','family_stopped','moved','other'])[1 + floor(random() * 8)::int],
      'Afgesloten', ((x.closed_at at time zone 'Europe/Brussels')::date - (f.created_at at time zone 'Europe/Brussels')::date), random() < 0.4,
      case when f.status = 'active' then x.closed_at + interval '1 day' * (10 + 50 * random()) end
    from families f join bench_c c on c.id = f.collaboration_id
    cross join lateral (select case when f.status = 'closed' then f.updated_at else f.created_at + interval '1 day' * (60 + 200 * random()) end as closed_at) x
    where f.status = 'closed' or (f.created_at < now() - interval '365 days' and random() < 0.05)`);

  // Round tables: 1 to 3 per family, about every two months from the start (not after the closure);
  // one in eight an evaluation round, one in twenty cancelled, a few deleted. A ring-2 person in the
  // circle of the families with an informal network; invited to most round tables, attending many.
  await step('ring-2 participants', sql`
    insert into family_participants (collaboration_id, family_id, display_name, role, ring)
    select c.id, f.id, 'Oma ' || f.i, 'network_member', 2 from bench_f f join bench_c c on c.n = f.n where f.r < 0.55`);
  await step('round tables', sql`
    insert into meetings (collaboration_id, family_id, kind, title, starts_at, ends_at, status, deleted_at)
    select f.collaboration_id, f.id, case when random() < 0.125 then 'evaluation' else 'round_table' end, 'Rondetafel', x.starts_at,
      x.starts_at + interval '90 minutes', case when random() < 0.05 then 'cancelled' else 'planned' end,
      case when random() < 0.02 then x.starts_at - interval '3 days' end
    from families f join bench_c c on c.id = f.collaboration_id
    cross join generate_series(1, 3) j
    cross join lateral (select f.created_at + interval '1 day' * (j * 60 - 30 + 20 * random()) as starts_at) x
    where j <= 1 + (abs(hashtext(f.id::text)) % 3) and (f.status <> 'closed' or x.starts_at < f.updated_at)`);
  // One family in twenty picks up again after a pause of more than a year.
  await db.execute(sql`
    insert into meetings (collaboration_id, family_id, kind, title, starts_at, ends_at, status)
    select f.collaboration_id, f.id, 'round_table', 'Rondetafel', f.created_at + interval '520 days', f.created_at + interval '520 days 90 minutes', 'planned'
    from families f join bench_c c on c.id = f.collaboration_id
    where abs(hashtext(f.id::text)) % 20 = 0 and f.status = 'active' and f.created_at < now() - interval '520 days'`);
  await step('agenda items', sql`
    insert into meeting_items (collaboration_id, family_id, meeting_id, title, starts_at, ends_at)
    select m.collaboration_id, m.family_id, m.id, 'Agendapunt', m.starts_at, m.ends_at
    from meetings m join bench_c c on c.id = m.collaboration_id`);
  await step('round-table people', sql`
    insert into meeting_item_people (collaboration_id, item_id, participant_id, invited, attended)
    select mi.collaboration_id, mi.id, fp.id, fp.role <> 'network_member' or random() < 0.7,
      case when mi.ends_at < now() then random() < 0.8 end
    from meeting_items mi join bench_c c on c.id = mi.collaboration_id
    join family_participants fp on fp.collaboration_id = mi.collaboration_id and fp.family_id = mi.family_id
      and fp.role in ('parent', 'network_member', 'coach') and fp.removed_at is null`);
  return { collaborations: 16, families, registrations: Math.round(families * 1.2), planItems: items, contactMoments: contacts };
}
