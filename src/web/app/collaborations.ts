import { useQuery } from '@tanstack/react-query';
import { CollaborationSummary } from '../../shared/schemas/collaborations.ts';
import { page } from '../../shared/schemas/common.ts';
import { apiRequest } from './api.ts';
import { useMe } from './session.ts';
import { membershipIn } from './permissions.ts';

const CollaborationPage = page(CollaborationSummary);
export const collaborationsQueryKey = ['collaborations'] as const;

/** Every collaboration the person may see (all of them, for a platform administrator). */
export function useCollaborations(enabled = true) {
  return useQuery({
    queryKey: collaborationsQueryKey,
    queryFn: async () => (await apiRequest('/collaborations', { schema: CollaborationPage })).data.items,
    enabled,
  });
}

/** The name to show for a collaboration; a platform administrator may not be a member of it. */
export function useCollaborationName(collaborationId: string | null | undefined): string | undefined {
  const me = useMe().data;
  const fromMembership = me && collaborationId ? membershipIn(me, collaborationId)?.collaborationName : undefined;
  const list = useCollaborations(Boolean(me?.user.platformAdmin && collaborationId && !fromMembership));
  return fromMembership ?? list.data?.find((c) => c.id === collaborationId)?.name;
}
