import { z } from 'zod';
import { Uuid } from './common.ts';

/*
 * Figures: counts over a period, for a collaboration (its coordinators; the printed report for its
 * steering group) and, suppressed, for the government (all collaborations and Flanders as a whole).
 * Every figure is a small table: dimension columns (month, referrer type, …) and measure columns.
 */

/** Cells of fewer families than this are shown as "<5" in the government view. */
export const SUPPRESSION_THRESHOLD = 5;
export const SUPPRESSED = '<5' as const;

export const FIGURE_COLUMN_KINDS = ['dimension', 'count', 'share', 'value'] as const;
export const FIGURE_UNITS = ['families', 'registrations', 'goals', 'coaches', 'meetings', 'days', 'hours', 'share'] as const;

export const FigureColumn = z.object({
  key: z.string(),
  kind: z.enum(FIGURE_COLUMN_KINDS).describe('dimension: a category; count: a number of units; share: a fraction 0–1 of two counts; value: another number (median, average)'),
  unit: z.enum(FIGURE_UNITS).nullable(),
}).meta({ id: 'FigureColumn' });
export type FigureColumn = z.infer<typeof FigureColumn>;

const IsoDate = z.iso.date();

export const FiguresQuery = z.object({
  from: IsoDate,
  to: IsoDate,
  partnerOrganisationId: Uuid.optional(),
  coachId: Uuid.optional(),
});
export type FiguresQuery = z.infer<typeof FiguresQuery>;

export const FiguresCsvQuery = FiguresQuery.extend({ figure: z.string().max(60) });
export const FiguresPdfQuery = FiguresQuery.extend({ lang: z.enum(['nl-BE', 'en']).optional() });

/** The collaboration's own figures: exact numbers (its coordinators see every family of it anyway). */
export const CollaborationCell = z.union([z.string(), z.number(), z.null()]);
export const FigureChart = z.union([
  z.object({ dimension: z.string(), measure: z.string() }),
  z.object({ parts: z.array(z.string()) }),
]).nullable().describe('one bar per category of `dimension` (summing `measure`), or one bar per count in `parts`; null: a table only');
export type FigureChart = z.infer<typeof FigureChart>;

export const CollaborationFigure = z.object({
  id: z.string(),
  columns: z.array(FigureColumn),
  chart: FigureChart,
  rows: z.array(z.record(z.string(), CollaborationCell)),
});
export type CollaborationFigure = z.infer<typeof CollaborationFigure>;

export const CollaborationFigures = z.object({
  collaborationId: Uuid,
  collaborationName: z.string(),
  from: IsoDate,
  to: IsoDate,
  partnerOrganisationId: Uuid.nullable(),
  coachId: Uuid.nullable(),
  figures: z.array(CollaborationFigure),
}).meta({ id: 'CollaborationFigures' });
export type CollaborationFigures = z.infer<typeof CollaborationFigures>;

export const GovernmentQuery = z.object({ from: IsoDate, to: IsoDate });

/** A government cell: a number, "<5" when fewer than 5 families are behind it (or to protect one that is), or null (no data). */
export const GovernmentCell = z.union([z.number(), z.string(), z.null()])
  .describe('dimension columns: the category (string); count columns: an integer or "<5"; share and value columns: a number, "<5" or null');

export const GovernmentRow = z.object({
  collaborationId: Uuid.nullable().describe('null for Flanders as a whole'),
  collaborationName: z.string().describe('"Vlaanderen" for Flanders as a whole'),
  cells: z.record(z.string(), GovernmentCell),
}).meta({ id: 'GovernmentRow' });

export const GovernmentFigure = z.object({
  id: z.string(),
  columns: z.array(FigureColumn),
  rows: z.array(GovernmentRow),
}).meta({ id: 'GovernmentFigure' });
export type GovernmentFigure = z.infer<typeof GovernmentFigure>;

export const GovernmentFigures = z.object({
  from: IsoDate,
  to: IsoDate,
  suppressionThreshold: z.literal(SUPPRESSION_THRESHOLD),
  collaborations: z.array(z.object({ id: Uuid, name: z.string() })),
  figures: z.array(GovernmentFigure),
}).meta({ id: 'GovernmentFigures', title: 'Gezinsplan: figures of all collaborations (suppressed aggregates)' });
export type GovernmentFigures = z.infer<typeof GovernmentFigures>;

/** The JSON Schema researchers validate the export against (served at /api/v1/government/figures/schema.json). */
export const governmentFiguresJsonSchema = () => z.toJSONSchema(GovernmentFigures, { target: 'draft-2020-12' });
