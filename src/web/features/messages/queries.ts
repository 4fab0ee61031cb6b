import { useEffect } from 'react';
import { z } from 'zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Attachment, Conversation, Message, type MessageAgreementInput } from '../../../shared/schemas/messages.ts';
import { Agreement } from '../../../shared/schemas/plan.ts';
import { API_BASE, apiRequest } from '../../app/api.ts';
import { randomUuid } from '../../app/uuid.ts';
import { familyKey } from '../families/queries.ts';

const Items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const base = (familyId: string) => `/families/${familyId}/messages`;
export const conversationsKey = (familyId: string) => [...familyKey(familyId), 'conversations'] as const;
export const messagesKey = (familyId: string, conversationId: string) => [...conversationsKey(familyId), conversationId, 'messages'] as const;

export const useConversations = (familyId: string) =>
  useQuery({ queryKey: conversationsKey(familyId), queryFn: async () => (await apiRequest(`${base(familyId)}/conversations`, { schema: Items(Conversation) })).data.items });

export const useMessages = (familyId: string, conversationId: string) =>
  useQuery({ queryKey: messagesKey(familyId, conversationId), queryFn: async () => (await apiRequest(`${base(familyId)}/conversations/${conversationId}/messages?limit=200`, { schema: Items(Message) })).data.items });

/** Adds a message to the cached list once (from the answer to sending it, or from the event stream). */
function addMessage(list: Message[] | undefined, message: Message): Message[] | undefined {
  if (!list) return list;
  return list.some((m) => m.id === message.id) ? list : [...list, message].sort((a, b) => a.seq - b.seq);
}

/**
 * The family's event stream: new messages go straight into the query cache; a change of members
 * or read status refreshes the lists. EventSource reconnects by itself with Last-Event-ID.
 */
export function useFamilyEvents(familyId: string) {
  const client = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource(`${API_BASE}${base(familyId)}/events`);
    source.addEventListener('message', (event) => {
      const parsed = Message.safeParse(JSON.parse((event as MessageEvent<string>).data));
      if (!parsed.success) return;
      client.setQueryData<Message[]>(messagesKey(familyId, parsed.data.conversationId), (list) => addMessage(list, parsed.data));
      void client.invalidateQueries({ queryKey: conversationsKey(familyId), exact: true });
    });
    const refresh = () => void client.invalidateQueries({ queryKey: conversationsKey(familyId) });
    source.addEventListener('conversations', refresh);
    source.addEventListener('removed', refresh);
    return () => source.close();
  }, [client, familyId]);
}

export function useStartConversation(familyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: { title: string; wholeCircle: boolean; participantIds: string[] }) =>
      (await apiRequest(`${base(familyId)}/conversations`, { method: 'POST', body, schema: Conversation, idempotencyKey: randomUuid() })).data,
    onSuccess: () => client.invalidateQueries({ queryKey: conversationsKey(familyId), exact: true }),
  });
}

export function useSendMessage(familyId: string, conversationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, replyToMessageId, file }: { body: string; replyToMessageId: string | null; file: File | null }) => {
      // The file itself is the body; the server decides its type from its bytes.
      const attachment = file
        ? (await apiRequest(`${base(familyId)}/conversations/${conversationId}/attachments?name=${encodeURIComponent(file.name)}`, { method: 'POST', rawBody: file, schema: Attachment })).data
        : null;
      return (await apiRequest(`${base(familyId)}/conversations/${conversationId}/messages`, {
        method: 'POST', body: { body, replyToMessageId, attachmentId: attachment?.id ?? null }, schema: Message, idempotencyKey: randomUuid(),
      })).data;
    },
    onSuccess: (message) => client.setQueryData<Message[]>(messagesKey(familyId, conversationId), (list) => addMessage(list, message)),
  });
}

export function useMarkRead(familyId: string, conversationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (upToMessageId: string) => apiRequest(`${base(familyId)}/conversations/${conversationId}/read`, { method: 'POST', body: { upToMessageId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: conversationsKey(familyId), exact: true }),
  });
}

export function useMessageToAgreement(familyId: string, conversationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ messageId, body }: { messageId: string; body: MessageAgreementInput }) =>
      (await apiRequest(`${base(familyId)}/conversations/${conversationId}/messages/${messageId}/agreement`, { method: 'POST', body, schema: Agreement, idempotencyKey: randomUuid() })).data,
    onSuccess: (agreement, { messageId }) => {
      client.setQueryData<Message[]>(messagesKey(familyId, conversationId), (list) => list?.map((m) => (m.id === messageId ? { ...m, agreementId: agreement.id } : m)));
      void client.invalidateQueries({ queryKey: [...familyKey(familyId), 'plan'] });
    },
  });
}

export function useChangeMembers(familyId: string, conversationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ add, remove }: { add?: string; remove?: string }) => {
      if (add) await apiRequest(`${base(familyId)}/conversations/${conversationId}/members`, { method: 'POST', body: { participantId: add } });
      if (remove) await apiRequest(`${base(familyId)}/conversations/${conversationId}/members/${remove}`, { method: 'DELETE' });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: conversationsKey(familyId) }),
  });
}

export const attachmentUrl = (familyId: string, attachmentId: string, download = false) =>
  `${API_BASE}${base(familyId)}/attachments/${attachmentId}${download ? '?download=1' : ''}`;
