import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Closure, ClosureOverview, Handover } from '../../../shared/schemas/closure.ts';
import { apiRequest } from '../../app/api.ts';
import { randomUuid } from '../../app/uuid.ts';
import { familyKey } from '../families/queries.ts';
import { portalKey } from '../sharing/queries.ts';

const closureKey = (familyId: string) => [...familyKey(familyId), 'closure'] as const;

export function useClosure(familyId: string) {
  return useQuery({ queryKey: closureKey(familyId), queryFn: async () => (await apiRequest(`/families/${familyId}/closure`, { schema: ClosureOverview })).data });
}

/** Every closure change changes what the whole file allows: refresh all of it. */
function useClosureChange<V, R>(familyId: string, run: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: familyKey(familyId) }), queryClient.invalidateQueries({ queryKey: portalKey }), queryClient.invalidateQueries({ queryKey: ['workspace'] })]);
    },
  });
}

export const useProposeHandover = (familyId: string) => useClosureChange(familyId, async (body: unknown) =>
  (await apiRequest(`/families/${familyId}/handovers`, { method: 'POST', body, idempotencyKey: randomUuid(), schema: Handover })).data);

export const useApproveHandover = (familyId: string) => useClosureChange(familyId, async ({ handover, body }: { handover: Handover; body: unknown }) =>
  (await apiRequest(`/families/${familyId}/handovers/${handover.id}/approve`, { method: 'POST', body, ifMatch: `"${handover.version}"`, schema: Handover })).data);

export const useCloseTrajectory = (familyId: string) => useClosureChange(familyId, async (body: unknown) =>
  (await apiRequest(`/families/${familyId}/closure`, { method: 'POST', body, idempotencyKey: randomUuid(), schema: Closure })).data);

export const useReopenTrajectory = (familyId: string) => useClosureChange(familyId, async ({ closure, body }: { closure: Closure; body: unknown }) =>
  (await apiRequest(`/families/${familyId}/closure/reopen`, { method: 'POST', body, ifMatch: `"${closure.version}"`, schema: Closure })).data);
