import { z } from 'zod';
import { AGREEMENT_STATUSES, GOAL_STATUSES } from '../plan-constants.ts';
import { MEMBER_ROLES } from '../roles.ts';
import { Uuid } from './common.ts';

/*
 * Importing a family file from a FHIR R4 Bundle (made by this system, or another system following
 * the profile in docs/fhir.md) into a new family file of a collaboration: a preview first, then the
 * import with the family's recorded consent. Resources under /api/v1/collaborations/{id}.
 */

/** Any JSON object: the bundle itself is read on the server, resource by resource. */
export const FhirImportPreviewBody = z.object({ bundle: z.record(z.string(), z.unknown()) });

/**
 * The family's yes (the prior-involvement rule): records of another organisation enter the file only
 * when a parent said so. The coach records that answer on the first parent's behalf.
 */
export const FhirImportBody = FhirImportPreviewBody.extend({
  consent: z.object({
    familyAgreed: z.literal(true),
    /** The organisation the records come from. */
    organisationName: z.string().trim().min(1).max(200),
  }),
});
export type FhirImportBody = z.input<typeof FhirImportBody>;

export const FhirImportProblem = z.object({
  resourceType: z.string(),
  /** Where in the bundle: `entry[3].resource.status`. */
  path: z.string(),
  /** A machine code the screen translates: unknown_resource, invalid_value, missing_reference, … */
  reason: z.string(),
});
export type FhirImportProblem = z.infer<typeof FhirImportProblem>;

export const FhirImportPreview = z.object({
  familyName: z.string(),
  members: z.array(z.object({ name: z.string(), role: z.enum(MEMBER_ROLES), relation: z.string().nullable(), birthDate: z.string().nullable() })),
  network: z.array(z.object({ name: z.string(), relation: z.string().nullable(), ring: z.number().int() })),
  goals: z.array(z.object({ text: z.string(), lifeDomain: z.string().nullable(), status: z.enum(GOAL_STATUSES), progress: z.number().int().nullable(), targetDate: z.string().nullable() })),
  agreements: z.array(z.object({ what: z.string(), ownerName: z.string().nullable(), status: z.enum(AGREEMENT_STATUSES), dueDate: z.string().nullable(), goalText: z.string().nullable() })),
  /** Parts of the bundle that stay behind on purpose (round tables, messages, access log, sharing choices). */
  leftOut: z.array(z.object({ resourceType: z.string(), count: z.number().int() })),
  /** What was not understood: when not empty, nothing can be imported. */
  problems: z.array(FhirImportProblem),
});
export type FhirImportPreview = z.infer<typeof FhirImportPreview>;

export const FhirImportResult = z.object({ familyId: Uuid });
export type FhirImportResult = z.infer<typeof FhirImportResult>;
