import { z } from 'zod';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CoachOption,
  CollaborationContact,
  PostcodeRouting,
  ReferrerRegistration,
  Registration,
  RegistrationReceipt,
  RegistrationStats,
  RegistrationSummary,
  type AssignCoaches,
  type FirstContact,
  type ForwardRegistration,
  type ReferrerType,
  type RegistrationCreate,
  type RegistrationOutcome,
  type RegistrationStatus,
} from '../../../shared/schemas/registrations.ts';
import { page } from '../../../shared/schemas/common.ts';
import { apiRequest, isApiError, type ApiResult } from '../../app/api.ts';
import { randomUuid } from '../../app/uuid.ts';

const SummaryPage = page(RegistrationSummary);
const PAGE_SIZE = 25;
const Items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const registrationsQueryKey = (collaborationId: string) => ['collaborations', collaborationId, 'registrations'] as const;
export const registrationQueryKey = (collaborationId: string, id: string) => [...registrationsQueryKey(collaborationId), 'one', id] as const;
const mineQueryKey = ['registrations', 'mine'] as const;

/** Whether the postcode is written as a Belgian postcode: only then is it worth asking where it goes. */
export const isPostcode = (text: string) => /^[1-9][0-9]{3}$/.test(text.trim());

/** Where a postcode goes; `null` when no collaboration works there. */
export function usePostcodeRouting(postcode: string) {
  const code = postcode.trim();
  return useQuery({
    queryKey: ['routing', 'postcodes', code],
    queryFn: async (): Promise<PostcodeRouting | null> => {
      try {
        return (await apiRequest(`/routing/postcodes/${code}`, { schema: PostcodeRouting })).data;
      } catch (error) {
        if (isApiError(error) && (error.code === 'postcode_unknown' || error.status === 404)) return null;
        throw error;
      }
    },
    enabled: isPostcode(code),
    staleTime: 10 * 60_000,
  });
}

/** Every collaboration with its contact: to choose from when the postcode is unknown, or to forward to. */
export function useRoutingCollaborations(enabled = true) {
  return useQuery({
    queryKey: ['routing', 'collaborations'],
    queryFn: async () => (await apiRequest('/routing/collaborations', { schema: Items(CollaborationContact) })).data.items,
    enabled,
    staleTime: 10 * 60_000,
  });
}

export function useCreateRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    // A fresh key per submit; the button ignores presses while one is under way.
    mutationFn: (body: RegistrationCreate) =>
      apiRequest('/registrations', { method: 'POST', body, idempotencyKey: randomUuid(), schema: RegistrationReceipt }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: mineQueryKey });
      void queryClient.invalidateQueries({ queryKey: ['collaborations'] });
    },
  });
}

export interface QueueFilters {
  /** `open` (new or first contact), `all`, or one status. */
  status: 'open' | 'all' | RegistrationStatus;
  coachId: string | null;
  referrerType: ReferrerType | null;
}

export function useRegistrations(collaborationId: string, filters: QueueFilters) {
  return useInfiniteQuery({
    queryKey: [...registrationsQueryKey(collaborationId), 'list', filters],
    queryFn: async ({ pageParam }) => {
      const query = new URLSearchParams({ collaborationId, limit: String(PAGE_SIZE) });
      query.set('open', filters.status === 'open' ? 'true' : 'false');
      if (filters.status !== 'open' && filters.status !== 'all') query.set('status', filters.status);
      if (filters.coachId) query.set('coachId', filters.coachId);
      if (filters.referrerType) query.set('referrerType', filters.referrerType);
      if (pageParam) query.set('cursor', pageParam);
      return (await apiRequest(`/registrations?${query}`, { schema: SummaryPage })).data;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useRegistration(collaborationId: string, id: string) {
  return useQuery({
    queryKey: registrationQueryKey(collaborationId, id),
    queryFn: () => apiRequest(`/registrations/${id}`, { schema: Registration }),
  });
}

export function useCoachOptions(collaborationId: string, enabled = true) {
  return useQuery({
    queryKey: ['collaborations', collaborationId, 'coach-options'],
    queryFn: async () => (await apiRequest(`/collaborations/${collaborationId}/coach-options`, { schema: Items(CoachOption) })).data.items,
    enabled,
  });
}

export function useMyRegistrations() {
  return useQuery({
    queryKey: mineQueryKey,
    queryFn: async () => (await apiRequest('/registrations/mine', { schema: Items(ReferrerRegistration) })).data.items,
  });
}

export function useRegistrationStats(collaborationId: string, from: string, to: string, enabled: boolean) {
  return useQuery({
    queryKey: ['collaborations', collaborationId, 'registration-stats', from, to],
    queryFn: async () => {
      const query = new URLSearchParams({ collaborationId, from, to });
      return (await apiRequest(`/registrations/stats?${query}`, { schema: RegistrationStats })).data;
    },
    enabled,
  });
}

export type RegistrationAction =
  | { kind: 'coaches'; body: z.infer<typeof AssignCoaches> }
  | { kind: 'first-contact'; body: z.infer<typeof FirstContact> }
  | { kind: 'outcome'; body: RegistrationOutcome }
  | { kind: 'forward'; body: z.infer<typeof ForwardRegistration> };

/** Every change to a registration sends the version it was based on; 412 means someone else changed it. */
export function useRegistrationAction(collaborationId: string, loaded: ApiResult<Registration>) {
  const queryClient = useQueryClient();
  const id = loaded.data.id;
  return useMutation({
    mutationFn: (action: RegistrationAction) =>
      apiRequest(`/registrations/${id}/${action.kind}`, {
        method: action.kind === 'coaches' ? 'PUT' : 'POST',
        body: action.body,
        ifMatch: loaded.etag ?? `"${loaded.data.version}"`,
        idempotencyKey: action.kind === 'coaches' ? undefined : randomUuid(),
      }),
    onSuccess: async (_result, action) => {
      // The answer's shape differs per action; the registration is read again as it now is.
      if (action.kind !== 'forward') await queryClient.invalidateQueries({ queryKey: registrationQueryKey(collaborationId, id) });
      void queryClient.invalidateQueries({ queryKey: registrationsQueryKey(collaborationId), predicate: (q) => q.queryKey[3] === 'list' });
      void queryClient.invalidateQueries({ queryKey: ['collaborations', collaborationId, 'registration-stats'] });
      void queryClient.invalidateQueries({ queryKey: ['collaborations', collaborationId, 'coach-options'] });
    },
  });
}
