import { caseload, caseloadSummary } from './modules/caseload.ts';
import { closureReasons, trajectoryDuration, warmHandovers } from './modules/closure.ts';
import { familyTrajectories, informalNetwork } from './modules/families.ts';
import { goalDomains, goalOutcomes } from './modules/goals.ts';
import { roundTableFamilies, roundTableNetwork, roundTables } from './modules/round-tables.ts';
import { consultations, firstContact, registrationsByReason, registrationsByReferrer } from './modules/registrations.ts';
import type { FigureModule, Level } from './types.ts';

/**
 * Every figure, in the order the dashboard, the report and the exports show them. Adding a figure
 * is adding one module here (see docs/ARCHITECTURE.md, "Figures").
 */
export const FIGURES: readonly FigureModule[] = [
  registrationsByReferrer, registrationsByReason, consultations, firstContact, familyTrajectories,
  caseload, caseloadSummary, goalDomains, goalOutcomes, informalNetwork,
  trajectoryDuration, closureReasons, warmHandovers, roundTables, roundTableFamilies, roundTableNetwork,
];

export const figuresFor = (level: Level) => FIGURES.filter((f) => f.levels.includes(level));
export const findFigure = (id: string, level: Level) => figuresFor(level).find((f) => f.id === id);
