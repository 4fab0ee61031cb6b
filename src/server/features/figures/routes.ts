import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { CollaborationParams } from '../../../shared/schemas/common.ts';
import {
  CollaborationFigures, FiguresCsvQuery, FiguresPdfQuery, FiguresQuery, GovernmentFigures, GovernmentQuery, governmentFiguresJsonSchema,
} from '../../../shared/schemas/figures.ts';
import { requireActor, requireGovernment } from '../../access/policy.ts';
import { requireManaging } from '../../access/registration-scope.ts';
import { audit } from '../../audit/audit.ts';
import { memberships, partnerOrganisations, users } from '../../db/schema/index.ts';
import { notFound } from '../../http/errors.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { pdfFileName, renderPdf, sendPdf } from '../../pdf/render.ts';
import { brusselsDate } from '../registrations/timing.ts';
import { aggregateSource } from './aggregates.ts';
import { figureCsv } from './csv.ts';
import { governmentFigures } from './government.ts';
import { findFigure } from './registry.ts';
import { figuresReport } from './report.ts';
import { checkPeriod, collaborationFigures, figuresTransaction } from './service.ts';

const tags = ['figures'];
const csv = (body: string, name: string) => ({ body: `\uFEFF${body}`, disposition: `attachment; filename="${name}"` });

export function figureRoutes(app: App, { db, clock }: FeatureDeps) {
  app.get('/collaborations/:collaborationId/figures', {
    schema: { tags, summary: 'The collaboration\'s figures over a period (coordinators, admins)', params: CollaborationParams, querystring: FiguresQuery, response: { 200: CollaborationFigures } },
  }, async (req) => {
    const { collaborationId } = req.params;
    const role = requireManaging(requireActor(req.ctx.actor), collaborationId);
    return figuresTransaction(db, async (tx) => {
      const figures = await collaborationFigures(tx, collaborationId, req.query, brusselsDate(clock()));
      await audit(tx, req.ctx, { action: 'read', entityType: 'figures', collaborationId, role });
      return figures;
    });
  });

  app.get('/collaborations/:collaborationId/figures.csv', {
    schema: { tags, summary: 'One figure as CSV (`;` separated)', params: CollaborationParams, querystring: FiguresCsvQuery },
  }, async (req, reply) => {
    const { collaborationId } = req.params;
    const role = requireManaging(requireActor(req.ctx.actor), collaborationId);
    const figure = findFigure(req.query.figure, 'collaboration');
    if (!figure) throw notFound();
    const out = await figuresTransaction(db, async (tx) => {
      const data = await collaborationFigures(tx, collaborationId, req.query, brusselsDate(clock()), [figure]);
      await audit(tx, req.ctx, { action: 'export', entityType: 'figures', collaborationId, role, reason: figure.id });
      const [f] = data.figures;
      return csv(figureCsv(f!.columns, f!.rows), `${figure.id}-${req.query.from}-${req.query.to}.csv`);
    });
    return reply.type('text/csv; charset=utf-8').header('content-disposition', out.disposition).send(out.body);
  });

  app.get('/collaborations/:collaborationId/figures.pdf', {
    schema: { tags, summary: 'The report for the steering group as PDF', params: CollaborationParams, querystring: FiguresPdfQuery },
  }, async (req, reply) => {
    const { collaborationId } = req.params;
    const actor = requireActor(req.ctx.actor);
    const role = requireManaging(actor, collaborationId);
    const locale = req.query.lang ?? req.ctx.locale;
    const now = clock();
    const doc = await figuresTransaction(db, async (tx) => {
      const data = await collaborationFigures(tx, collaborationId, req.query, brusselsDate(now));
      const names = await filterNames(tx, collaborationId, req.query.partnerOrganisationId, req.query.coachId);
      await audit(tx, req.ctx, { action: 'print', entityType: 'figures', collaborationId, role });
      return figuresReport(data, locale, names, now);
    });
    return sendPdf(reply, await renderPdf(doc), pdfFileName(doc.title, brusselsDate(now)));
  });

  app.get('/government/figures', {
    schema: { tags, summary: 'Figures of all collaborations and Flanders, small cells suppressed (government analysts)', querystring: GovernmentQuery, response: { 200: GovernmentFigures } },
  }, async (req, reply) => {
    const role = requireGovernment(requireActor(req.ctx.actor));
    checkPeriod(req.query.from, req.query.to);
    const figures = await figuresTransaction(db, async (tx) => {
      const answer = await governmentFigures(aggregateSource(tx, brusselsDate(clock())), req.query);
      await audit(tx, req.ctx, { action: 'read', entityType: 'government_figures', role });
      return answer;
    });
    // Ten years of months for every collaboration are tens of thousands of rows, built to the type of
    // the schema: serialized as they are rather than checked again field by field (a quarter of a second).
    return reply.type('application/json; charset=utf-8').serializer(JSON.stringify).send(figures);
  });

  app.get('/government/figures.csv', {
    schema: { tags, summary: 'All government figures as one CSV: figure, collaboration, then the figure\'s columns', querystring: GovernmentQuery },
  }, async (req, reply) => {
    const role = requireGovernment(requireActor(req.ctx.actor));
    checkPeriod(req.query.from, req.query.to);
    const data = await figuresTransaction(db, async (tx) => {
      const figures = await governmentFigures(aggregateSource(tx, brusselsDate(clock())), req.query);
      await audit(tx, req.ctx, { action: 'export', entityType: 'government_figures', role });
      return figures;
    });
    const parts = data.figures.map((f) => figureCsv(f.columns, f.rows.map((r) => r.cells), [
      { key: 'figure', values: f.rows.map(() => f.id) },
      { key: 'collaborationId', values: f.rows.map((r) => r.collaborationId) },
      { key: 'collaboration', values: f.rows.map((r) => r.collaborationName) },
    ]));
    const out = csv(parts.join('\r\n'), `cijfers-vlaanderen-${req.query.from}-${req.query.to}.csv`);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', out.disposition).send(out.body);
  });

  app.get('/government/figures/schema.json', {
    config: { public: true },
    schema: { tags, summary: 'JSON Schema of the government figures export (public: it describes the format, not data)', response: { 200: z.record(z.string(), z.unknown()) } },
  }, async () => governmentFiguresJsonSchema());
}

async function filterNames(tx: Parameters<Parameters<FeatureDeps['db']['transaction']>[0]>[0], collaborationId: string, partnerId?: string, coachId?: string) {
  const [partner] = partnerId
    ? await tx.select({ name: partnerOrganisations.name }).from(partnerOrganisations).where(and(eq(partnerOrganisations.collaborationId, collaborationId), eq(partnerOrganisations.id, partnerId)))
    : [];
  const [coach] = coachId
    ? await tx.select({ name: users.name }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(and(eq(memberships.collaborationId, collaborationId), eq(memberships.userId, coachId)))
    : [];
  return { partner: partner?.name ?? null, coach: coach?.name ?? null };
}
