import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Agenda, CalendarFeedInfo } from '../../../shared/schemas/meetings.ts';
import { apiRequest } from '../../app/api.ts';

export const useAgenda = (from: string, to: string) =>
  useQuery({ queryKey: ['agenda', from, to], queryFn: async () => (await apiRequest(`/me/agenda?from=${from}&to=${to}`, { schema: Agenda })).data });

const feedKey = ['calendar-feed'] as const;
export const useFeedInfo = () => useQuery({ queryKey: feedKey, queryFn: async () => (await apiRequest('/me/calendar-feed', { schema: CalendarFeedInfo })).data });

export function useMakeFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => (await apiRequest('/me/calendar-feed', { method: 'POST', schema: CalendarFeedInfo })).data,
    onSuccess: () => client.invalidateQueries({ queryKey: feedKey }),
  });
}

export function useStopFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => { await apiRequest('/me/calendar-feed', { method: 'DELETE' }); },
    onSuccess: () => client.invalidateQueries({ queryKey: feedKey }),
  });
}
