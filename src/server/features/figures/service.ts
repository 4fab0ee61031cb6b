import { eq, sql } from 'drizzle-orm';
import type { CollaborationFigure, CollaborationFigures, FiguresQuery } from '../../../shared/schemas/figures.ts';
import type { Db, Executor, Tx } from '../../db/connection.ts';
import { collaborations } from '../../db/schema/index.ts';
import { notFound } from '../../http/errors.ts';
import { invalidField } from '../plan/checks.ts';
import { columnsOf, countFigure, presentRow } from './engine.ts';
import { figuresFor } from './registry.ts';
import type { FigureModule } from './types.ts';

/** At most this many days in one period: ten years and a bit, the span the reports are made for. */
const MAX_PERIOD_DAYS = 3700;

/**
 * Figures read years of rows in a few hashes and sorts: with the default 4 MB they spill to disk
 * (measured with bench/figures.ts), so their transaction gets more working memory, for itself only,
 * and no JIT compilation.
 */
export function figuresTransaction<T>(db: Db, run: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '64MB'`);
    // JIT compiling these grouped queries cost more than it saved (measured: up to 0.5 s of a 1.3 s figure).
    await tx.execute(sql`set local jit = off`);
    return run(tx);
  });
}

export function checkPeriod(from: string, to: string): void {
  if (from > to) throw invalidField('to', 'periodEndBeforeStart');
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_PERIOD_DAYS) throw invalidField('from', 'periodTooLong');
}

export const chartOf = (f: FigureModule): CollaborationFigure['chart'] => {
  if (!f.chart) return null;
  return 'parts' in f.chart ? { parts: [...f.chart.parts] } : { dimension: f.chart.dimension, measure: f.chart.measure };
};

/**
 * One collaboration's figures with exact numbers: its coordinators and admins may see every family
 * of their collaboration, so nothing is suppressed here. `today` (the Brussels day) tells what has
 * taken place. The caller has checked access.
 */
export async function collaborationFigures(
  db: Executor, collaborationId: string, query: FiguresQuery, today: string, only?: FigureModule[],
): Promise<CollaborationFigures> {
  checkPeriod(query.from, query.to);
  const [collaboration] = await db.select({ name: collaborations.name }).from(collaborations).where(eq(collaborations.id, collaborationId));
  if (!collaboration) throw notFound();
  const params = { collaborationIds: [collaborationId], from: query.from, to: query.to, today, partnerOrganisationId: query.partnerOrganisationId, coachId: query.coachId };
  const figures: CollaborationFigure[] = [];
  for (const figure of only ?? figuresFor('collaboration')) {
    const rows = await countFigure(db, figure, params);
    figures.push({ id: figure.id, columns: columnsOf(figure), chart: chartOf(figure), rows: rows.map((r) => presentRow(figure, r)) });
  }
  return {
    collaborationId, collaborationName: collaboration.name, from: query.from, to: query.to,
    partnerOrganisationId: query.partnerOrganisationId ?? null, coachId: query.coachId ?? null, figures,
  };
}
