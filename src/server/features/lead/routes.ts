import { FamilyParams } from '../../../shared/schemas/families.ts';
import { Lead, LeadInput } from '../../../shared/schemas/messages.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { inFamily, readInFamily } from '../families/scope.ts';
import { loadLead, setLead } from './service.ts';

const tags = ['lead'];

export function leadRoutes(app: App, { db }: FeatureDeps) {
  app.get('/families/:id/lead', { schema: { tags, summary: 'Who has the lead (regie) now, and who had it when', params: FamilyParams, response: { 200: Lead } } },
    async (req) => readInFamily(db, req, 'lead', (tx, scope) => loadLead(tx, scope)));

  // The lead is one value per family, replaced whole; the family row is locked while it changes.
  app.put('/families/:id/lead', { schema: { tags, summary: 'Hand the lead to these family members, or (none) back to the coaches', params: FamilyParams, body: LeadInput, response: { 200: Lead } } },
    async (req) => inFamily(db, req, async (tx, scope) => {
      await setLead(tx, req.ctx, scope, req.body.participantIds);
      return loadLead(tx, scope);
    }));
}
