import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { PLAN_SECTION_KEYS } from '../../../shared/plan-constants.ts';
import { families, lifeDomains, planTemplates } from '../../db/schema/index.ts';
import { createTestFamily } from '../../test/families.ts';
import { demo, PLATFORM_ADMIN, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { auditRowsFor, collaborationIdOf, expectError, requestIdOf } from '../../test/helpers.ts';
import { created, ifMatch } from './plan-test-support.ts';

const t = useTestApp();
let antwerpen: string;
let gent: string;
const as: Record<string, Client> = {};
const url = (collaborationId: string, rest = '') => `/api/v1/collaborations/${collaborationId}/plan-templates${rest}`;
const sections = PLAN_SECTION_KEYS.map((key) => ({ key, visible: key !== 'questions', labelNl: key === 'goals' ? 'Wat we willen bereiken' : null, labelEn: null }));

beforeAll(async () => {
  antwerpen = await collaborationIdOf(t.db, 'antwerpen');
  gent = await collaborationIdOf(t.db, 'gent');
  // Start from a collaboration without templates, whatever the demo data holds.
  await t.db.update(planTemplates).set({ archivedAt: new Date(), isDefault: false }).where(eq(planTemplates.collaborationId, antwerpen));
  for (const [key, email] of Object.entries({
    admin: demo('admin'), coach: demo('coach1'), coordinator: demo('coordinator'), referrer: demo('referrer'), gentAdmin: demo('admin', 'gent'), platform: PLATFORM_ADMIN,
  })) as[key] = await signIn(t.app, email);
});

const liveRows = () => t.db.select().from(planTemplates).where(and(eq(planTemplates.collaborationId, antwerpen), isNull(planTemplates.archivedAt)));
const defaults = async () => (await liveRows()).filter((r) => r.isDefault).map((r) => r.name);

describe('plan templates', () => {
  it('the first template is the default; a new default takes over, in one step; exactly one stays', async () => {
    const res = await as.admin!.request('POST', url(antwerpen), { body: { name: 'Vier delen', sections, lifeDomainIds: [] } });
    expect(res.statusCode).toBe(201);
    const first = res.json();
    expect(first).toMatchObject({ name: 'Vier delen', isDefault: true, version: 1, sections });
    expect((await auditRowsFor(t.db, requestIdOf(res))).map((r) => [r.action, r.entityType, r.entityId, r.actorRole])).toEqual([['create', 'plan_template', first.id, 'admin']]);
    const second = await created(as.admin!, url(antwerpen), { name: 'Kort plan', isDefault: true, sections, lifeDomainIds: [] });
    expect(await defaults()).toEqual(['Kort plan']);
    const third = await created(as.admin!, url(antwerpen), { name: 'Jongeren', sections });
    expect(third.isDefault).toBe(false);
    const list = (await as.coach!.request('GET', url(antwerpen))).json().items;
    expect(list.map((l: { name: string; isDefault: boolean }) => [l.name, l.isDefault])).toEqual([['Kort plan', true], ['Jongeren', false], ['Vier delen', false]]);

    const [firstNow] = (await liveRows()).filter((r) => r.id === first.id);
    const back = await as.admin!.request('PATCH', url(antwerpen, `/${first.id}`), { body: { isDefault: true }, headers: ifMatch(firstNow!.version) });
    expect(back.json()).toMatchObject({ isDefault: true });
    expect(await defaults()).toEqual(['Vier delen']);
    // The default cannot just stop being it: another must take over.
    const error = expectError(await as.admin!.request('PATCH', url(antwerpen, `/${first.id}`), { body: { isDefault: false }, headers: ifMatch(back.json().version) }), 422, 'validation_failed');
    expect(error.details).toEqual([{ field: 'isDefault', code: 'defaultTemplateRequired', message: expect.stringContaining('standaard') }]);

    // Archiving the default hands it to the oldest remaining template.
    const gone = await as.admin!.request('DELETE', url(antwerpen, `/${first.id}`), { headers: ifMatch(back.json().version) });
    expect(gone.statusCode).toBe(204);
    expect((await auditRowsFor(t.db, requestIdOf(gone))).map((r) => [r.action, r.entityType])).toEqual([['delete', 'plan_template']]);
    expect(await defaults()).toEqual(['Kort plan']);
    expect((await as.coach!.request('GET', url(antwerpen))).json().items.map((l: { id: string }) => l.id)).toEqual([second.id, third.id]);
  });

  it('changes a template with If-Match; bad sections or life domains are refused and change nothing', async () => {
    const [template] = (await liveRows()).filter((r) => r.name === 'Jongeren');
    const gentDomain = (await t.db.select().from(lifeDomains).where(eq(lifeDomains.collaborationId, gent)))[0]!.id;
    const [ownDomain] = await t.db.select().from(lifeDomains).where(eq(lifeDomains.collaborationId, antwerpen)).limit(1);
    const before = await liveRows();
    const path = url(antwerpen, `/${template!.id}`);
    expectError(await as.admin!.request('PATCH', path, { body: { name: 'x' } }), 428, 'precondition_required');
    expectError(await as.admin!.request('PATCH', path, { body: { name: 'x' }, headers: ifMatch(template!.version + 1) }), 412, 'precondition_failed');
    expectError(await as.admin!.request('DELETE', path, { headers: ifMatch(template!.version + 1) }), 412, 'precondition_failed');
    const bad: [object, string][] = [
      [{ sections: sections.slice(1) }, 'sections'],
      [{ sections: [...sections.slice(1), sections[1]] }, 'sections'],
      [{ sections: sections.map((s, i) => (i === 0 ? { ...s, key: 'notes' } : s)) }, 'sections.0.key'],
      [{ lifeDomainIds: [gentDomain] }, 'lifeDomainIds'],
      [{ name: ' ' }, 'name'],
    ];
    for (const [body, field] of bad) {
      const error = expectError(await as.admin!.request('PATCH', path, { body, headers: ifMatch(template!.version) }), 422, 'validation_failed');
      expect({ body, fields: error.details?.map((d) => d.field) }).toEqual({ body, fields: [field] });
      expectError(await as.admin!.request('POST', url(antwerpen), { body: { name: 'Nieuw', sections, ...body } }), 422, 'validation_failed');
    }
    expect(await liveRows()).toEqual(before);
    const changed = await as.admin!.request('PATCH', path, { body: { name: 'Voor jongeren', lifeDomainIds: [ownDomain!.id, ownDomain!.id] }, headers: ifMatch(template!.version) });
    expect(changed.json()).toMatchObject({ name: 'Voor jongeren', lifeDomainIds: [ownDomain!.id], version: template!.version + 1, isDefault: false });
    expect(changed.headers.etag).toBe(`"${template!.version + 1}"`);
  });

  it('a repeated create with the same Idempotency-Key makes one template', async () => {
    const send = () => as.admin!.request('POST', url(antwerpen), { body: { name: 'Eén keer', sections }, headers: { 'idempotency-key': 'sjabloon-1' } });
    const first = await send();
    expect((await send()).json()).toEqual(first.json());
    expect((await liveRows()).filter((r) => r.name === 'Eén keer')).toHaveLength(1);
  });

  it('members of the collaboration read; only admins change; another collaboration is 404', async () => {
    const [template] = await liveRows();
    const path = url(antwerpen, `/${template!.id}`);
    for (const who of ['coach', 'coordinator', 'referrer', 'platform']) expect((await as[who]!.request('GET', url(antwerpen))).statusCode).toBe(200);
    const before = await liveRows();
    for (const who of ['coach', 'coordinator', 'referrer']) {
      expectError(await as[who]!.request('POST', url(antwerpen), { body: { name: 'x', sections } }), 403, 'forbidden');
      expectError(await as[who]!.request('PATCH', path, { body: { name: 'x' }, headers: ifMatch(template!.version) }), 403, 'forbidden');
      expectError(await as[who]!.request('DELETE', path, { headers: ifMatch(template!.version) }), 403, 'forbidden');
    }
    expectError(await as.gentAdmin!.request('GET', url(antwerpen)), 404, 'not_found');
    expectError(await as.gentAdmin!.request('POST', url(antwerpen), { body: { name: 'x', sections } }), 404, 'not_found');
    expectError(await as.gentAdmin!.request('PATCH', path, { body: { name: 'x' }, headers: ifMatch(template!.version) }), 404, 'not_found');
    // Gent's admin, through Gent's own path, cannot reach Antwerp's template either.
    expectError(await as.gentAdmin!.request('PATCH', url(gent, `/${template!.id}`), { body: { name: 'x' }, headers: ifMatch(template!.version) }), 404, 'not_found');
    expectError(await as.gentAdmin!.request('DELETE', url(gent, `/${template!.id}`), { headers: ifMatch(template!.version) }), 404, 'not_found');
    expect(await liveRows()).toEqual(before);
  });

  it('a plan follows the family\'s template, else the default, else none (all sections shown)', async () => {
    const f = await createTestFamily(t.db, { coaches: [demo('coach1')] });
    const coach = as.coach!;
    const planTemplate = async () => (await coach.request('GET', `/api/v1/families/${f.familyId}/plan`)).json().template;
    const rows = await liveRows();
    const fallback = rows.find((r) => r.isDefault)!;
    const chosen = rows.find((r) => !r.isDefault)!;
    expect((await planTemplate()).id).toBe(fallback.id);
    await t.db.update(families).set({ planTemplateId: chosen.id }).where(eq(families.id, f.familyId));
    expect(await planTemplate()).toMatchObject({ id: chosen.id, name: chosen.name, sections: chosen.sections });
    await t.db.update(planTemplates).set({ archivedAt: new Date() }).where(eq(planTemplates.id, chosen.id));
    expect((await planTemplate()).id).toBe(fallback.id);
    await t.db.update(planTemplates).set({ archivedAt: new Date(), isDefault: false }).where(eq(planTemplates.collaborationId, antwerpen));
    expect(await planTemplate()).toBeNull();
    // Without templates the first one added becomes the default again.
    expect((await created(as.admin!, url(antwerpen), { name: 'Opnieuw', sections })).isDefault).toBe(true);
  });
});
