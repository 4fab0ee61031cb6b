import type { SQL } from 'drizzle-orm';
import type { FIGURE_UNITS } from '../../../shared/schemas/figures.ts';
import type { Sources } from './sources.ts';

export type Unit = (typeof FIGURE_UNITS)[number];
export type Level = 'collaboration' | 'government';

/** What a figure is asked for: one or all collaborations, a period, optional filters. */
export interface FigureParams {
  /** The collaborations read, each counted on its own; the government view passes all of them. */
  collaborationIds: string[];
  from: string;
  to: string;
  /** Today in Brussels: a round table counts as held once its day has passed. */
  today: string;
  partnerOrganisationId?: string;
  coachId?: string;
  /** Also the rows of all collaborations together (collaboration_id null), from the same grouped query. */
  withAll?: boolean;
  /** Count from the facts of every family instead of the tallies (the tests compare both). */
  fromFacts?: boolean;
}

/**
 * A category column. `values` lists every category (fixed vocabulary, or 'months' of the period)
 * so missing ones show as 0; without it the categories are the ones in the data.
 */
export interface Dimension {
  key: string;
  values?: readonly string[] | 'months';
}

/**
 * A number of families, registrations, goals or coaches. `additiveOver`: dimensions whose
 * categories exclude each other, so the cells add up to a total someone can compute (used by the
 * complementary suppression). `protectedBy`: the count of families behind this cell, when the
 * cell counts something else (goals); `hidden`: used for suppression or values, never shown.
 */
export interface Count {
  key: string;
  unit: Unit;
  additiveOver?: readonly string[];
  protectedBy?: string;
  hidden?: boolean;
}

/** A fraction of counts in the same row; shown only when all its counts are shown. */
export interface Share {
  key: string;
  numerator: readonly string[];
  denominator: string;
}

/** Another number (median, average), shown only when `base` (a count of families) is at least the threshold. */
export interface Value {
  key: string;
  unit: Unit;
  base: string;
}

/**
 * One figure: a small module in the registry. `query` returns ONE aggregated SELECT: the column
 * `collaboration_id` (of the rows `src` gives), then the dimension and count/value columns
 * by key, grouped, so only counts leave the database.
 */
export interface FigureModule {
  id: string;
  levels: readonly Level[];
  dimensions: readonly Dimension[];
  counts: readonly Count[];
  shares?: readonly Share[];
  values?: readonly Value[];
  /** Counts in one row that add up to another count of that row (parts of a whole). */
  rowSums?: readonly { total: string; parts: readonly string[] }[];
  /** What the bar chart shows: one bar per category of `dimension` (summing `measure`), or one bar per count in `parts`. */
  chart?: { dimension: string; measure: string } | { parts: readonly string[] };
  query(params: FigureParams, src: Sources): SQL;
}

export type RawRow = Record<string, string | number | null>;

/** A figure's rows as counted: the collaboration (null: all together), the categories, the numbers. */
export interface CountedRow {
  collaborationId: string | null;
  dims: Record<string, string>;
  counts: Record<string, number>;
  values: Record<string, number | null>;
}

