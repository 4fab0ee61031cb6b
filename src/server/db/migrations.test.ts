import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, unmigratedDatabase } from '../test/database.ts';
import { migrationsFolder, type Database } from './connection.ts';
import { collaborations, postcodes } from './schema/index.ts';

const EXPECTED_TABLES = [
  'access_log', 'access_log_checkpoints', 'agreements', 'attachment_contents', 'attachments', 'auth_tokens', 'break_glass_grants', 'calendar_feeds', 'coach_facts',
  'coach_minute_tallies', 'collaborations', 'consent_grants', 'contact_moments', 'conversation_members',
  'conversations', 'erasure_requests', 'evaluation_goals', 'evaluation_reminders', 'evaluations', 'families', 'family_closures', 'family_erasures',
  'family_handovers', 'family_homes', 'family_member_homes', 'family_participants', 'family_services',
  'government_analysts', 'idempotency_keys', 'identity_provider_domains', 'identity_providers', 'jobs', 'lead_periods', 'life_domains', 'login_throttle',
  'mail_attachments', 'mail_outbox', 'meeting_item_people', 'meeting_items', 'meeting_notes',
  'meeting_replies', 'meetings', 'memberships', 'messages', 'network_availability', 'network_people',
  'network_ties', 'own_strength_reflections', 'partner_organisations', 'plan_changes', 'plan_item_members',
  'plan_items', 'plan_templates', 'plan_version_items', 'plan_versions', 'platform_second_factor_policies', 'postcodes', 'prior_involvements', 'recovery_codes',
  'registration_coaches', 'registration_tallies', 'registrations', 'round_table_facts', 'round_table_long_gaps', 'second_factor_policies', 'second_factors', 'sessions', 'social_map_entries', 'sso_sign_ins',
  'team_case_advice', 'team_cases', 'team_meetings', 'trajectory_facts', 'trajectory_tallies', 'users',
];

let database: Database;
beforeAll(async () => {
  database = await unmigratedDatabase();
});
afterAll(async () => {
  await database?.close();
});

const rows = async <T>(query: ReturnType<typeof sql>) => ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
const tables = async () =>
  (await rows<{ name: string }>(sql`select table_name::text as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name::text collate "C"`)).map((r) => r.name);
const applied = async () => (await rows<{ hash: string }>(sql`select hash from drizzle.__drizzle_migrations order by id`)).map((r) => r.hash);

describe('migrations', () => {
  it('every SQL file is in the journal and every journal entry has its file', async () => {
    const journal = JSON.parse(await readFile(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
    const files = (await readdir(migrationsFolder)).filter((f) => f.endsWith('.sql')).sort();
    expect(journal.entries.map((e) => `${e.tag}.sql`)).toEqual(files);
    expect(journal.entries.map((e) => e.idx)).toEqual(files.map((_, i) => i));
  });

  it('build the whole schema on an empty database', async () => {
    expect(await tables()).toEqual([]);
    await database.migrate();
    expect(await tables()).toEqual(EXPECTED_TABLES);
    const triggers = await rows<{ name: string }>(sql`select tgname::text as name from pg_trigger where tgrelid = 'access_log'::regclass and not tgisinternal order by 1`);
    expect(triggers.map((t) => t.name)).toEqual(['access_log_append_only', 'access_log_no_truncate']);
    const checkpointTriggers = await rows<{ name: string }>(sql`select tgname::text as name from pg_trigger where tgrelid = 'access_log_checkpoints'::regclass and not tgisinternal order by 1`);
    expect(checkpointTriggers.map((t) => t.name)).toEqual(['access_log_checkpoints_append_only', 'access_log_checkpoints_no_truncate']);
    // The plan's history and saved versions are evidence too.
    const history = await rows<{ name: string }>(sql`select tgname::text as name from pg_trigger where not tgisinternal and tgname like 'plan_%' order by 1`);
    expect(history.map((t) => t.name)).toEqual(['plan_changes_append_only', 'plan_version_items_append_only', 'plan_versions_append_only']);
    const files = (await readdir(migrationsFolder)).filter((f) => f.endsWith('.sql'));
    expect((await applied()).length).toBe(files.length);
  });

  it('a second run is a no-op that keeps the data', async () => {
    const before = await applied();
    await database.db.insert(collaborations).values({ name: 'Survives a re-run' });
    await database.migrate();
    expect(await applied()).toEqual(before);
    expect(await tables()).toEqual(EXPECTED_TABLES);
    expect((await database.db.select({ name: collaborations.name }).from(collaborations))).toEqual([{ name: 'Survives a re-run' }]);
  });

  it('leaves the constraints that carry the tenant rules in place', async () => {
    const fks = await rows<{ name: string }>(sql`select conname::text as name from pg_constraint where contype = 'f' and conrelid = 'consent_grants'::regclass order by 1`);
    expect(fks.map((f) => f.name)).toEqual([
      'consent_grants_approved_by_fk', 'consent_grants_family_fk', 'consent_grants_granted_by_fk', 'consent_grants_life_domain_fk',
      'consent_grants_on_behalf_of_fk', 'consent_grants_participant_fk',
    ]);
    // A participant cannot point into a family of another collaboration.
    const [a] = await database.db.insert(collaborations).values({ name: 'A' }).returning();
    const [b] = await database.db.insert(collaborations).values({ name: 'B' }).returning();
    const [family] = await rows<{ id: string }>(sql`insert into families (collaboration_id, display_name) values (${a!.id}, 'F') returning id`);
    const err = await database.db
      .execute(sql`insert into family_participants (collaboration_id, family_id, display_name, role, ring) values (${b!.id}, ${family!.id}, 'X', 'parent', 1)`)
      .then(() => null, (e: unknown) => e);
    expect(((err as { cause?: { code?: string } })?.cause ?? err) as { code?: string }).toMatchObject({ code: '23503' });
  });
});

describe('one place, one collaboration', () => {
  it('the database refuses a postcode and municipality that only differ in capitals', async () => {
    const database = await freshDatabase();
    try {
      const [a, b] = await database.db.insert(collaborations).values([{ name: 'A' }, { name: 'B' }]).returning();
      await database.db.insert(postcodes).values({ postcode: '9000', municipality: 'Gent', collaborationId: a!.id });
      await expect(database.db.insert(postcodes).values({ postcode: '9000', municipality: 'GENT', collaborationId: b!.id })).rejects.toThrow();
    } finally {
      await database.close();
    }
  });
});
