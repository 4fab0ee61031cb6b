import { z } from 'zod';
import { CollaborationContact, PostcodeRouting } from '../../../shared/schemas/registrations.ts';
import { AppError } from '../../http/errors.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { listCollaborationContacts, routePostcode } from './repo.ts';

const tags = ['routing'];

/**
 * Public: the registration form finds the collaboration from the family's postcode. Collaboration
 * names and contacts are public information; nothing here is personal data.
 */
export function routingRoutes(app: App, { db }: FeatureDeps) {
  app.get('/routing/postcodes/:postcode', {
    config: { public: true },
    schema: {
      tags, summary: 'The collaboration(s) serving a postcode (public)',
      params: z.object({ postcode: z.string().max(20) }),
      response: { 200: PostcodeRouting },
    },
  }, async (req) => {
    const postcode = req.params.postcode.trim();
    const matches = /^[1-9][0-9]{3}$/.test(postcode) ? await routePostcode(db, postcode) : [];
    if (matches.length === 0) throw new AppError(404, 'postcode_unknown');
    return { postcode, matches };
  });

  app.get('/routing/collaborations', {
    config: { public: true },
    schema: { tags, summary: 'All collaborations, to choose from when the postcode is unknown (public)', response: { 200: z.object({ items: z.array(CollaborationContact) }) } },
  }, async () => ({ items: await listCollaborationContacts(db) }));
}
