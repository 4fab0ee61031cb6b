import type { Conversation, Message } from '../../../shared/schemas/messages.ts';
import type { Actor } from '../../access/actor.ts';
import type { FamilyScope } from '../../access/family-scope.ts';
import type { Tx } from '../../db/connection.ts';
import { mayCoordinate } from '../../access/coordination.ts';
import { listConversations, loadMessages } from '../messages/repo.ts';
import { loadPlan } from '../plan/plan-read.ts';
import { loadWholeFile, type WholeFile } from '../sharing/file-export.ts';

/** Messages per conversation in one export: enough for years of a group chat. */
const MAX_MESSAGES = 2000;

/**
 * What the FHIR view is built from: the same scoped reads as the JSON export (so a network member's
 * file holds only what the family shared with them) plus the conversations the asker may read.
 * Items a family member marked private are left out for everyone, the coaches too: the FHIR file is
 * made to leave this system, and private items never do.
 */
export interface FhirSource {
  file: WholeFile;
  conversations: { conversation: Conversation; messages: Message[] }[];
  scope: FamilyScope;
}

export async function loadFhirSource(tx: Tx, actor: Actor, scope: FamilyScope, now: Date): Promise<FhirSource> {
  const plan = await loadPlan(tx, scope, now);
  const file = withoutPrivate(await loadWholeFile(tx, actor, scope, plan, now));
  const conversations = scope.participantId ? await listConversations(tx, scope, await mayCoordinate(tx, scope)) : [];
  const withMessages = [];
  for (const conversation of conversations) {
    withMessages.push({ conversation, messages: await loadMessages(tx, scope, { conversationId: conversation.id, limit: MAX_MESSAGES }) });
  }
  return { file, conversations: withMessages, scope };
}

function withoutPrivate(file: WholeFile): WholeFile {
  const open = <T extends { isPrivate: boolean }>(items: T[]) => items.filter((i) => !i.isPrivate);
  const plan = {
    ...file.plan,
    questions: open(file.plan.questions), strengths: open(file.plan.strengths), worries: open(file.plan.worries),
    goals: open(file.plan.goals), agreements: open(file.plan.agreements),
  };
  const kept = new Set([...plan.questions, ...plan.strengths, ...plan.worries, ...plan.goals, ...plan.agreements].map((i) => i.id));
  return {
    ...file,
    plan: { ...plan, evaluations: plan.evaluations.map((e) => ({ ...e, goals: e.goals.filter((g) => kept.has(g.goalId)) })) },
    contactMoments: open(file.contactMoments),
    // The history is only read for the measurements of goals that are in the file.
    history: file.history.filter((h) => kept.has(h.itemId)),
  };
}
