import { z } from 'zod';
import {
  AGREEMENT_STATUSES, EVALUATION_DECISIONS, GOAL_STATUSES, PLAN_ITEM_KINDS, PLAN_SECTION_KEYS, PLAN_TOPIC_TYPES,
  PLAN_VERSION_REASONS, SCALE_MAX, SCALE_MIN,
} from '../plan-constants.ts';
import { LocaleSchema, Name, OptionalText, patchOf, Timestamp, Uuid } from './common.ts';
import { Attribution, OnBehalfOf, ParticipantOption } from './families.ts';

/*
 * The family plan. Items (questions for help, strengths, worries, goals) and agreements each have
 * a life domain, an author and a private flag: the access policy decides per item who sees it.
 * Paths: /families/{id}/questions|strengths|worries|goals|agreements[/{itemId}], /plan,
 * /plan/versions[/{versionId}], /plan/compare, /evaluations, /history, /export.
 */

const IsoDate = z.iso.date();
const Scale = z.number().int().min(SCALE_MIN).max(SCALE_MAX);
const FamilyWords = z.string().trim().min(1).max(2000);

export const PlanItem = Attribution.extend({
  id: Uuid,
  kind: z.enum(PLAN_ITEM_KINDS),
  text: z.string(),
  lifeDomainId: Uuid.nullable(),
  /** The members it is about or for ("who it is for"; whose question). */
  memberIds: z.array(Uuid),
  position: z.number().int(),
  /** Worries: how heavy; strengths: how strong (1–5). */
  size: Scale.nullable(),
  whyItMatters: z.string().nullable(),
  targetDate: IsoDate.nullable(),
  /** Goals: how far along, filled in by the family (1 = not yet, 5 = there). */
  progress: Scale.nullable(),
  status: z.enum(GOAL_STATUSES),
  isPrivate: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type PlanItem = z.infer<typeof PlanItem>;

const itemBase = OnBehalfOf.extend({
  text: FamilyWords,
  memberIds: z.array(Uuid).max(20).default([]),
  isPrivate: z.boolean().default(false),
});
export const QuestionInput = itemBase.extend({ lifeDomainId: Uuid.nullable().optional() });
export const StrengthInput = itemBase.extend({ lifeDomainId: Uuid, size: Scale.nullable().optional() });
export const WorryInput = StrengthInput;
export const GoalInput = itemBase.extend({
  lifeDomainId: Uuid,
  whyItMatters: OptionalText(1000),
  targetDate: IsoDate.nullable().optional(),
  progress: Scale.nullable().optional(),
  status: z.enum(GOAL_STATUSES).default('active'),
});
/** PATCH bodies: any subset of the create fields (defaults do not apply). */
export const QuestionPatch = patchOf(QuestionInput);
export const StrengthPatch = patchOf(StrengthInput);
export const WorryPatch = patchOf(WorryInput);
export const GoalPatch = patchOf(GoalInput);
export type GoalInput = z.input<typeof GoalInput>;

/** The family's order of worries or goals (priority), as the full list of ids; If-Match: the plan revision. */
export const ItemOrder = z.object({ ids: z.array(Uuid).min(1).max(200) });

export const Agreement = Attribution.extend({
  id: Uuid,
  goalId: Uuid.nullable(),
  what: z.string(),
  ownerParticipantId: Uuid,
  ownerName: z.string(),
  dueDate: IsoDate.nullable(),
  status: z.enum(AGREEMENT_STATUSES),
  /** Open and past its due date (Brussels calendar). */
  overdue: z.boolean(),
  lifeDomainId: Uuid.nullable(),
  isPrivate: z.boolean(),
  position: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type Agreement = z.infer<typeof Agreement>;

export const AgreementInput = OnBehalfOf.extend({
  what: FamilyWords,
  /** The goal it serves; its life domain is then the agreement's. */
  goalId: Uuid.nullable().optional(),
  /** Without a goal, the life domain it belongs to. */
  lifeDomainId: Uuid.nullable().optional(),
  ownerParticipantId: Uuid,
  dueDate: IsoDate.nullable().optional(),
  status: z.enum(AGREEMENT_STATUSES).default('open'),
  isPrivate: z.boolean().default(false),
});
export const AgreementPatch = patchOf(AgreementInput);
/** GET /families/{id}/agreements: the agreements of one goal, or with one status. */
export const AgreementQuery = z.object({ goalId: Uuid.optional(), status: z.enum(AGREEMENT_STATUSES).optional() });
export type AgreementInput = z.input<typeof AgreementInput>;

export const EvaluationGoal = z.object({
  goalId: Uuid,
  goalText: z.string(),
  lifeDomainId: Uuid.nullable(),
  wentWell: z.string().nullable(),
  gotStuck: z.string().nullable(),
  decision: z.enum(EVALUATION_DECISIONS),
});
export type EvaluationGoal = z.infer<typeof EvaluationGoal>;

export const Evaluation = Attribution.extend({
  id: Uuid,
  heldOn: IsoDate,
  summary: z.string().nullable(),
  goals: z.array(EvaluationGoal),
  planVersionId: Uuid.nullable(),
  createdAt: Timestamp,
  version: z.number().int(),
});
export type Evaluation = z.infer<typeof Evaluation>;

export const EvaluationInput = OnBehalfOf.extend({
  heldOn: IsoDate,
  summary: OptionalText(4000),
  goals: z.array(z.object({
    goalId: Uuid,
    wentWell: OptionalText(2000),
    gotStuck: OptionalText(2000),
    decision: z.enum(EVALUATION_DECISIONS),
    /** With decision 'change': the goal's new wording. */
    newText: OptionalText(2000),
  })).min(1).max(100),
  /** New goals set at this evaluation (the follow-up). */
  newGoals: z.array(GoalInput.omit({ onBehalfOfParticipantId: true })).max(20).default([]),
});
export type EvaluationInput = z.input<typeof EvaluationInput>;

export const PlanSection = z.object({
  key: z.enum(PLAN_SECTION_KEYS),
  visible: z.boolean(),
  labelNl: z.string().trim().max(80).nullable(),
  labelEn: z.string().trim().max(80).nullable(),
});

export const PlanTemplate = z.object({
  id: Uuid,
  name: z.string(),
  isDefault: z.boolean(),
  sections: z.array(PlanSection),
  lifeDomainIds: z.array(Uuid),
  version: z.number().int(),
});
export type PlanTemplate = z.infer<typeof PlanTemplate>;

export const PlanTemplateInput = z.object({
  name: Name,
  isDefault: z.boolean().default(false),
  sections: z.array(PlanSection).length(PLAN_SECTION_KEYS.length)
    .refine((s) => new Set(s.map((x) => x.key)).size === s.length, { message: 'duplicate section' }),
  lifeDomainIds: z.array(Uuid).max(50).default([]),
});
export const PlanTemplatePatch = patchOf(PlanTemplateInput);
export const PlanTemplateParams = z.object({ collaborationId: Uuid, templateId: Uuid });

export const PlanVersionMeta = z.object({
  id: Uuid,
  number: z.number().int(),
  reason: z.enum(PLAN_VERSION_REASONS),
  label: z.string().nullable(),
  createdAt: Timestamp,
  createdByName: z.string().nullable(),
});
export type PlanVersionMeta = z.infer<typeof PlanVersionMeta>;

export const PlanVersionCreate = z.object({ label: OptionalText(120) });

/** The plan's content: the same shape for the current plan and for a saved (read-only) version. */
export const PlanContent = z.object({
  questions: z.array(PlanItem),
  strengths: z.array(PlanItem),
  worries: z.array(PlanItem),
  goals: z.array(PlanItem),
  agreements: z.array(Agreement),
});
export type PlanContent = z.infer<typeof PlanContent>;

export const Plan = PlanContent.extend({
  familyId: Uuid,
  displayName: z.string(),
  /** The ETag of the plan as a whole; If-Match for reordering. */
  revision: z.number().int(),
  template: PlanTemplate.nullable(),
  lifeDomains: z.array(z.object({ id: Uuid, labelNl: z.string(), labelEn: z.string(), pictogram: z.string() })),
  participants: z.array(ParticipantOption),
  evaluations: z.array(Evaluation),
  latestVersion: PlanVersionMeta.nullable(),
});
export type Plan = z.infer<typeof Plan>;

export const PlanVersion = PlanContent.extend({ meta: PlanVersionMeta });
export type PlanVersion = z.infer<typeof PlanVersion>;

export const VersionParams = z.object({ id: Uuid, versionId: Uuid });

/** "Where we started": a version (default the first) beside the current plan. */
export const PlanCompareQuery = z.object({ from: Uuid.optional() });
const Change = z.object({ item: PlanItem, before: Scale.nullable(), after: Scale.nullable() });
export const PlanComparison = z.object({
  from: PlanVersionMeta,
  goalsReached: z.array(PlanItem),
  goalsNew: z.array(PlanItem),
  goalsProgressed: z.array(Change),
  worriesShrunk: z.array(Change),
  worriesGone: z.array(PlanItem),
  strengthsGrown: z.array(Change),
  strengthsNew: z.array(PlanItem),
  agreementsDone: z.number().int(),
});
export type PlanComparison = z.infer<typeof PlanComparison>;

export const PlanChange = z.object({
  id: Uuid,
  itemType: z.enum(PLAN_TOPIC_TYPES),
  itemId: Uuid,
  action: z.enum(['create', 'update', 'delete']),
  at: Timestamp,
  changedByName: z.string().nullable(),
  onBehalfOfName: z.string().nullable(),
  /** The fields that differ between before and after. */
  fields: z.array(z.string()),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type PlanChange = z.infer<typeof PlanChange>;

export const HistoryQuery = z.object({
  itemType: z.enum(PLAN_TOPIC_TYPES).optional(),
  itemId: Uuid.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const ExportQuery = z.object({
  format: z.enum(['json', 'pdf']).default('json'),
  /** The PDF: `plan` (the plan to print) or `file` (the whole file, with who looked). JSON is always the whole file. */
  contents: z.enum(['plan', 'file']).default('plan'),
  /** The PDF's language; default the asker's. */
  locale: LocaleSchema.optional(),
});
