/** The fixed vocabularies of the family file and plan, shared by database, API and screens. */

export const CONTACT_PLACES = ['home', 'school', 'hospital', 'office', 'online', 'phone', 'outside', 'elsewhere'] as const;
export type ContactPlace = (typeof CONTACT_PLACES)[number];

export const PLAN_ITEM_KINDS = ['question', 'strength', 'worry', 'goal'] as const;
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number];

/** A goal's state; questions, strengths and worries stay 'active'. */
export const GOAL_STATUSES = ['active', 'reached', 'partly_reached', 'not_reached', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const AGREEMENT_STATUSES = ['open', 'done', 'not_done'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** The follow-up per goal at an evaluation: carry on, change it, or close it with an outcome. */
export const EVALUATION_DECISIONS = ['continue', 'change', 'reached', 'partly_reached', 'not_reached', 'dropped'] as const;
export type EvaluationDecision = (typeof EVALUATION_DECISIONS)[number];

export const PLAN_VERSION_REASONS = ['start', 'evaluation', 'on_demand'] as const;
export type PlanVersionReason = (typeof PLAN_VERSION_REASONS)[number];

/** Every kind of thing in a family's file that the access policy and the history know. */
export const PLAN_TOPIC_TYPES = [
  ...PLAN_ITEM_KINDS, 'agreement', 'evaluation', 'contact_moment', 'member', 'consent', 'prior_involvement', 'network_person', 'network_tie', 'service',
  'lead', 'meeting', 'meeting_note', 'closure', 'handover', 'reflection',
] as const;
export type PlanTopicType = (typeof PLAN_TOPIC_TYPES)[number];

/** The four-part plan (goals; people & agreements; evaluation; follow-up), as sections a template shows. */
export const PLAN_SECTION_KEYS = ['questions', 'strengths', 'worries', 'goals', 'agreements', 'evaluations'] as const;
export type PlanSectionKey = (typeof PLAN_SECTION_KEYS)[number];

export interface PlanSection {
  key: PlanSectionKey;
  visible: boolean;
  /** The collaboration's own heading; empty means the standard one. */
  labelNl: string | null;
  labelEn: string | null;
}

/** Scales of 1 to 5, shown with faces (progress) or sizes (worries, strengths). */
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
