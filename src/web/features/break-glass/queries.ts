import { z } from 'zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { BreakGlassGrant, type BreakGlassReview } from '../../../shared/schemas/break-glass.ts';
import type { BreakGlassReviewStatus } from '../../../shared/break-glass-constants.ts';
import { apiRequest, etagFor } from '../../app/api.ts';
import { randomUuid } from '../../app/uuid.ts';
import { familyKey } from '../families/queries.ts';

const grantsKey = (collaborationId: string) => ['collaborations', collaborationId, 'break-glass'] as const;

/** Opening or ending emergency access changes what the whole family file shows. */
function useFamilyRefresh(familyId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: familyKey(familyId) });
}

export function useOpenBreakGlass(familyId: string) {
  const refresh = useFamilyRefresh(familyId);
  return useMutation({
    mutationFn: async (reason: string) =>
      (await apiRequest(`/families/${familyId}/break-glass`, { method: 'POST', body: { reason }, idempotencyKey: randomUuid(), schema: BreakGlassGrant })).data,
    onSuccess: refresh,
  });
}

export function useEndBreakGlass(familyId: string) {
  const refresh = useFamilyRefresh(familyId);
  return useMutation({
    mutationFn: () => apiRequest(`/families/${familyId}/break-glass/end`, { method: 'POST' }),
    onSuccess: refresh,
  });
}

export function useBreakGlassGrants(collaborationId: string, status: BreakGlassReviewStatus | 'all') {
  return useQuery({
    queryKey: [...grantsKey(collaborationId), status],
    queryFn: async () =>
      (await apiRequest(`/collaborations/${collaborationId}/break-glass${status === 'all' ? '' : `?status=${status}`}`, { schema: z.object({ items: z.array(BreakGlassGrant) }) })).data.items,
  });
}

export function useReviewBreakGlass(collaborationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ grant, review }: { grant: BreakGlassGrant; review: BreakGlassReview }) =>
      (await apiRequest(`/collaborations/${collaborationId}/break-glass/${grant.id}/review`, {
        method: 'PUT', body: review, ifMatch: etagFor(grant.version), schema: BreakGlassGrant,
      })).data,
    onSettled: () => queryClient.invalidateQueries({ queryKey: grantsKey(collaborationId) }),
  });
}
