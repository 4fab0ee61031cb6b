import { z } from 'zod';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { page } from '../../../shared/schemas/common.ts';
import {
  AccessLogEntry, ConsentGrant, Invitation, Portal, PriorInvolvement, SharingOverview,
  type ConsentInput, type InvitationInput, type PriorInvolvementInput,
} from '../../../shared/schemas/sharing.ts';
import { apiRequest, etagFor } from '../../app/api.ts';
import { randomUuid } from '../../app/uuid.ts';
import { familyKey } from '../families/queries.ts';

/*
 * The family in charge: the portal, who sees what (consents), invitations, who looked (the access
 * log) and prior involvement. Every change refreshes the whole family file, since a grant changes
 * what the plan, the lists and the counts show.
 */

export const portalKey = ['portal'] as const;

export function usePortal(enabled = true) {
  return useQuery({ queryKey: portalKey, queryFn: async () => (await apiRequest('/portal', { schema: Portal })).data, enabled });
}

const sharingKey = (familyId: string) => [...familyKey(familyId), 'sharing'] as const;

export function useSharing(familyId: string) {
  return useQuery({ queryKey: sharingKey(familyId), queryFn: async () => (await apiRequest(`/families/${familyId}/consents`, { schema: SharingOverview })).data });
}

function useFamilyChange<V, R>(familyId: string, run: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: familyKey(familyId) }), queryClient.invalidateQueries({ queryKey: portalKey })]);
    },
  });
}

/** Shares a topic (or changes how): the server replaces an earlier grant for the same person and topic. */
export function useGrant(familyId: string) {
  return useFamilyChange(familyId, async (body: ConsentInput) =>
    (await apiRequest(`/families/${familyId}/consents`, { method: 'POST', body, idempotencyKey: randomUuid(), schema: ConsentGrant })).data);
}

/** Approves a proposal; `onApproved` runs in the hook, so it still runs when the proposal's card is gone. */
export function useApprove(familyId: string, onApproved?: (grant: ConsentGrant) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ grant, onBehalfOfParticipantId }: { grant: ConsentGrant; onBehalfOfParticipantId?: string | null }) =>
      (await apiRequest(`/families/${familyId}/consents/${grant.id}/approve`, {
        method: 'POST', body: { onBehalfOfParticipantId: onBehalfOfParticipantId ?? null }, ifMatch: etagFor(grant.version), schema: ConsentGrant,
      })).data,
    onSuccess: (grant) => onApproved?.(grant),
    onSettled: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: familyKey(familyId) }), queryClient.invalidateQueries({ queryKey: portalKey })]);
    },
  });
}

/** Stops a share, or declines a proposal. */
export function useRevoke(familyId: string) {
  return useFamilyChange(familyId, (grant: ConsentGrant) =>
    apiRequest(`/families/${familyId}/consents/${grant.id}`, { method: 'DELETE', ifMatch: etagFor(grant.version) }));
}

export function useInvite(familyId: string) {
  return useFamilyChange(familyId, (body: InvitationInput) =>
    apiRequest(`/families/${familyId}/invitations`, { method: 'POST', body, idempotencyKey: randomUuid(), schema: Invitation }));
}

export interface AccessLogFilters {
  who: 'all' | 'others';
  action: string;
  from: string;
  to: string;
}

export const ACCESS_LOG_PAGE = 50;

export function useAccessLog(familyId: string, filters: AccessLogFilters) {
  return useInfiniteQuery({
    queryKey: [...familyKey(familyId), 'access-log', filters],
    queryFn: async ({ pageParam }) => {
      const query = new URLSearchParams({ who: filters.who, limit: String(ACCESS_LOG_PAGE) });
      if (filters.action) query.set('action', filters.action);
      if (filters.from) query.set('from', filters.from);
      if (filters.to) query.set('to', filters.to);
      if (pageParam) query.set('cursor', pageParam);
      return (await apiRequest(`/families/${familyId}/access-log?${query}`, { schema: page(AccessLogEntry) })).data;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // Reads by others appear at once: never show an old list.
    staleTime: 0,
  });
}

const Items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export function usePriorInvolvements(familyId: string, enabled = true) {
  return useQuery({
    queryKey: [...familyKey(familyId), 'prior-involvements'],
    queryFn: async () => (await apiRequest(`/families/${familyId}/prior-involvements`, { schema: Items(PriorInvolvement) })).data.items,
    enabled,
  });
}

export function useDeclarePrior(familyId: string) {
  return useFamilyChange(familyId, (body: PriorInvolvementInput) =>
    apiRequest(`/families/${familyId}/prior-involvements`, { method: 'POST', body, idempotencyKey: randomUuid(), schema: PriorInvolvement }));
}

export function useRecordsDecision(familyId: string) {
  return useFamilyChange(familyId, ({ prior, decision, onBehalfOfParticipantId }: { prior: PriorInvolvement; decision: 'given' | 'refused'; onBehalfOfParticipantId?: string | null }) =>
    apiRequest(`/families/${familyId}/prior-involvements/${prior.id}/decision`, {
      method: 'POST', body: { decision, onBehalfOfParticipantId: onBehalfOfParticipantId ?? null }, ifMatch: etagFor(prior.version), schema: PriorInvolvement,
    }));
}
