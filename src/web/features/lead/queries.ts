import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Lead } from '../../../shared/schemas/messages.ts';
import { apiRequest, etagFor } from '../../app/api.ts';
import { familyKey } from '../families/queries.ts';

const leadKey = (familyId: string) => [...familyKey(familyId), 'lead'] as const;

export const useLead = (familyId: string) =>
  useQuery({ queryKey: leadKey(familyId), queryFn: async () => (await apiRequest(`/families/${familyId}/lead`, { schema: Lead })).data });

export function useSetLead(familyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ participantIds, version }: { participantIds: string[]; version: number }) =>
      (await apiRequest(`/families/${familyId}/lead`, { method: 'PUT', body: { participantIds }, schema: Lead, ifMatch: etagFor(version) })).data,
    onSuccess: (lead) => {
      client.setQueryData(leadKey(familyId), lead);
      // Who coordinates changes what the file lets everyone do; the history has a new line.
      void client.invalidateQueries({ queryKey: familyKey(familyId) });
    },
  });
}
