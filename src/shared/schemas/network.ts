import { z } from 'zod';
import { HELP_KINDS, NETWORK_STATUSES, TIE_KINDS } from '../network-constants.ts';
import { Name, OptionalText, patchOf, Timestamp, Uuid } from './common.ts';
import { OnBehalfOf } from './families.ts';

/*
 * The network around a family (three rings, eco-map, "who can we call?"), under
 * /api/v1/families/{id}/network. Updates and deletes need If-Match.
 */

export const Ring = z.union([z.literal(1), z.literal(2), z.literal(3)]);
/** "08:00": hours and minutes, 24-hour clock. */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const Availability = z.object({
  weekday: z.number().int().min(1).max(7),
  startsAt: ClockTime,
  endsAt: ClockTime,
  /** Only for this kind of help ("can drive"); none: for anything the person offers. */
  helpKind: z.enum(HELP_KINDS).nullable().default(null),
}).refine((a) => a.startsAt < a.endsAt, { path: ['endsAt'], params: { message: 'invalid' } });
export type Availability = z.infer<typeof Availability>;

/** A person's phone, email and address: shown only to the family, its coaches and whom the family shared them with. */
export const NetworkContact = z.object({ phone: z.string().nullable(), email: z.string().nullable(), address: z.string().nullable() });
export type NetworkContact = z.infer<typeof NetworkContact>;

export const NetworkPerson = z.object({
  id: Uuid,
  name: z.string(),
  relation: z.string().nullable(),
  ring: z.number().int().min(1).max(3),
  importance: z.number().int().min(1).max(5).nullable(),
  roles: z.array(z.enum(HELP_KINDS)),
  offers: z.string().nullable(),
  callAnytime: z.boolean(),
  status: z.enum(NETWORK_STATUSES),
  availability: z.array(z.object({ weekday: z.number().int(), startsAt: ClockTime, endsAt: ClockTime, helpKind: z.enum(HELP_KINDS).nullable() })),
  /** Null when the asker may not see this person's contact details. */
  contact: NetworkContact.nullable(),
  participantId: Uuid.nullable(),
  mapAngle: z.number().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type NetworkPerson = z.infer<typeof NetworkPerson>;

export const NetworkPersonInput = OnBehalfOf.extend({
  name: Name,
  relation: OptionalText(80),
  ring: Ring,
  importance: z.number().int().min(1).max(5).nullable().optional(),
  roles: z.array(z.enum(HELP_KINDS)).max(HELP_KINDS.length).default([]),
  offers: OptionalText(500),
  callAnytime: z.boolean().default(false),
  status: z.enum(NETWORK_STATUSES).default('involved'),
  availability: z.array(Availability).max(21).default([]),
  phone: OptionalText(40),
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)).or(z.literal('').transform(() => null)).nullable().optional(),
  address: OptionalText(200),
  participantId: Uuid.nullable().optional(),
  mapAngle: z.number().min(-360).max(720).nullable().optional(),
});
export type NetworkPersonInput = z.input<typeof NetworkPersonInput>;
export const NetworkPersonPatch = patchOf(NetworkPersonInput);

export const NetworkTie = z.object({
  id: Uuid,
  /** Null: the tie is between the family itself (the middle of the map) and the person. */
  fromPersonId: Uuid.nullable(),
  toPersonId: Uuid,
  kind: z.enum(TIE_KINDS),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type NetworkTie = z.infer<typeof NetworkTie>;

export const NetworkTieInput = z.object({
  fromPersonId: Uuid.nullable().default(null),
  toPersonId: Uuid,
  kind: z.enum(TIE_KINDS),
  note: OptionalText(300),
});
export type NetworkTieInput = z.input<typeof NetworkTieInput>;
export const NetworkTiePatch = z.object({ kind: z.enum(TIE_KINDS).optional(), note: OptionalText(300) });

export const Network = z.object({ people: z.array(NetworkPerson), ties: z.array(NetworkTie) });
export type Network = z.infer<typeof Network>;

/** Who can help with this, on this day, in this time window ("who can drive on Tuesday morning?"). */
export const AvailabilityQuery = z.object({
  helpKind: z.enum(HELP_KINDS).optional(),
  weekday: z.coerce.number().int().min(1).max(7).optional(),
  from: ClockTime.optional(),
  to: ClockTime.optional(),
});
