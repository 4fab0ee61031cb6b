import type { GovernmentFigure, GovernmentFigures } from '../../../shared/schemas/figures.ts';
import { SUPPRESSION_THRESHOLD } from '../../../shared/schemas/figures.ts';
import { figureWords } from '../../../shared/figure-labels.ts';
import type { AggregateSource } from './aggregates.ts';
import { columnsOf } from './columns.ts';
import { figuresFor } from './registry.ts';
import { suppress } from './suppression.ts';
import type { CountedRow } from './types.ts';

function sumOverCollaborations(rows: CountedRow[]): CountedRow[] {
  const byDims = new Map<string, CountedRow>();
  for (const r of rows) {
    const key = Object.values(r.dims).join('\u0000');
    const total = byDims.get(key);
    if (!total) byDims.set(key, { collaborationId: null, dims: r.dims, counts: { ...r.counts }, values: {} });
    else for (const [k, v] of Object.entries(r.counts)) total.counts[k] = (total.counts[k] ?? 0) + v;
  }
  return [...byDims.values()];
}

/**
 * The government's figures: every collaboration and Flanders as a whole, built only from the
 * counts an AggregateSource gives (no database here, see aggregates.ts), with small cells
 * suppressed in what leaves the server. The caller has checked the government role.
 */
export async function governmentFigures(source: AggregateSource, period: { from: string; to: string }): Promise<GovernmentFigures> {
  const list = await source.collaborations();
  const names = new Map(list.map((c) => [c.id, c.name]));
  const flanders = figureWords('nl-BE').flanders;
  const figures: GovernmentFigure[] = [];
  for (const figure of figuresFor('government')) {
    // Counts add up over collaborations (each family belongs to one); medians and averages cannot
    // be summed, so their Flanders row comes from the same grouped query (grouping sets).
    const withAll = Boolean(figure.values?.length);
    const counted = await source.count(figure, period, withAll);
    const rows = withAll ? counted : [...counted, ...sumOverCollaborations(counted)];
    figures.push({
      id: figure.id,
      columns: columnsOf(figure),
      rows: suppress(figure, rows).map((r) => ({
        collaborationId: r.collaborationId,
        collaborationName: r.collaborationId === null ? flanders : names.get(r.collaborationId) ?? '',
        cells: r.cells,
      })),
    });
  }
  return { from: period.from, to: period.to, suppressionThreshold: SUPPRESSION_THRESHOLD, collaborations: list, figures };
}
