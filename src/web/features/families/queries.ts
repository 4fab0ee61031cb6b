import { z } from 'zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { page } from '../../../shared/schemas/common.ts';
import { ContactMoment, Family, FamilySummary, Home, Member, type ContactMomentInput, type MemberInput } from '../../../shared/schemas/families.ts';
import {
  Agreement, Evaluation, Plan, PlanChange, PlanComparison, PlanItem, PlanVersion, PlanVersionMeta, type AgreementInput, type EvaluationInput,
} from '../../../shared/schemas/plan.ts';
import type { PlanItemKind } from '../../../shared/plan-constants.ts';
import { apiRequest, etagFor, isApiError } from '../../app/api.ts';
import { randomUuid } from '../../app/uuid.ts';

const Items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** Each kind of plan item lives under its own path. */
export const ITEM_PATHS: Record<PlanItemKind, string> = { question: 'questions', strength: 'strengths', worry: 'worries', goal: 'goals' };

export const familyKey = (id: string) => ['families', id] as const;
const planKey = (id: string) => [...familyKey(id), 'plan'] as const;

export function useFamilies(q: string) {
  return useQuery({
    queryKey: ['families', 'list', q],
    queryFn: async () => (await apiRequest(`/families?limit=100${q ? `&q=${encodeURIComponent(q)}` : ''}`, { schema: page(FamilySummary) })).data,
  });
}

export function useFamily(id: string) {
  return useQuery({ queryKey: familyKey(id), queryFn: async () => (await apiRequest(`/families/${id}`, { schema: Family })).data });
}

export function usePlan(id: string, enabled = true) {
  return useQuery({ queryKey: planKey(id), queryFn: async () => (await apiRequest(`/families/${id}/plan`, { schema: Plan })).data, enabled });
}

export const useMembers = (id: string) =>
  useQuery({ queryKey: [...familyKey(id), 'members'], queryFn: async () => (await apiRequest(`/families/${id}/members`, { schema: Items(Member) })).data.items });
export const useContacts = (id: string) =>
  useQuery({ queryKey: [...familyKey(id), 'contacts'], queryFn: async () => (await apiRequest(`/families/${id}/contacts`, { schema: Items(ContactMoment) })).data.items });
export const useVersions = (id: string) =>
  useQuery({ queryKey: [...planKey(id), 'versions'], queryFn: async () => (await apiRequest(`/families/${id}/plan/versions`, { schema: Items(PlanVersionMeta) })).data.items });
export const useVersion = (id: string, versionId: string) =>
  useQuery({ queryKey: [...planKey(id), 'versions', versionId], queryFn: async () => (await apiRequest(`/families/${id}/plan/versions/${versionId}`, { schema: PlanVersion })).data });
export const useHistory = (id: string) =>
  useQuery({ queryKey: [...planKey(id), 'history'], queryFn: async () => (await apiRequest(`/families/${id}/history?limit=100`, { schema: page(PlanChange) })).data });

/** Where we started; `null` while no version is saved yet. */
export function useComparison(id: string) {
  return useQuery({
    queryKey: [...planKey(id), 'compare'],
    queryFn: async () => {
      try {
        return (await apiRequest(`/families/${id}/plan/compare`, { schema: PlanComparison })).data;
      } catch (error) {
        if (isApiError(error, 'no_plan_version')) return null;
        throw error;
      }
    },
  });
}

/** Every change to the family's file refreshes everything shown of it. */
function useFamilyMutation<V, R>(familyId: string, run: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => queryClient.invalidateQueries({ queryKey: familyKey(familyId) }) });
}

export type ItemBody = Record<string, unknown>;

export function useSaveItem(familyId: string, kind: PlanItemKind) {
  return useFamilyMutation(familyId, ({ item, body }: { item: PlanItem | null; body: ItemBody }) => {
    const base = `/families/${familyId}/${ITEM_PATHS[kind]}`;
    return item
      ? apiRequest(`${base}/${item.id}`, { method: 'PATCH', body, ifMatch: etagFor(item.version), schema: PlanItem })
      : apiRequest(base, { method: 'POST', body, idempotencyKey: randomUuid(), schema: PlanItem });
  });
}

/** The newest state of one item, to show beside the person's own text after a 412. */
export async function fetchItem(familyId: string, kind: PlanItemKind, id: string): Promise<PlanItem> {
  return (await apiRequest(`/families/${familyId}/${ITEM_PATHS[kind]}/${id}`, { schema: PlanItem })).data;
}

/** Removes a plan item or agreement by its path under the family (`goals/{id}`, `agreements/{id}`). */
export function useDeleteFromPlan(familyId: string) {
  return useFamilyMutation(familyId, ({ path, version }: { path: string; version: number }) =>
    apiRequest(`/families/${familyId}/${path}`, { method: 'DELETE', ifMatch: etagFor(version) }));
}

export function useReorder(familyId: string) {
  return useFamilyMutation(familyId, ({ kind, ids, revision }: { kind: 'worry' | 'goal'; ids: string[]; revision: number }) =>
    apiRequest(`/families/${familyId}/${ITEM_PATHS[kind]}/order`, { method: 'PUT', body: { ids }, ifMatch: etagFor(revision), schema: Items(PlanItem) }));
}

export function useSaveAgreement(familyId: string) {
  return useFamilyMutation(familyId, ({ agreement, body }: { agreement: Agreement | null; body: Partial<AgreementInput> }) =>
    agreement
      ? apiRequest(`/families/${familyId}/agreements/${agreement.id}`, { method: 'PATCH', body, ifMatch: etagFor(agreement.version), schema: Agreement })
      : apiRequest(`/families/${familyId}/agreements`, { method: 'POST', body, idempotencyKey: randomUuid(), schema: Agreement }));
}

export const useSaveVersion = (familyId: string) =>
  useFamilyMutation(familyId, (label: string) =>
    apiRequest(`/families/${familyId}/plan/versions`, { method: 'POST', body: { label }, idempotencyKey: randomUuid(), schema: PlanVersionMeta }));

export const useCreateEvaluation = (familyId: string) =>
  useFamilyMutation(familyId, (body: EvaluationInput) =>
    apiRequest(`/families/${familyId}/evaluations`, { method: 'POST', body, idempotencyKey: randomUuid(), schema: Evaluation }));

export const useCreateContact = (familyId: string) =>
  useFamilyMutation(familyId, (body: ContactMomentInput) =>
    apiRequest(`/families/${familyId}/contacts`, { method: 'POST', body, idempotencyKey: randomUuid(), schema: ContactMoment }));

export const useRemoveMember = (familyId: string) =>
  useFamilyMutation(familyId, (member: Member) => apiRequest(`/families/${familyId}/members/${member.id}`, { method: 'DELETE', ifMatch: etagFor(member.version) }));

export const useDeleteContact = (familyId: string) =>
  useFamilyMutation(familyId, (contact: ContactMoment) => apiRequest(`/families/${familyId}/contacts/${contact.id}`, { method: 'DELETE', ifMatch: etagFor(contact.version) }));

export const useHomes = (id: string) =>
  useQuery({ queryKey: [...familyKey(id), 'homes'], queryFn: async () => (await apiRequest(`/families/${id}/homes`, { schema: Items(Home) })).data.items });

export const useCreateHome = (familyId: string) =>
  useFamilyMutation(familyId, (label: string) =>
    apiRequest(`/families/${familyId}/homes`, { method: 'POST', body: { label }, idempotencyKey: randomUuid(), schema: Home }));

export const useSaveMember = (familyId: string) =>
  useFamilyMutation(familyId, ({ member, body }: { member: Member | null; body: Partial<MemberInput> }) =>
    member
      ? apiRequest(`/families/${familyId}/members/${member.id}`, { method: 'PATCH', body, ifMatch: etagFor(member.version), schema: Member })
      : apiRequest(`/families/${familyId}/members`, { method: 'POST', body, idempotencyKey: randomUuid(), schema: Member }));
