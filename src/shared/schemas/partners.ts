import { z } from 'zod';
import { ORGANISATION_KINDS } from '../roles.ts';
import { Email, Name, OptionalText, Uuid } from './common.ts';

export const PartnerOrganisation = z
  .object({
    id: Uuid,
    name: z.string(),
    kind: z.enum(ORGANISATION_KINDS),
    contactEmail: z.string().nullable(),
    contactPhone: z.string().nullable(),
    active: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'PartnerOrganisation' });
export type PartnerOrganisation = z.infer<typeof PartnerOrganisation>;

export const PartnerOrganisationCreate = z.object({
  name: Name,
  kind: z.enum(ORGANISATION_KINDS),
  contactEmail: Email.nullable().optional(),
  contactPhone: OptionalText(40),
});
export type PartnerOrganisationCreate = z.infer<typeof PartnerOrganisationCreate>;

export const PartnerOrganisationPatch = PartnerOrganisationCreate.extend({ active: z.boolean() }).partial();
export type PartnerOrganisationPatch = z.infer<typeof PartnerOrganisationPatch>;
