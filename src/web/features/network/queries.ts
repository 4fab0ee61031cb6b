import { z } from 'zod';
import { useMutation, useQueryClient, useQuery } from '@tanstack/react-query';
import { Network, NetworkPerson, NetworkTie, type NetworkPersonInput, type NetworkTieInput } from '../../../shared/schemas/network.ts';
import { Service, type ServiceInput } from '../../../shared/schemas/services.ts';
import { apiRequest, etagFor } from '../../app/api.ts';
import { randomUuid } from '../../app/uuid.ts';
import { familyKey } from '../families/queries.ts';

const Items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const useNetwork = (familyId: string) =>
  useQuery({ queryKey: [...familyKey(familyId), 'network'], queryFn: async () => (await apiRequest(`/families/${familyId}/network`, { schema: Network })).data });

export const useServices = (familyId: string) =>
  useQuery({ queryKey: [...familyKey(familyId), 'services'], queryFn: async () => (await apiRequest(`/families/${familyId}/services`, { schema: Items(Service) })).data.items });

/** Every change to the family's file refreshes everything shown of it (the plan revision moves too). */
function useFamilyMutation<V, R>(familyId: string, run: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => queryClient.invalidateQueries({ queryKey: familyKey(familyId) }) });
}

export const useSavePerson = (familyId: string) =>
  useFamilyMutation(familyId, ({ person, body }: { person: NetworkPerson | null; body: Partial<NetworkPersonInput> }) =>
    person
      ? apiRequest(`/families/${familyId}/network/people/${person.id}`, { method: 'PATCH', body, ifMatch: etagFor(person.version), schema: NetworkPerson })
      : apiRequest(`/families/${familyId}/network/people`, { method: 'POST', body, idempotencyKey: randomUuid(), schema: NetworkPerson }));

export const useCreateTie = (familyId: string) =>
  useFamilyMutation(familyId, (body: NetworkTieInput) =>
    apiRequest(`/families/${familyId}/network/ties`, { method: 'POST', body, idempotencyKey: randomUuid(), schema: NetworkTie }));

export const useUpdateTie = (familyId: string) =>
  useFamilyMutation(familyId, ({ tie, kind }: { tie: NetworkTie; kind: NetworkTie['kind'] }) =>
    apiRequest(`/families/${familyId}/network/ties/${tie.id}`, { method: 'PATCH', body: { kind }, ifMatch: etagFor(tie.version), schema: NetworkTie }));

/** Removes a person (`people/{id}`) or a tie (`ties/{id}`) of the network. */
export const useDeleteFromNetwork = (familyId: string) =>
  useFamilyMutation(familyId, ({ path, version }: { path: string; version: number }) =>
    apiRequest(`/families/${familyId}/network/${path}`, { method: 'DELETE', ifMatch: etagFor(version) }));

export const useSaveService = (familyId: string) =>
  useFamilyMutation(familyId, ({ service, body }: { service: Service | null; body: Partial<ServiceInput> }) =>
    service
      ? apiRequest(`/families/${familyId}/services/${service.id}`, { method: 'PATCH', body, ifMatch: etagFor(service.version), schema: Service })
      : apiRequest(`/families/${familyId}/services`, { method: 'POST', body, idempotencyKey: randomUuid(), schema: Service }));

export const useDeleteService = (familyId: string) =>
  useFamilyMutation(familyId, (service: Service) => apiRequest(`/families/${familyId}/services/${service.id}`, { method: 'DELETE', ifMatch: etagFor(service.version) }));

export const useReorderServices = (familyId: string) =>
  useFamilyMutation(familyId, ({ ids, revision }: { ids: string[]; revision: number }) =>
    apiRequest(`/families/${familyId}/services/order`, { method: 'PUT', body: { ids }, ifMatch: etagFor(revision), schema: Items(Service) }));
