import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  PartnerOrganisation,
  type PartnerOrganisationCreate,
  type PartnerOrganisationPatch,
} from '../../../shared/schemas/partners.ts';
import { page } from '../../../shared/schemas/common.ts';
import { apiRequest, etagFor } from '../../app/api.ts';
import { randomUuid } from '../../app/uuid.ts';

const PartnerPage = page(PartnerOrganisation);
const PAGE_SIZE = 25;

export const partnersQueryKey = (collaborationId: string) => ['collaborations', collaborationId, 'partners'] as const;

async function fetchPage(collaborationId: string, cursor: string | null, limit: number) {
  const query = new URLSearchParams({ limit: String(limit), includeInactive: 'true' });
  if (cursor) query.set('cursor', cursor);
  return (await apiRequest(`/collaborations/${collaborationId}/partner-organisations?${query}`, { schema: PartnerPage })).data;
}

/** The list on the partners page, one page at a time, inactive ones included. */
export function usePartners(collaborationId: string) {
  return useInfiniteQuery({
    queryKey: [...partnersQueryKey(collaborationId), 'list'],
    queryFn: ({ pageParam }) => fetchPage(collaborationId, pageParam, PAGE_SIZE),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Every partner organisation at once, for choosing one in a form (a collaboration has tens, not thousands). */
export function useAllPartners(collaborationId: string) {
  return useQuery({
    queryKey: [...partnersQueryKey(collaborationId), 'all'],
    queryFn: async () => {
      const items: PartnerOrganisation[] = [];
      let cursor: string | null = null;
      do {
        const next = await fetchPage(collaborationId, cursor, 100);
        items.push(...next.items);
        cursor = next.nextCursor;
      } while (cursor);
      return items;
    },
  });
}

export function useCreatePartner(collaborationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PartnerOrganisationCreate) =>
      apiRequest(`/collaborations/${collaborationId}/partner-organisations`, {
        method: 'POST',
        body,
        idempotencyKey: randomUuid(),
        schema: PartnerOrganisation,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnersQueryKey(collaborationId) }),
  });
}

export function useUpdatePartner(collaborationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ partner, patch }: { partner: PartnerOrganisation; patch: PartnerOrganisationPatch }) =>
      apiRequest(`/collaborations/${collaborationId}/partner-organisations/${partner.id}`, {
        method: 'PATCH',
        body: patch,
        ifMatch: etagFor(partner.version),
        schema: PartnerOrganisation,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnersQueryKey(collaborationId) }),
  });
}
