import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CollaborationSettings, type CollaborationSettingsPatch } from '../../../shared/schemas/collaborations.ts';
import { apiRequest, etagFor, type ApiResult } from '../../app/api.ts';
import { meQueryKey } from '../../app/session.ts';
import { collaborationsQueryKey } from '../../app/collaborations.ts';

export const settingsQueryKey = (collaborationId: string) => ['collaborations', collaborationId, 'settings'] as const;

export function useSettings(collaborationId: string) {
  return useQuery({
    queryKey: settingsQueryKey(collaborationId),
    queryFn: () => apiRequest(`/collaborations/${collaborationId}/settings`, { schema: CollaborationSettings }),
  });
}

/** The version the form started from; the server refuses the save (412) if someone saved in between. */
export function ifMatchOf(result: ApiResult<CollaborationSettings>): string {
  return result.etag ?? etagFor(result.data.version);
}

export function useSaveSettings(collaborationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ patch, ifMatch }: { patch: CollaborationSettingsPatch; ifMatch: string }) =>
      apiRequest(`/collaborations/${collaborationId}/settings`, { method: 'PATCH', body: patch, ifMatch, schema: CollaborationSettings }),
    onSuccess: (result) => {
      queryClient.setQueryData(settingsQueryKey(collaborationId), result);
      // The name shows in the navigation and on the home page.
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
      void queryClient.invalidateQueries({ queryKey: collaborationsQueryKey, exact: true });
    },
  });
}
