import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  IdentityProvider, IdentityProviderList, type IdentityProviderCreate, type IdentityProviderPatch,
} from '../../../shared/schemas/identity-providers.ts';
import { apiRequest, etagFor } from '../../app/api.ts';
import { randomUuid } from '../../app/uuid.ts';

export const identityProvidersQueryKey = (collaborationId: string) => ['collaborations', collaborationId, 'identity-providers'] as const;
const url = (collaborationId: string) => `/collaborations/${collaborationId}/identity-providers`;

/** A collaboration has a handful of providers: one list, no pages. */
export function useIdentityProviders(collaborationId: string) {
  return useQuery({
    queryKey: identityProvidersQueryKey(collaborationId),
    queryFn: async () => (await apiRequest(url(collaborationId), { schema: IdentityProviderList })).data,
  });
}

export function useCreateIdentityProvider(collaborationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IdentityProviderCreate) =>
      apiRequest(url(collaborationId), { method: 'POST', body, idempotencyKey: randomUuid(), schema: IdentityProvider }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityProvidersQueryKey(collaborationId) }),
  });
}

export function useUpdateIdentityProvider(collaborationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ provider, patch }: { provider: IdentityProvider; patch: IdentityProviderPatch }) =>
      apiRequest(`${url(collaborationId)}/${provider.id}`, { method: 'PATCH', body: patch, ifMatch: etagFor(provider.version), schema: IdentityProvider }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityProvidersQueryKey(collaborationId) }),
  });
}
