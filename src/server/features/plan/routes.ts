import { z } from 'zod';
import type { PlanItemKind } from '../../../shared/plan-constants.ts';
import { page } from '../../../shared/schemas/common.ts';
import { FamilyItemParams, FamilyParams } from '../../../shared/schemas/families.ts';
import {
  Agreement, AgreementInput, AgreementPatch, AgreementQuery, Evaluation, EvaluationInput, GoalInput, GoalPatch, HistoryQuery, ItemOrder, Plan,
  PlanChange, PlanCompareQuery, PlanComparison, PlanItem, PlanVersion, PlanVersionCreate, PlanVersionMeta, QuestionInput, QuestionPatch,
  StrengthInput, StrengthPatch, VersionParams, WorryInput, WorryPatch,
} from '../../../shared/schemas/plan.ts';
import { requireInCircle, requireWriter } from '../../access/family-scope.ts';
import { AppError } from '../../http/errors.ts';
import { requireIfMatch, setEtag } from '../../http/etag.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { createInFamily, inFamily, readInFamily } from '../families/scope.ts';
import { createAgreement, deleteAgreement, updateAgreement, visibleAgreement } from './agreements-service.ts';
import { comparePlans } from './compare.ts';
import { createEvaluation, listEvaluations } from './evaluations.ts';
import { listHistory } from './history-read.ts';
import { createItem, deleteItem, reorderItems, updateItem, visibleItem } from './items-service.ts';
import { loadPlanContent, participantNames, loadAgreements, loadItems } from './content.ts';
import { loadPlan } from './plan-read.ts';
import { firstVersionId, listVersions, readVersion, saveVersion } from './versions.ts';

const tags = ['plan'];
const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** The four kinds of plan item, each under its own path with its own create and change bodies. */
const KINDS = [
  { kind: 'question', path: 'questions', input: QuestionInput, patch: QuestionPatch },
  { kind: 'strength', path: 'strengths', input: StrengthInput, patch: StrengthPatch },
  { kind: 'worry', path: 'worries', input: WorryInput, patch: WorryPatch },
  { kind: 'goal', path: 'goals', input: GoalInput, patch: GoalPatch },
] as const satisfies readonly { kind: PlanItemKind; path: string; input: z.ZodType; patch: z.ZodType }[];

export function planRoutes(app: App, { db, clock }: FeatureDeps) {
  app.get('/families/:id/plan', { schema: { tags, summary: 'The current plan, with its template, life domains and people (ETag: the plan revision)', params: FamilyParams, response: { 200: Plan } } }, async (req, reply) => {
    const plan = await readInFamily(db, req, 'plan', (tx, scope) => loadPlan(tx, scope, clock()));
    setEtag(reply, plan.revision);
    return plan;
  });

  for (const { kind, path, input, patch } of KINDS) {
    app.get(`/families/:id/${path}`, { schema: { tags, summary: `The ${path} of the plan, in the family's order`, params: FamilyParams, response: { 200: items(PlanItem) } } },
      async (req) => ({ items: await readInFamily(db, req, kind, async (tx, scope) => loadItems(tx, scope, await participantNames(tx, scope), { kind })) }));

    app.post(`/families/:id/${path}`, { schema: { tags, summary: `Add to the ${path}`, params: FamilyParams, body: input, response: { 201: PlanItem } } }, async (req, reply) => {
      const created = await createInFamily(db, req, (tx, scope) => createItem(tx, req.ctx, scope, kind, req.body));
      setEtag(reply, created.body.version);
      return reply.code(201).send(created.body);
    });

    app.get(`/families/:id/${path}/:itemId`, { schema: { tags, summary: `One of the ${path}`, params: FamilyItemParams, response: { 200: PlanItem } } }, async (req, reply) => {
      const item = await readInFamily(db, req, kind, (tx, scope) => visibleItem(tx, scope, kind, req.params.itemId));
      setEtag(reply, item.version);
      return item;
    });

    app.patch(`/families/:id/${path}/:itemId`, { schema: { tags, summary: `Change one of the ${path} (If-Match)`, params: FamilyItemParams, body: patch, response: { 200: PlanItem } } }, async (req, reply) => {
      const expected = requireIfMatch(req);
      const item = await inFamily(db, req, (tx, scope) => updateItem(tx, req.ctx, scope, kind, req.params.itemId, expected, req.body, clock()));
      setEtag(reply, item.version);
      return item;
    });

    app.delete(`/families/:id/${path}/:itemId`, { schema: { tags, summary: `Remove one of the ${path} (kept in the history and versions)`, params: FamilyItemParams } }, async (req, reply) => {
      const expected = requireIfMatch(req);
      await inFamily(db, req, (tx, scope) => deleteItem(tx, req.ctx, scope, kind, req.params.itemId, expected));
      return reply.code(204).send();
    });
  }

  for (const { kind, path } of KINDS.filter((k) => k.kind === 'worry' || k.kind === 'goal')) {
    app.put(`/families/:id/${path}/order`, { schema: { tags, summary: `The family's order of ${path}: all visible ids (If-Match: the plan revision; ETag: the new one)`, params: FamilyParams, body: ItemOrder, response: { 200: items(PlanItem) } } }, async (req, reply) => {
      const expected = requireIfMatch(req);
      const ordered = await inFamily(db, req, (tx, scope) => reorderItems(tx, req.ctx, scope, kind, req.body.ids, expected));
      setEtag(reply, ordered.revision);
      return { items: ordered.items };
    });
  }

  app.get('/families/:id/agreements', { schema: { tags, summary: 'Who does what by when (optionally of one goal, or with one status)', params: FamilyParams, querystring: AgreementQuery, response: { 200: items(Agreement) } } },
    async (req) => ({ items: await readInFamily(db, req, 'agreement', async (tx, scope) => loadAgreements(tx, scope, await participantNames(tx, scope), clock(), req.query)) }));

  app.post('/families/:id/agreements', { schema: { tags, summary: 'Make an agreement', params: FamilyParams, body: AgreementInput, response: { 201: Agreement } } }, async (req, reply) => {
    const created = await createInFamily(db, req, (tx, scope) => createAgreement(tx, req.ctx, scope, req.body, clock()));
    setEtag(reply, created.body.version);
    return reply.code(201).send(created.body);
  });

  app.get('/families/:id/agreements/:itemId', { schema: { tags, summary: 'One agreement', params: FamilyItemParams, response: { 200: Agreement } } }, async (req, reply) => {
    const agreement = await readInFamily(db, req, 'agreement', (tx, scope) => visibleAgreement(tx, scope, req.params.itemId, clock()));
    setEtag(reply, agreement.version);
    return agreement;
  });

  app.patch('/families/:id/agreements/:itemId', { schema: { tags, summary: 'Change an agreement (If-Match)', params: FamilyItemParams, body: AgreementPatch, response: { 200: Agreement } } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const agreement = await inFamily(db, req, (tx, scope) => updateAgreement(tx, req.ctx, scope, req.params.itemId, expected, req.body, clock()));
    setEtag(reply, agreement.version);
    return agreement;
  });

  app.delete('/families/:id/agreements/:itemId', { schema: { tags, summary: 'Remove an agreement', params: FamilyItemParams } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    await inFamily(db, req, (tx, scope) => deleteAgreement(tx, req.ctx, scope, req.params.itemId, expected, clock()));
    return reply.code(204).send();
  });

  app.get('/families/:id/history', { schema: { tags, summary: 'Every change to the family\'s file that I may see, newest first', params: FamilyParams, querystring: HistoryQuery, response: { 200: page(PlanChange) } } },
    async (req) => readInFamily(db, req, 'history', (tx, scope) => listHistory(tx, scope, req.query)));

  app.get('/families/:id/plan/versions', { schema: { tags, summary: 'Saved versions of the plan, newest first', params: FamilyParams, response: { 200: items(PlanVersionMeta) } } },
    async (req) => ({ items: await readInFamily(db, req, 'plan_version_list', (tx, scope) => listVersions(tx, scope)) }));

  app.post('/families/:id/plan/versions', { schema: { tags, summary: 'Save the plan as it is now (read-only from then on)', params: FamilyParams, body: PlanVersionCreate, response: { 201: PlanVersionMeta } } }, async (req, reply) => {
    const created = await createInFamily(db, req, (tx, scope) => {
      requireWriter(scope);
      return saveVersion(tx, req.ctx, scope, 'on_demand', req.body.label ?? null, clock());
    });
    return reply.code(201).send(created.body);
  });

  app.get('/families/:id/plan/versions/:versionId', { schema: { tags, summary: 'One saved version (read-only)', params: VersionParams, response: { 200: PlanVersion } } },
    async (req) => readInFamily(db, req, 'plan_version', (tx, scope) => readVersion(tx, scope, req.params.versionId)));

  app.get('/families/:id/plan/compare', {
    schema: { tags, summary: 'Where we started: a saved version (default the first) beside now; 409 no_plan_version when none is saved yet', params: FamilyParams, querystring: PlanCompareQuery, response: { 200: PlanComparison } },
  }, async (req) => readInFamily(db, req, 'plan_compare', async (tx, scope) => {
    const from = req.query.from ?? await firstVersionId(tx, scope);
    if (!from) throw new AppError(409, 'no_plan_version');
    return comparePlans(await readVersion(tx, scope, from), await loadPlanContent(tx, scope, clock()));
  }));

  app.get('/families/:id/evaluations', { schema: { tags, summary: 'Evaluation moments, newest first', params: FamilyParams, response: { 200: items(Evaluation) } } },
    async (req) => ({ items: await readInFamily(db, req, 'evaluation', (tx, scope) => listEvaluations(tx, scope)) }));

  app.post('/families/:id/evaluations', { schema: { tags, summary: 'Hold an evaluation: per goal what went well and what got stuck, the follow-up, new goals; saves a version', params: FamilyParams, body: EvaluationInput, response: { 201: Evaluation } } }, async (req, reply) => {
    const created = await createInFamily(db, req, (tx, scope) => {
      requireInCircle(scope);
      return createEvaluation(tx, req.ctx, scope, req.body, clock());
    });
    return reply.code(201).send(created.body);
  });
}
