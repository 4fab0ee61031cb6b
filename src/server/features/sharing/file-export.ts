import type { Locale } from '../../../shared/locales.ts';
import type { ContactMoment, Member } from '../../../shared/schemas/families.ts';
import type { Plan, PlanChange } from '../../../shared/schemas/plan.ts';
import type { AccessLogEntry } from '../../../shared/schemas/sharing.ts';
import type { Actor } from '../../access/actor.ts';
import type { FamilyScope } from '../../access/family-scope.ts';
import type { Tx } from '../../db/connection.ts';
import type { Block, PlainDocument } from '../../pdf/render.ts';
import { listContacts, listMembers, loadFamily } from '../families/repo.ts';
import { listHistory } from '../plan/history-read.ts';
import { planDocument } from '../plan/plan-document.ts';
import { listVersions } from '../plan/versions.ts';
import { loadPeople, loadTies } from '../network/repo.ts';
import { networkBlocks } from '../network/network-document.ts';
import { loadServices } from '../services/service.ts';
import { loadMeetings } from '../meetings/repo.ts';
import { listFamilyAccessLog } from './access-log.ts';
import { loadSharingOverview } from './consents-repo.ts';
import { listPriorInvolvements } from './prior-involvements.ts';
import { listClosures } from '../closure/service.ts';
import { listHandovers } from '../closure/handovers.ts';
import { listReflections } from '../reflections/service.ts';
import { formatDateTime, translator } from '../../i18n/translate.ts';

/** The people around the family and the help involved, as far as the asker may see them. */
export async function loadNetworkAndServices(tx: Tx, scope: FamilyScope) {
  const people = await loadPeople(tx, scope);
  return { network: { people, ties: await loadTies(tx, scope, people.map((p) => p.id)) }, services: await loadServices(tx, scope) };
}

/** Enough for years of a trajectory; a file larger than this is exported in its newest part. */
const MAX_ROWS = 5000;

async function allPages<T>(read: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && all.length < MAX_ROWS);
  return all;
}

/**
 * Everything the asker may see of the family's file (GDPR art. 15/20): for the family itself, also
 * who may see what and who looked. Built from the same scoped reads as the screens.
 */
export async function loadWholeFile(tx: Tx, actor: Actor, scope: FamilyScope, plan: Plan, now: Date) {
  const full = scope.reach === 'full';
  return {
    exportedAt: now.toISOString(),
    family: await loadFamily(tx, actor, scope),
    members: await listMembers(tx, scope),
    contactMoments: await listContacts(tx, scope, { limit: MAX_ROWS }),
    plan,
    versions: await listVersions(tx, scope),
    reflections: await listReflections(tx, scope),
    history: await allPages((cursor) => listHistory(tx, scope, { limit: 100, cursor })),
    ...(await loadNetworkAndServices(tx, scope)),
    /** Round tables with the agenda items and notes in the asker's sight (the same scoped read as the screens). */
    meetings: await loadMeetings(tx, scope),
    ...(full && {
      closures: await listClosures(tx, scope),
      handovers: await listHandovers(tx, scope),
      sharing: (await loadSharingOverview(tx, scope)).grants,
      priorInvolvements: await listPriorInvolvements(tx, scope),
      accessLog: await allPages((cursor) => listFamilyAccessLog(tx, actor, scope, { limit: 100, cursor, who: 'all' })),
    }),
  };
}

export type WholeFile = Awaited<ReturnType<typeof loadWholeFile>>;

/** The file's words from the catalogue, in the shape the document below reads them. */
function fileWords(locale: Locale) {
  const t = translator(locale);
  const word = (key: 'closure' | 'closedOn' | 'reopenedOn' | 'handoverTo' | 'reflections' | 'competence' | 'motivation' | 'social' | 'family' | 'members'
    | 'contacts' | 'history' | 'looked' | 'name' | 'relation' | 'when' | 'who' | 'what' | 'organisation' | 'none') => t(`pdf.file.${key}`);
  return {
    title: (name: string) => t('pdf.file.title', { name }), subtitle: t('pdf.file.subtitle'),
    closure: word('closure'), closedOn: word('closedOn'), reopenedOn: word('reopenedOn'), handoverTo: word('handoverTo'),
    reflections: word('reflections'), competence: word('competence'), motivation: word('motivation'), social: word('social'), family: word('family'),
    members: word('members'), contacts: word('contacts'), history: word('history'), looked: word('looked'),
    name: word('name'), relation: word('relation'), when: word('when'), who: word('who'), what: word('what'), organisation: word('organisation'), none: word('none'),
    more: (n: number) => t('pdf.file.more', { n }),
    action: (action: string) => t(`pdf.file.actions.${action}` as 'pdf.file.actions.read', { defaultValue: action }),
    change: (action: string) => t(`pdf.file.changes.${action}` as 'pdf.file.changes.create', { defaultValue: action }),
  };
}

/** Lines of a long table printed; the rest is in the JSON export. */
const PRINTED_ROWS = 300;

const when = (iso: string, locale: Locale) => formatDateTime(iso, locale, { dateStyle: 'medium', timeStyle: 'short' });
const day = (iso: string, locale: Locale) => formatDateTime(iso, locale, { dateStyle: 'medium' });

function table(header: string[], rows: string[][], more: (n: number) => string, empty: string): Block[] {
  if (rows.length === 0) return [{ kind: 'paragraph', text: empty, italic: true }];
  const shown: Block[] = [{ kind: 'table', header, rows: rows.slice(0, PRINTED_ROWS) }];
  return rows.length > PRINTED_ROWS ? [...shown, { kind: 'paragraph', text: more(rows.length - PRINTED_ROWS), small: true }] : shown;
}

/** The closing summary the family keeps, first in the document, and each handover's note. */
function closureBlocks(file: WholeFile, locale: Locale): Block[] {
  const w = fileWords(locale);
  if (!file.closures || file.closures.length === 0) return [];
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: w.closure }];
  for (const c of file.closures) {
    blocks.push({ kind: 'paragraph', text: `${w.closedOn} ${when(c.closedAt, locale)}${c.reopenedAt ? ` · ${w.reopenedOn} ${when(c.reopenedAt, locale)}` : ''}`, small: true });
    blocks.push({ kind: 'paragraph', text: c.summary });
  }
  for (const h of file.handovers ?? []) {
    if (h.status !== 'approved') continue;
    blocks.push({ kind: 'paragraph', text: `${w.handoverTo} ${h.service} (${h.organisation}), ${h.contactName}` }, { kind: 'paragraph', text: h.note });
  }
  return blocks;
}

/** The whole file as one readable document: the plan, the people, the contacts, the history and who looked. */
export function fileDocument(file: WholeFile, locale: Locale, today: string): PlainDocument {
  const w = fileWords(locale);
  const plan = planDocument(file.plan, locale, today);
  const members = file.members.map((m: Member) => [m.displayName, m.relation ?? '']);
  const contacts = file.contactMoments.map((c: ContactMoment) => [day(c.occurredOn, locale), c.summary]);
  const history = file.history.map((h: PlanChange) => [when(h.at, locale), h.changedByName ?? '', `${w.change(h.action)}: ${h.itemType}`]);
  const looked = (file.accessLog ?? []).map((e: AccessLogEntry) => [when(e.occurredAt, locale), e.actorName ?? '', e.organisationName ?? '', `${w.action(e.action)} ${e.entityType}`]);
  return {
    ...plan,
    title: w.title(file.family.displayName),
    subtitle: w.subtitle,
    blocks: [
      ...closureBlocks(file, locale),
      ...plan.blocks,
      ...networkBlocks(file.network, file.services, new Map(file.plan.participants.map((p) => [p.id, p.displayName])), locale),
      ...(file.reflections.length > 0 ? [{ kind: 'heading', level: 1, text: w.reflections } as Block, ...table([w.when, w.who, w.competence, w.motivation, w.social],
        file.reflections.map((x) => [day(x.reflectedOn, locale), x.subjectName ?? w.family, `${x.competence}/5`, `${x.motivation}/5`, `${x.social}/5`]), w.more, w.none)] : []),
      { kind: 'heading', level: 1, text: w.members }, ...table([w.name, w.relation], members, w.more, w.none),
      { kind: 'heading', level: 1, text: w.contacts }, ...table([w.when, w.what], contacts, w.more, w.none),
      { kind: 'heading', level: 1, text: w.history }, ...table([w.when, w.who, w.what], history, w.more, w.none),
      ...(file.accessLog ? [{ kind: 'heading', level: 1, text: w.looked } as Block, ...table([w.when, w.who, w.organisation, w.what], looked, w.more, w.none)] : []),
    ],
  };
}
