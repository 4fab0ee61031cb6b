import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { familyParticipants } from './families.ts';
import { topicColumns, topicKeys } from './plan.ts';

/**
 * An own-strength reflection (Gilsing): competence, motivation and social, each on a scale of 1–5
 * with a short note, for one family member or (no subject) the whole family. Part of the file: the
 * family reads it, and it is shared like other single items (`item_type = 'reflection'`).
 */
export const ownStrengthReflections = pgTable(
  'own_strength_reflections',
  {
    ...topicColumns(),
    subjectParticipantId: uuid(),
    reflectedOn: date().notNull(),
    competence: integer().notNull(),
    competenceNote: text(),
    motivation: integer().notNull(),
    motivationNote: text(),
    social: integer().notNull(),
    socialNote: text(),
    note: text(),
    /** Made together with the family (who took part), or by the coach alone. */
    withFamily: boolean().notNull().default(false),
    presentParticipantIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    ...topicKeys('own_strength_reflections', t),
    foreignKey({ name: 'own_strength_reflections_subject_fk', columns: [t.collaborationId, t.subjectParticipantId], foreignColumns: [familyParticipants.collaborationId, familyParticipants.id] }),
    check('own_strength_reflections_scale', sql`${t.competence} between 1 and 5 and ${t.motivation} between 1 and 5 and ${t.social} between 1 and 5`),
  ],
);
