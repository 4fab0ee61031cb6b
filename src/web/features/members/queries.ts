import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Member, type MemberInvite, type MemberPatch } from '../../../shared/schemas/members.ts';
import { page } from '../../../shared/schemas/common.ts';
import { apiRequest, etagFor } from '../../app/api.ts';
import { randomUuid } from '../../app/uuid.ts';
import { meQueryKey } from '../../app/session.ts';

const MemberPage = page(Member);
const PAGE_SIZE = 25;

export const membersQueryKey = (collaborationId: string) => ['collaborations', collaborationId, 'members'] as const;

export function useMembers(collaborationId: string) {
  return useInfiniteQuery({
    queryKey: membersQueryKey(collaborationId),
    queryFn: async ({ pageParam }) => {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (pageParam) query.set('cursor', pageParam);
      return (await apiRequest(`/collaborations/${collaborationId}/members?${query}`, { schema: MemberPage })).data;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useInviteMember(collaborationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MemberInvite) =>
      apiRequest(`/collaborations/${collaborationId}/members`, { method: 'POST', body, idempotencyKey: randomUuid(), schema: Member }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersQueryKey(collaborationId) }),
  });
}

export function useUpdateMember(collaborationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ member, patch }: { member: Member; patch: MemberPatch }) =>
      apiRequest(`/collaborations/${collaborationId}/members/${member.userId}`, {
        method: 'PATCH',
        body: patch,
        ifMatch: etagFor(member.version),
        schema: Member,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: membersQueryKey(collaborationId) });
      // Changing one's own roles changes the navigation.
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

export function useResendInvitation(collaborationId: string) {
  return useMutation({
    mutationFn: (member: Member) =>
      apiRequest(`/collaborations/${collaborationId}/members/${member.userId}/invitation`, { method: 'POST' }),
  });
}
