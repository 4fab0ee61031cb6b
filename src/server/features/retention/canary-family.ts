import { sql } from 'drizzle-orm';
import { brusselsDay } from '../../../shared/brussels-day.ts';
import { rowsOf, type Db } from '../../db/connection.ts';
import { demo, redeemLink, signIn, type Client, type TestContext } from '../../test/harness.ts';
import { latestMailTo, tokenInLink, userIdOf } from '../../test/helpers.ts';
import { created, ifMatch } from '../plan/plan-test-support.ts';
import { postRegistration, registrationBody } from '../registrations/test-fixtures.ts';

export interface CanaryFamily {
  familyId: string;
  collaborationId: string;
  coach: Client;
  parent: Client;
  parentEmail: string;
  parentParticipantId: string;
}

async function ok<R extends { statusCode: number; body: string }>(res: Promise<R>, what: string): Promise<R> {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return r;
}

/**
 * A family whose every field reachable through the API carries `canary`: registration, members,
 * homes, plan items, agreements, contact moments, an evaluation, a saved version, network people
 * and ties, services, a round table with a note, a conversation with a message and an attachment,
 * an own-strength reflection, prior involvement, consent, lead and a warm handover. Optionally
 * closed with a summary carrying it too.
 */
export async function makeCanaryFamily(t: TestContext, canary: string, opts: { close?: boolean } = {}): Promise<CanaryFamily> {
  const lower = canary.toLowerCase();
  const year = new Date().getFullYear();
  const body = registrationBody({
    referrer: { type: 'clb', name: `${canary} Referrer`, organisation: `CLB ${canary}`, email: `${lower}.ref@clb.example`, phone: `0470 ${canary}` },
    family: { name: `Gezin ${canary}`, email: `${lower}@gezin.example`, phone: `0480 ${canary}`, language: 'nl' },
    children: [{ firstName: `${canary}kind`, birthYear: year - 9 }],
    question: `${canary} vraagt hulp`, helpersInvolved: `${canary} helpers`, networkInvolved: `${canary} netwerk`,
  });
  const registered = await ok(postRegistration(t, body), 'registration');
  const registrationId = JSON.parse(registered.body).id as string;
  const coordinator = await signIn(t.app, demo('coordinator', 'antwerpen'));
  const coach = await signIn(t.app, demo('coach1', 'antwerpen'));
  const coachId = await userIdOf(t.db, demo('coach1', 'antwerpen'));
  const reg = (path: string) => `/api/v1/registrations/${registrationId}${path}`;
  let version = JSON.parse((await ok(coordinator.request('GET', reg('')), 'registration read')).body).version as number;
  version = JSON.parse((await ok(coordinator.request('PUT', reg('/coaches'), { body: { coachIds: [coachId] }, headers: ifMatch(version) }), 'assign')).body).version;
  // The registration's day is Brussels' day: in UTC the hour before midnight would be the day before.
  const today = brusselsDay();
  version = JSON.parse((await ok(coach.request('POST', reg('/first-contact'), { body: { date: today, method: 'phone' }, headers: ifMatch(version) }), 'first contact')).body).version;
  const started = JSON.parse((await ok(coach.request('POST', reg('/outcome'), { body: { outcome: 'trajectory_started' }, headers: ifMatch(version) }), 'outcome')).body);
  const familyId = started.familyId as string;
  const url = (path: string) => `/api/v1/families/${familyId}/${path}`;

  const plan = JSON.parse((await ok(coach.request('GET', url('plan')), 'plan')).body);
  const domain = plan.lifeDomains[0].id as string;
  const collaborationId = JSON.parse((await ok(coach.request('GET', `/api/v1/families/${familyId}`), 'family')).body).collaborationId as string;

  const parentEmail = `${lower}.ouder@gezin.example`;
  const { participantId: parentParticipantId } = await created<{ participantId: string }>(coach, url('invitations'), { displayName: `${canary} Ouder`, role: 'parent', relation: `${canary} mama`, email: parentEmail });
  const parent = await redeemLink(t.app, tokenInLink((await latestMailTo(t.db, parentEmail)).text, '/sign-in/link'));
  await created(coach, url('members'), {
    role: 'young_person', displayName: `${canary} Jongere`, relation: `${canary} zoon`, importantToMe: `${canary} voetbal`,
    email: `${lower}.jongere@gezin.example`, phone: `0490 ${canary}`, dateOfBirth: `${year - 15}-03-01`,
  });
  await created(coach, url('homes'), { label: `${canary} thuis` });
  await created(coach, url('questions'), { text: `${canary} vraag`, lifeDomainId: domain });
  await created(coach, url('strengths'), { text: `${canary} kracht`, lifeDomainId: domain, size: 3 });
  await created(coach, url('worries'), { text: `${canary} zorg`, lifeDomainId: domain, size: 4 });
  const goal = await created(parent, url('goals'), { text: `${canary} doel`, lifeDomainId: domain, whyItMatters: `${canary} waarom` });
  await created(coach, url('agreements'), { what: `${canary} afspraak`, goalId: goal.id, ownerParticipantId: parentParticipantId });
  await created(coach, url('contacts'), { occurredOn: today, place: 'home', placeDetail: `${canary} keuken`, summary: `${canary} bezoek`, minutesSpent: 45 });
  await created(coach, url('plan/versions'), { label: `${canary} start` });
  await created(coach, url('evaluations'), { heldOn: today, summary: `${canary} evaluatie`, goals: [{ goalId: goal.id, wentWell: `${canary} goed`, gotStuck: `${canary} vast`, decision: 'continue' }] });
  const person = await created(coach, url('network/people'), {
    name: `${canary} Buur`, relation: `${canary} buurvrouw`, ring: 2, offers: `${canary} rijdt`, phone: `0470 ${canary}`,
    email: `${lower}.buur@example.org`, address: `${canary}straat 1`,
  });
  await created(coach, url('network/ties'), { toPersonId: person.id, kind: 'strong', note: `${canary} band` });
  await created(coach, url('services'), {
    organisation: `${canary} CAW`, kindOfHelp: `${canary} budget`, contactPerson: `${canary} Contact`, contactPhone: `03 ${canary}`,
    familyExpects: `${canary} verwacht`, bridging: `${canary} brug`, expected: `${canary} later`,
  });
  const startsAt = new Date(Date.now() + 86_400_000).toISOString();
  const endsAt = new Date(Date.now() + 90_000_000).toISOString();
  const meeting = await created<{ id: string; items: { id: string }[] }>(coach, url('meetings'), {
    title: `${canary} rondetafel`, place: `${canary} zaal`, items: [{ title: `${canary} agendapunt`, lifeDomainId: domain, startsAt, endsAt, inviteeIds: [parentParticipantId] }],
  });
  await created(coach, url(`meetings/${meeting.id}/items/${meeting.items[0]!.id}/notes`), { text: `${canary} notitie` });
  const conversation = await created(coach, url('messages/conversations'), { title: `${canary} groep`, wholeCircle: true });
  const upload = await ok(parent.request('POST', url(`messages/conversations/${conversation.id}/attachments?name=${encodeURIComponent(`${canary}.pdf`)}`), {
    body: Buffer.from(`%PDF-1.4\n% ${canary} in het bestand\n%%EOF\n`), headers: { 'content-type': 'application/octet-stream' },
  }), 'attachment');
  await created(parent, url(`messages/conversations/${conversation.id}/messages`), { body: `${canary} bericht`, attachmentId: JSON.parse(upload.body).id });
  await created(coach, url('reflections'), { reflectedOn: today, competence: 3, competenceNote: `${canary} kan`, motivation: 4, motivationNote: `${canary} wil`, social: 2, socialNote: `${canary} sociaal`, note: `${canary} samen` });
  await created(coach, url('prior-involvements'), { organisationName: `${canary} Org`, description: `${canary} kende` });
  const { participantId: aunt } = await created<{ participantId: string }>(parent, url('invitations'), { displayName: `${canary} Tante`, role: 'network_member', email: `${lower}.tante@example.org` });
  await created(parent, url('consents'), { participantId: aunt, lifeDomainId: domain });
  const lead = await ok(coach.request('GET', url('lead')), 'lead read');
  await ok(coach.request('PUT', url('lead'), { body: { participantIds: [parentParticipantId] }, headers: { 'if-match': String(lead.headers.etag) } }), 'lead');

  if (opts.close) await closeFamily(coach, familyId, canary);
  return { familyId, collaborationId, coach, parent, parentEmail, parentParticipantId };
}

/** Closes the trajectory with a summary (and reason note) carrying the canary. */
export async function closeFamily(coach: Client, familyId: string, canary: string) {
  await ok(coach.request('POST', `/api/v1/families/${familyId}/closure`, { body: { reason: 'goals_reached', reasonNote: `${canary} reden`, summary: `${canary} samenvatting` } }), 'closure');
}

/** Every row of every table in the public schema that holds the text (case-insensitive), as `table: row`. */
export async function rowsContaining(db: Db, text: string): Promise<string[]> {
  const tables = rowsOf<{ name: string }>(await db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`));
  const hits: string[] = [];
  for (const { name } of tables) {
    const rows = rowsOf<{ row: string }>(await db.execute(sql`select t::text as row from ${sql.identifier(name)} t where position(lower(${text}) in lower(t::text)) > 0`));
    hits.push(...rows.map((r) => `${name}: ${r.row.slice(0, 200)}`));
  }
  // Bytes (attachments) print as hex in a row's text: look for the canary's bytes too.
  const bytes = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from attachment_contents where position(convert_to(${text}, 'UTF8') in content) > 0`));
  if (Number(bytes[0]?.n) > 0) hits.push('attachment_contents: the bytes of a file');
  return hits;
}
