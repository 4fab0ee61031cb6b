import { useQuery } from '@tanstack/react-query';
import { CollaborationFigures, GovernmentFigures } from '../../../shared/schemas/figures.ts';
import { API_BASE, apiRequest } from '../../app/api.ts';

export interface FigureFilters { from: string; to: string; partnerOrganisationId?: string; coachId?: string }

export const filterQuery = (f: FigureFilters, extra: Record<string, string> = {}) => {
  const q = new URLSearchParams({ from: f.from, to: f.to, ...extra });
  if (f.partnerOrganisationId) q.set('partnerOrganisationId', f.partnerOrganisationId);
  if (f.coachId) q.set('coachId', f.coachId);
  return q.toString();
};

export function useCollaborationFigures(collaborationId: string, filters: FigureFilters, enabled: boolean) {
  return useQuery({
    queryKey: ['collaborations', collaborationId, 'figures', filters],
    queryFn: async () => (await apiRequest(`/collaborations/${collaborationId}/figures?${filterQuery(filters)}`, { schema: CollaborationFigures })).data,
    enabled,
  });
}

export function useGovernmentFigures(from: string, to: string, enabled: boolean) {
  return useQuery({
    queryKey: ['government', 'figures', from, to],
    queryFn: async () => (await apiRequest(`/government/figures?${new URLSearchParams({ from, to })}`, { schema: GovernmentFigures })).data,
    enabled,
  });
}

/** Downloads are plain links: the session cookie goes along, a GET needs no CSRF token. */
export const downloads = {
  csv: (collaborationId: string, f: FigureFilters, figure: string) => `${API_BASE}/collaborations/${collaborationId}/figures.csv?${filterQuery(f, { figure })}`,
  pdf: (collaborationId: string, f: FigureFilters, lang: string) => `${API_BASE}/collaborations/${collaborationId}/figures.pdf?${filterQuery(f, { lang })}`,
  governmentCsv: (from: string, to: string) => `${API_BASE}/government/figures.csv?${new URLSearchParams({ from, to })}`,
  governmentJson: (from: string, to: string) => `${API_BASE}/government/figures?${new URLSearchParams({ from, to })}`,
  schema: `${API_BASE}/government/figures/schema.json`,
};
