import { useInfiniteQuery } from '@tanstack/react-query';
import { CollaborationAccessLogEntry } from '../../../shared/schemas/access-log.ts';
import { page } from '../../../shared/schemas/common.ts';
import { API_BASE, apiRequest } from '../../app/api.ts';

/** The DPO's filters; empty strings are "any". */
export interface LogFilters {
  personId: string;
  familyId: string;
  action: string;
  outcome: string;
  from: string;
  to: string;
}

export const NO_FILTERS: LogFilters = { personId: '', familyId: '', action: '', outcome: '', from: '', to: '' };

export function filterQuery(filters: LogFilters): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  return query;
}

/** The CSV of exactly what the screen shows, every page of it. */
export const csvHref = (collaborationId: string, filters: LogFilters) =>
  `${API_BASE}/collaborations/${collaborationId}/access-log.csv?${filterQuery(filters)}`;

export function useCollaborationLog(collaborationId: string, filters: LogFilters) {
  return useInfiniteQuery({
    queryKey: ['collaborations', collaborationId, 'access-log', filters],
    queryFn: async ({ pageParam }) => {
      const query = filterQuery(filters);
      query.set('limit', '50');
      if (pageParam) query.set('cursor', pageParam);
      return (await apiRequest(`/collaborations/${collaborationId}/access-log?${query}`, { schema: page(CollaborationAccessLogEntry) })).data;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 0,
  });
}
