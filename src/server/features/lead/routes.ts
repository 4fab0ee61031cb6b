import { FamilyParams } from '../../../shared/schemas/families.ts';
import { Lead, LeadInput } from '../../../shared/schemas/messages.ts';
import { requireIfMatch, setEtag } from '../../http/etag.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { inFamily, readInFamily } from '../families/scope.ts';
import { loadLead, setLead } from './service.ts';

const tags = ['lead'];

export function leadRoutes(app: App, { db }: FeatureDeps) {
  app.get('/families/:id/lead', { schema: { tags, summary: 'Who has the lead (regie) now, and who had it when', params: FamilyParams, response: { 200: Lead } } },
    async (req, reply) => {
      const lead = await readInFamily(db, req, 'lead', (tx, scope) => loadLead(tx, scope));
      setEtag(reply, lead.version);
      return lead;
    });

  // The lead is one value per family, replaced whole (If-Match); the family row is locked while it changes.
  app.put('/families/:id/lead', { schema: { tags, summary: 'Hand the lead to these family members, or (none) back to the coaches (If-Match)', params: FamilyParams, body: LeadInput, response: { 200: Lead } } },
    async (req, reply) => {
      const expected = requireIfMatch(req);
      const lead = await inFamily(db, req, async (tx, scope) => {
        await setLead(tx, req.ctx, scope, req.body.participantIds, expected);
        return loadLead(tx, scope);
      });
      setEtag(reply, lead.version);
      return lead;
    });
}
