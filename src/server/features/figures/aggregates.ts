import type { Executor } from '../../db/connection.ts';
import { collaborations } from '../../db/schema/index.ts';
import { asc } from 'drizzle-orm';
import { countFigure, type CountedRow } from './engine.ts';
import type { FigureModule } from './types.ts';

/**
 * The only door from the government view to the database: counts per collaboration (or for all
 * together) of one registered figure, and the collaborations' names. Nothing here can return a
 * row of a family: `countFigure` runs the module's grouped SELECT and keeps only its declared
 * columns. `government.ts` gets this object, never the database.
 */
export interface AggregateSource {
  collaborations(): Promise<{ id: string; name: string }[]>;
  /** Per collaboration; `withAll` adds the rows of all collaborations together (collaborationId null) from the same query. */
  count(figure: FigureModule, period: { from: string; to: string }, withAll: boolean): Promise<CountedRow[]>;
}

/** `today`: the Brussels day, for what has taken place (round tables held). */
export function aggregateSource(db: Executor, today: string): AggregateSource {
  let ids: string[] | null = null;
  const list = async () => {
    const rows = await db.select({ id: collaborations.id, name: collaborations.name }).from(collaborations).orderBy(asc(collaborations.name), asc(collaborations.id));
    ids = rows.map((r) => r.id);
    return rows;
  };
  return {
    collaborations: list,
    count: async (figure, period, withAll) => {
      const collaborationIds = ids ?? (await list()).map((r) => r.id);
      return countFigure(db, figure, { collaborationIds, from: period.from, to: period.to, today, withAll });
    },
  };
}
