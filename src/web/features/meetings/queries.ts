import { z } from 'zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Meeting, MeetingList, MeetingNote, type MeetingInput } from '../../../shared/schemas/meetings.ts';
import { Agreement } from '../../../shared/schemas/plan.ts';
import { apiRequest, etagFor } from '../../app/api.ts';
import { randomUuid } from '../../app/uuid.ts';
import { familyKey } from '../families/queries.ts';

export const meetingsKey = (familyId: string) => [...familyKey(familyId), 'meetings'] as const;
const EvaluationProposal = z.object({ dueOn: z.string().nullable(), intervalMonths: z.number(), plannedMeetingId: z.string().nullable() });

export const useMeetings = (familyId: string, upcoming = false) =>
  useQuery({
    queryKey: [...meetingsKey(familyId), upcoming ? 'upcoming' : 'all'],
    queryFn: async () => (await apiRequest(`/families/${familyId}/meetings${upcoming ? '?upcoming=true' : ''}`, { schema: MeetingList })).data.items,
  });

export const useMeeting = (familyId: string, meetingId: string) =>
  useQuery({ queryKey: [...meetingsKey(familyId), meetingId], queryFn: async () => (await apiRequest(`/families/${familyId}/meetings/${meetingId}`, { schema: Meeting })).data });

export const useEvaluationProposal = (familyId: string, enabled: boolean) =>
  useQuery({ queryKey: [...meetingsKey(familyId), 'proposal'], enabled, queryFn: async () => (await apiRequest(`/families/${familyId}/meetings/evaluation-proposal`, { schema: EvaluationProposal })).data });

function useInvalidate(familyId: string) {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: meetingsKey(familyId) }), client.invalidateQueries({ queryKey: ['agenda'] })]);
}

export function useCreateMeeting(familyId: string) {
  const done = useInvalidate(familyId);
  return useMutation({
    mutationFn: async (body: MeetingInput) => (await apiRequest(`/families/${familyId}/meetings`, { method: 'POST', body, idempotencyKey: randomUuid(), schema: Meeting })).data,
    onSuccess: done,
  });
}

export function useReply(familyId: string) {
  const done = useInvalidate(familyId);
  return useMutation({
    mutationFn: async ({ meetingId, reply }: { meetingId: string; reply: 'yes' | 'no' | 'maybe' }) =>
      (await apiRequest(`/families/${familyId}/meetings/${meetingId}/reply`, { method: 'PUT', body: { reply }, schema: Meeting })).data,
    onSuccess: done,
  });
}

export function useSendInvitations(familyId: string) {
  const done = useInvalidate(familyId);
  return useMutation({
    mutationFn: async (meetingId: string) => (await apiRequest(`/families/${familyId}/meetings/${meetingId}/invitations`, { method: 'POST', body: { onlyNew: true }, schema: z.object({ sent: z.number() }) })).data,
    onSuccess: done,
  });
}

export function useAddNote(familyId: string) {
  const done = useInvalidate(familyId);
  return useMutation({
    mutationFn: async ({ meetingId, itemId, text }: { meetingId: string; itemId: string; text: string }) =>
      (await apiRequest(`/families/${familyId}/meetings/${meetingId}/items/${itemId}/notes`, { method: 'POST', body: { text }, idempotencyKey: randomUuid(), schema: MeetingNote })).data,
    onSuccess: done,
  });
}

export function useNoteToAgreement(familyId: string) {
  const done = useInvalidate(familyId);
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (p: { meetingId: string; itemId: string; note: { id: string; version: number }; body: { what?: string; ownerParticipantId: string; dueDate: string | null } }) =>
      (await apiRequest(`/families/${familyId}/meetings/${p.meetingId}/items/${p.itemId}/notes/${p.note.id}/agreement`, {
        method: 'POST', body: p.body, ifMatch: etagFor(p.note.version), schema: z.object({ note: MeetingNote, agreement: Agreement }),
      })).data,
    onSuccess: async () => { await done(); await client.invalidateQueries({ queryKey: familyKey(familyId) }); },
  });
}

export function useAttendance(familyId: string) {
  const done = useInvalidate(familyId);
  return useMutation({
    mutationFn: async (p: { meeting: { id: string; version: number }; entries: { itemId: string; participantId: string; attended: boolean }[] }) =>
      (await apiRequest(`/families/${familyId}/meetings/${p.meeting.id}/attendance`, { method: 'PUT', body: { entries: p.entries }, ifMatch: etagFor(p.meeting.version), schema: Meeting })).data,
    onSuccess: done,
  });
}
