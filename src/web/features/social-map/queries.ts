import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { page } from '../../../shared/schemas/common.ts';
import { SocialMapEntry, SocialMapImportResult, type SocialMapInput } from '../../../shared/schemas/social-map.ts';
import { apiRequest, etagFor } from '../../app/api.ts';
import { randomUuid } from '../../app/uuid.ts';

export interface SocialMapFilter { q: string; lifeDomainId: string; postcode: string }
const key = (collaborationId: string) => ['collaborations', collaborationId, 'social-map'] as const;

export function useSocialMap(collaborationId: string, filter: SocialMapFilter) {
  return useInfiniteQuery({
    queryKey: [...key(collaborationId), filter],
    queryFn: async ({ pageParam }) => {
      const query = new URLSearchParams({ collaborationId, limit: '25' });
      if (filter.q.trim()) query.set('q', filter.q.trim());
      if (filter.lifeDomainId) query.set('lifeDomainId', filter.lifeDomainId);
      if (/^\d{4}$/.test(filter.postcode.trim())) query.set('postcode', filter.postcode.trim());
      if (pageParam) query.set('cursor', pageParam);
      return (await apiRequest(`/social-map?${query}`, { schema: page(SocialMapEntry) })).data;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

function useMapMutation<V, R>(collaborationId: string, run: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => queryClient.invalidateQueries({ queryKey: key(collaborationId) }) });
}

export const useCreateEntry = (collaborationId: string) =>
  useMapMutation(collaborationId, (body: SocialMapInput) => apiRequest('/social-map', { method: 'POST', body, idempotencyKey: randomUuid(), schema: SocialMapEntry }));

export const useConfirmWaiting = (collaborationId: string) =>
  useMapMutation(collaborationId, ({ entry, waitingWeeks }: { entry: SocialMapEntry; waitingWeeks: number | null }) =>
    apiRequest(`/social-map/${entry.id}/waiting-time`, { method: 'PUT', body: { waitingWeeks }, ifMatch: etagFor(entry.version), schema: SocialMapEntry }));

export const useImportCsv = (collaborationId: string) =>
  useMapMutation(collaborationId, (csv: string) => apiRequest('/social-map/import', { method: 'POST', body: { collaborationId, csv }, schema: SocialMapImportResult }));
