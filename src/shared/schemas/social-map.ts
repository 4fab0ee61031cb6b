import { z } from 'zod';
import { OptionalText, patchOf, Timestamp, Uuid } from './common.ts';

/* The collaboration's social map: who offers what, how to get in, how long the wait. Under /api/v1/social-map. */

const Postcode = z.string().trim().regex(/^[1-9][0-9]{3}$/);

export const SocialMapEntry = z.object({
  id: Uuid,
  collaborationId: Uuid,
  organisation: z.string(),
  service: z.string(),
  description: z.string().nullable(),
  lifeDomainIds: z.array(Uuid),
  targetGroup: z.string().nullable(),
  postcodes: z.array(z.string()),
  howToRegister: z.string().nullable(),
  contact: z.string().nullable(),
  waitingWeeks: z.number().int().nullable(),
  waitingNote: z.string().nullable(),
  waitingConfirmedAt: Timestamp.nullable(),
  waitingConfirmedByName: z.string().nullable(),
  /** The waiting time was confirmed longer ago than the stale limit (or never). */
  stale: z.boolean(),
  version: z.number().int(),
});
export type SocialMapEntry = z.infer<typeof SocialMapEntry>;

export const SocialMapInput = z.object({
  collaborationId: Uuid,
  organisation: z.string().trim().min(1).max(160),
  service: z.string().trim().min(1).max(200),
  description: OptionalText(2000),
  lifeDomainIds: z.array(Uuid).max(20).default([]),
  targetGroup: OptionalText(300),
  postcodes: z.array(Postcode).max(500).default([]),
  howToRegister: OptionalText(1000),
  contact: OptionalText(300),
  waitingWeeks: z.number().int().min(0).max(520).nullable().optional(),
  waitingNote: OptionalText(300),
});
export type SocialMapInput = z.input<typeof SocialMapInput>;
export const SocialMapPatch = patchOf(SocialMapInput.omit({ collaborationId: true }));

/** A coach confirms (or corrects) the current waiting time: stamped with now and their name. */
export const WaitingTimeInput = z.object({
  waitingWeeks: z.number().int().min(0).max(520).nullable(),
  waitingNote: OptionalText(300),
});

export const SocialMapQuery = z.object({
  collaborationId: Uuid,
  q: z.string().trim().max(100).optional(),
  lifeDomainId: Uuid.optional(),
  postcode: z.string().trim().regex(/^\d{4}$/).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const SocialMapCollaborationQuery = z.object({ collaborationId: Uuid });
export const SocialMapImport = z.object({ collaborationId: Uuid, csv: z.string().min(1).max(1_000_000) });
export const SocialMapImportResult = z.object({ created: z.number().int(), updated: z.number().int() });
