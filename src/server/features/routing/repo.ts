import { asc, eq } from 'drizzle-orm';
import type { CollaborationContact } from '../../../shared/schemas/registrations.ts';
import type { Executor } from '../../db/connection.ts';
import { collaborations, postcodes } from '../../db/schema/index.ts';

const contactColumns = {
  id: collaborations.id,
  name: collaborations.name,
  contactEmail: collaborations.contactEmail,
  contactPhone: collaborations.contactPhone,
};

/** The collaboration(s) serving a postcode: usually one, two when municipalities of one postcode are split. */
export async function routePostcode(db: Executor, postcode: string) {
  return db
    .select({ ...contactColumns, municipality: postcodes.municipality })
    .from(postcodes)
    .innerJoin(collaborations, eq(collaborations.id, postcodes.collaborationId))
    .where(eq(postcodes.postcode, postcode))
    .orderBy(asc(postcodes.municipality), asc(collaborations.name));
}

export async function listCollaborationContacts(db: Executor): Promise<CollaborationContact[]> {
  return db.select(contactColumns).from(collaborations).orderBy(asc(collaborations.name), asc(collaborations.id));
}

export async function findCollaborationContact(db: Executor, id: string) {
  const [row] = await db
    .select({ ...contactColumns, firstContactTargetDays: collaborations.firstContactTargetDays, warningThresholdDays: collaborations.warningThresholdDays })
    .from(collaborations)
    .where(eq(collaborations.id, id));
  return row ?? null;
}

