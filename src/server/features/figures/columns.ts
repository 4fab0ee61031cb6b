import type { FigureColumn } from '../../../shared/schemas/figures.ts';
import type { FigureModule } from './types.ts';

/** The columns as they leave the server (hidden counts left out). */
export function columnsOf(figure: FigureModule): FigureColumn[] {
  return [
    ...figure.dimensions.map((d) => ({ key: d.key, kind: 'dimension' as const, unit: null })),
    ...figure.counts.filter((c) => !c.hidden).map((c) => ({ key: c.key, kind: 'count' as const, unit: c.unit })),
    ...(figure.shares ?? []).map((s) => ({ key: s.key, kind: 'share' as const, unit: 'share' as const })),
    ...(figure.values ?? []).map((v) => ({ key: v.key, kind: 'value' as const, unit: v.unit })),
  ];
}

export const shareOf = (numerator: number, denominator: number) => (denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000);

