import { sql } from 'drizzle-orm';
import {
  boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid,
} from 'drizzle-orm/pg-core';
import {
  AGREEMENT_STATUSES, CONTACT_PLACES, EVALUATION_DECISIONS, GOAL_STATUSES, PLAN_ITEM_KINDS, PLAN_TOPIC_TYPES,
  PLAN_VERSION_REASONS, type PlanSection,
} from '../../../shared/plan-constants.ts';
import { collaborations, lifeDomains } from './tenants.ts';
import { users } from './people.ts';
import { families, familyParticipants } from './families.ts';

const now = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/**
 * The columns every piece of a family's file carries so that one access policy can decide who
 * sees it (DESIGN.md, "Topics"): its life domain, whether its author marked it private, and who
 * wrote it — the family member, or the coach on a member's behalf.
 */
export const topicColumns = () => ({
  collaborationId: uuid().notNull(),
  id: uuid().notNull().defaultRandom(),
  familyId: uuid().notNull(),
  lifeDomainId: uuid(),
  isPrivate: boolean().notNull().default(false),
  authorParticipantId: uuid(),
  onBehalfOfParticipantId: uuid(),
  createdByUserId: uuid().references(() => users.id),
  version: integer().notNull().default(1),
  createdAt: now(),
  updatedAt: now(),
  deletedAt: timestamp({ withTimezone: true }),
});

type TopicTable = { collaborationId: never; familyId: never; lifeDomainId: never; authorParticipantId: never; onBehalfOfParticipantId: never };
/** Tenant-safe foreign keys of the topic columns; `name` prefixes the constraint names. */
// The column objects differ per table; drizzle's builder types are not worth spelling out here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const topicKeys = (name: string, t: Record<keyof TopicTable, any>) => [
  foreignKey({ name: `${name}_family_fk`, columns: [t.collaborationId, t.familyId], foreignColumns: [families.collaborationId, families.id] }),
  foreignKey({ name: `${name}_life_domain_fk`, columns: [t.collaborationId, t.lifeDomainId], foreignColumns: [lifeDomains.collaborationId, lifeDomains.id] }),
  foreignKey({ name: `${name}_author_fk`, columns: [t.collaborationId, t.authorParticipantId], foreignColumns: [familyParticipants.collaborationId, familyParticipants.id] }),
  foreignKey({ name: `${name}_on_behalf_of_fk`, columns: [t.collaborationId, t.onBehalfOfParticipantId], foreignColumns: [familyParticipants.collaborationId, familyParticipants.id] }),
  index(`${name}_family`).on(t.collaborationId, t.familyId),
];

/** A visit, call or meeting with a short note the family can read. */
export const contactMoments = pgTable(
  'contact_moments',
  {
    ...topicColumns(),
    occurredOn: date().notNull(),
    place: text({ enum: CONTACT_PLACES }).notNull(),
    placeDetail: text(),
    /** Participants who were there (checked against the family in the service). */
    presentParticipantIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    summary: text().notNull(),
    minutesSpent: integer(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }), ...topicKeys('contact_moments', t),
    // Hours per coach in a period (figures).
    index('contact_moments_occurred').on(t.collaborationId, t.occurredOn),
  ],
);

/**
 * Questions for help, strengths, worries and goals: the plan's items in the family's own words.
 * `position` is the family's order (priority); `size` says how big a worry or how strong a strength
 * is (1–5), so "where we started" can show worries that shrank and strengths that grew.
 */
export const planItems = pgTable(
  'plan_items',
  {
    ...topicColumns(),
    kind: text({ enum: PLAN_ITEM_KINDS }).notNull(),
    text: text().notNull(),
    position: integer().notNull().default(0),
    size: integer(),
    whyItMatters: text(),
    targetDate: date(),
    progress: integer(),
    status: text({ enum: GOAL_STATUSES }).notNull().default('active'),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    ...topicKeys('plan_items', t),
    // Goals per life domain and outcome (figures).
    index('plan_items_kind_family').on(t.collaborationId, t.kind, t.familyId),
    // Goals per family with status and life domain (goal figures), from the index alone.
    index('plan_items_goals').on(t.collaborationId, t.familyId, t.status, t.lifeDomainId).where(sql`${t.kind} = 'goal' and ${t.deletedAt} is null`),
    check('plan_items_size', sql`${t.size} between 1 and 5`),
    check('plan_items_progress', sql`${t.progress} between 1 and 5`),
  ],
);

/** Whom a plan item is about or for: one or more participants of the family. */
export const planItemMembers = pgTable(
  'plan_item_members',
  { collaborationId: uuid().notNull(), itemId: uuid().notNull(), participantId: uuid().notNull() },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.itemId, t.participantId] }),
    foreignKey({ name: 'plan_item_members_item_fk', columns: [t.collaborationId, t.itemId], foreignColumns: [planItems.collaborationId, planItems.id] }),
    foreignKey({ name: 'plan_item_members_participant_fk', columns: [t.collaborationId, t.participantId], foreignColumns: [familyParticipants.collaborationId, familyParticipants.id] }),
  ],
);

/** Who does what by when; the owner is any participant: family, network or professional. */
export const agreements = pgTable(
  'agreements',
  {
    ...topicColumns(),
    goalId: uuid(),
    what: text().notNull(),
    ownerParticipantId: uuid().notNull(),
    dueDate: date(),
    status: text({ enum: AGREEMENT_STATUSES }).notNull().default('open'),
    position: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    ...topicKeys('agreements', t),
    foreignKey({ name: 'agreements_goal_fk', columns: [t.collaborationId, t.goalId], foreignColumns: [planItems.collaborationId, planItems.id] }),
    foreignKey({ name: 'agreements_owner_fk', columns: [t.collaborationId, t.ownerParticipantId], foreignColumns: [familyParticipants.collaborationId, familyParticipants.id] }),
  ],
);

/** An evaluation moment: looking back on the goals together. Saves a plan version. */
export const evaluations = pgTable(
  'evaluations',
  {
    ...topicColumns(),
    heldOn: date().notNull(),
    summary: text(),
    planVersionId: uuid(),
  },
  (t) => [primaryKey({ columns: [t.collaborationId, t.id] }), ...topicKeys('evaluations', t)],
);

/** Per goal at an evaluation: what went well, what got stuck, and how it goes on. */
export const evaluationGoals = pgTable(
  'evaluation_goals',
  {
    collaborationId: uuid().notNull(),
    evaluationId: uuid().notNull(),
    goalId: uuid().notNull(),
    /** The goal's life domain, copied so the access policy can filter without a join. */
    lifeDomainId: uuid(),
    wentWell: text(),
    gotStuck: text(),
    decision: text({ enum: EVALUATION_DECISIONS }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.evaluationId, t.goalId] }),
    foreignKey({ name: 'evaluation_goals_evaluation_fk', columns: [t.collaborationId, t.evaluationId], foreignColumns: [evaluations.collaborationId, evaluations.id] }),
    foreignKey({ name: 'evaluation_goals_goal_fk', columns: [t.collaborationId, t.goalId], foreignColumns: [planItems.collaborationId, planItems.id] }),
  ],
);

/** A saved, read-only state of the plan: at the start, at each evaluation, or on demand. */
export const planVersions = pgTable(
  'plan_versions',
  {
    collaborationId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    familyId: uuid().notNull(),
    number: integer().notNull(),
    reason: text({ enum: PLAN_VERSION_REASONS }).notNull(),
    label: text(),
    createdByUserId: uuid().references(() => users.id),
    createdAt: now(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    unique('plan_versions_number').on(t.collaborationId, t.familyId, t.number),
    foreignKey({ name: 'plan_versions_family_fk', columns: [t.collaborationId, t.familyId], foreignColumns: [families.collaborationId, families.id] }),
  ],
);

/**
 * One item as it was in a version, one row per item so the access policy filters versions with
 * the same topic columns as the live plan (a version never shows what the scope hides).
 */
export const planVersionItems = pgTable(
  'plan_version_items',
  {
    collaborationId: uuid().notNull(),
    versionId: uuid().notNull(),
    itemType: text({ enum: PLAN_TOPIC_TYPES }).notNull(),
    itemId: uuid().notNull(),
    lifeDomainId: uuid(),
    isPrivate: boolean().notNull().default(false),
    authorParticipantId: uuid(),
    data: jsonb().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.versionId, t.itemType, t.itemId] }),
    foreignKey({ name: 'plan_version_items_version_fk', columns: [t.collaborationId, t.versionId], foreignColumns: [planVersions.collaborationId, planVersions.id] }),
  ],
);

/** Every change to the family's file: who, when, on whose behalf, before and after. Append-only. */
export const planChanges = pgTable(
  'plan_changes',
  {
    collaborationId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    familyId: uuid().notNull(),
    itemType: text({ enum: PLAN_TOPIC_TYPES }).notNull(),
    itemId: uuid().notNull(),
    lifeDomainId: uuid(),
    isPrivate: boolean().notNull().default(false),
    authorParticipantId: uuid(),
    action: text({ enum: ['create', 'update', 'delete'] }).notNull(),
    changedByUserId: uuid().references(() => users.id),
    onBehalfOfParticipantId: uuid(),
    before: jsonb(),
    after: jsonb(),
    at: now(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    foreignKey({ name: 'plan_changes_family_fk', columns: [t.collaborationId, t.familyId], foreignColumns: [families.collaborationId, families.id] }),
    index('plan_changes_family_at').on(t.collaborationId, t.familyId, t.at),
    index('plan_changes_item').on(t.collaborationId, t.itemId),
  ],
);

/** How a collaboration lays out its plans: which sections, under which names, which domains first. */
export const planTemplates = pgTable(
  'plan_templates',
  {
    collaborationId: uuid().notNull().references(() => collaborations.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    isDefault: boolean().notNull().default(false),
    sections: jsonb().$type<PlanSection[]>().notNull(),
    /** Life domains offered first when the family picks one (all stay available). */
    lifeDomainIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    version: integer().notNull().default(1),
    createdAt: now(),
    archivedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.collaborationId, t.id] })],
);
