import type { AccessLogEntry, ConsentGrant, ShareableItemType } from '../../../shared/schemas/sharing.ts';
import { brusselsDay } from '../../../shared/brussels-day.ts';

/** A topic on the "who sees what" screen: a whole life domain, or one single item. */
export type Topic = { kind: 'domain'; lifeDomainId: string; label: string; symbol?: string } | { kind: 'item'; itemType: ShareableItemType; itemId: string; label: string };

export const topicKey = (topic: Topic) => (topic.kind === 'domain' ? `domain:${topic.lifeDomainId}` : `${topic.itemType}:${topic.itemId}`);

const grantTopicKey = (g: Pick<ConsentGrant, 'lifeDomainId' | 'itemType' | 'itemId'>) =>
  g.itemId && g.itemType ? `${g.itemType}:${g.itemId}` : `domain:${g.lifeDomainId ?? ''}`;

export interface TopicGrants {
  /** In effect now. */
  active: ConsentGrant | null;
  /** Proposed by a coach, waiting for the family. */
  proposed: ConsentGrant | null;
}

/** What one person may see of one topic: the grant in effect, and a proposal that waits. */
export function grantsFor(grants: readonly ConsentGrant[], participantId: string, topic: Topic): TopicGrants {
  const key = topicKey(topic);
  const mine = grants.filter((g) => g.participantId === participantId && grantTopicKey(g) === key);
  const newest = (list: ConsentGrant[]) => list.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null;
  return { active: newest(mine.filter((g) => g.status === 'active')), proposed: newest(mine.filter((g) => g.status === 'proposed')) };
}


export interface DayGroup<T> {
  day: string;
  entries: T[];
}

/**
 * The last day a grant is in effect: the server keeps the moment it ends (midnight in Brussels after
 * the chosen end date), the family chose the day itself.
 */
export function lastDay(validUntil: string): string {
  return brusselsDay(new Date(Date.parse(validUntil) - 60_000).toISOString());
}

/** Entries (newest first) grouped per Brussels day, keeping their order. */
export function groupByDay<T extends Pick<AccessLogEntry, 'occurredAt'>>(entries: readonly T[]): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const entry of entries) {
    const day = brusselsDay(entry.occurredAt);
    const last = groups.at(-1);
    if (last?.day === day) last.entries.push(entry);
    else groups.push({ day, entries: [entry] });
  }
  return groups;
}

/** "dinsdag 3 december" (with the year when it is not this year). */
export function dayLabel(day: string, locale: string, today = new Date()): string {
  const date = new Date(`${day}T12:00:00Z`);
  const sameYear = day.slice(0, 4) === brusselsDay(today.toISOString()).slice(0, 4);
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', ...(sameYear ? {} : { year: 'numeric' }), timeZone: 'Europe/Brussels' }).format(date);
}

export function timeLabel(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Brussels' }).format(new Date(iso));
}

/** A date (yyyy-mm-dd or a timestamp) as "3 december 2026". */
export function dateLabel(value: string, locale: string): string {
  const date = value.length === 10 ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' }).format(date);
}

/** The kinds of things in the access log we have words for; anything else reads as "a part of the file". */
export const KNOWN_ENTITIES = [
  'family', 'plan', 'question', 'strength', 'worry', 'goal', 'agreement', 'evaluation', 'contact_moment', 'member', 'history',
  'member_list', 'participant_list', 'home', 'home_list', 'contact_moment_list', 'plan_version', 'plan_version_list', 'plan_compare',
  'plan_pdf', 'file_pdf', 'family_export', 'consent', 'consent_list', 'invitation', 'access_log', 'prior_involvement', 'prior_involvement_list', 'portal',
] as const;
export type KnownEntity = (typeof KNOWN_ENTITIES)[number];

export const KNOWN_ACTIONS = ['create', 'read', 'update', 'delete', 'export', 'print', 'search'] as const;
export type KnownAction = (typeof KNOWN_ACTIONS)[number];

export function entityWord(entityType: string): KnownEntity | 'other' {
  return (KNOWN_ENTITIES as readonly string[]).includes(entityType) ? (entityType as KnownEntity) : 'other';
}

export function actionWord(action: string): KnownAction | 'other' {
  return (KNOWN_ACTIONS as readonly string[]).includes(action) ? (action as KnownAction) : 'other';
}
