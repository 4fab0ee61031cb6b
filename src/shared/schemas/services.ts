import { z } from 'zod';
import { SERVICE_STATUSES } from '../network-constants.ts';
import { OptionalText, patchOf, Timestamp, Uuid } from './common.ts';
import { OnBehalfOf } from './families.ts';

/*
 * The help overview: every service involved with the family, and the waiting list (services with
 * status `waiting`), under /api/v1/families/{id}/services and /waiting-list.
 */

const IsoDate = z.iso.date();

export const Service = z.object({
  id: Uuid,
  organisation: z.string(),
  kindOfHelp: z.string(),
  memberIds: z.array(Uuid),
  lifeDomainId: Uuid.nullable(),
  since: IsoDate.nullable(),
  contactPerson: z.string().nullable(),
  contactPhone: z.string().nullable(),
  status: z.enum(SERVICE_STATUSES),
  waitingSince: IsoDate.nullable(),
  expected: z.string().nullable(),
  bridging: z.string().nullable(),
  endedOn: IsoDate.nullable(),
  familyExpects: z.string().nullable(),
  position: z.number().int(),
  socialMapEntryId: Uuid.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type Service = z.infer<typeof Service>;

export const ServiceInput = OnBehalfOf.extend({
  organisation: z.string().trim().min(1).max(160),
  kindOfHelp: z.string().trim().min(1).max(200),
  memberIds: z.array(Uuid).max(20).default([]),
  lifeDomainId: Uuid.nullable().optional(),
  since: IsoDate.nullable().optional(),
  contactPerson: OptionalText(120),
  contactPhone: OptionalText(40),
  status: z.enum(SERVICE_STATUSES).default('active'),
  waitingSince: IsoDate.nullable().optional(),
  expected: OptionalText(200),
  bridging: OptionalText(300),
  endedOn: IsoDate.nullable().optional(),
  familyExpects: OptionalText(1000),
  socialMapEntryId: Uuid.nullable().optional(),
});
export type ServiceInput = z.input<typeof ServiceInput>;
export const ServicePatch = patchOf(ServiceInput);

export const ServiceQuery = z.object({
  status: z.enum(SERVICE_STATUSES).optional(),
  memberId: Uuid.optional(),
  lifeDomainId: Uuid.optional(),
});
