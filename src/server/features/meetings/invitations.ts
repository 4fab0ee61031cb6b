import { and, eq, inArray, isNull } from 'drizzle-orm';
import { asLocale, type Locale } from '../../../shared/locales.ts';
import { formatDateTime, translator } from '../../i18n/translate.ts';
import type { CalendarEvent } from '../../../shared/schemas/meetings.ts';
import { requireCoordinator } from '../../access/coordination.ts';
import type { FamilyScope } from '../../access/family-scope.ts';
import { audit } from '../../audit/audit.ts';
import type { Tx } from '../../db/connection.ts';
import { families, familyParticipants, meetingReplies, users } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { queueMail } from '../../mail/outbox.ts';
import { compose } from '../../mail/templates.ts';
import { invitationCalendar } from '../calendar/ical.ts';
import { visibleMeeting } from './service.ts';

const when = (startsAt: string, endsAt: string, locale: Locale) => {
  const day = formatDateTime(startsAt, locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const time = (at: string) => formatDateTime(at, locale, { hour: '2-digit', minute: '2-digit' });
  return `${day}, ${time(startsAt)}–${time(endsAt)}`;
};

/**
 * The mail says when and where, and no more of the file than the family's name (a mail that goes
 * astray tells nothing): the topics are read in the app, each person only their own.
 */
function meetingInvitationMail(p: { to: string; name: string; familyName: string; when: string; place: string | null; url: string; locale: Locale }) {
  const t = translator(p.locale);
  return compose(p.to, t('mail.meetingInvitation.subject', { familyName: p.familyName }), [
    t('mail.greeting', { name: p.name }), t('mail.meetingInvitation.body', { familyName: p.familyName }), t('mail.meetingInvitation.when', { when: p.when }),
    ...(p.place ? [t('mail.meetingInvitation.where', { place: p.place })] : []),
    t('mail.meetingInvitation.calendar'),
  ], { label: t('mail.meetingInvitation.action'), url: p.url }, t('mail.notExpected'));
}

/**
 * Mails every invitee (with an address) their invitation with an .ics (METHOD:REQUEST) holding the
 * times of the items they are invited to. `onlyNew`: only people not mailed before for this meeting.
 */
export async function sendInvitations(tx: Tx, ctx: RequestContext, scope: FamilyScope, meetingId: string, onlyNew: boolean, publicUrl: string, now: Date): Promise<number> {
  const coordinator = await requireCoordinator(tx, scope);
  const meeting = await visibleMeeting(tx, scope, meetingId);
  const byPerson = new Map<string, typeof meeting.items>();
  for (const item of meeting.items) {
    for (const p of item.people) if (p.invited) byPerson.set(p.participantId, [...(byPerson.get(p.participantId) ?? []), item]);
  }
  if (byPerson.size === 0) return 0;
  const people = await tx.select({
    id: familyParticipants.id, name: familyParticipants.displayName, email: familyParticipants.email, userEmail: users.email, locale: users.locale,
  }).from(familyParticipants).leftJoin(users, eq(users.id, familyParticipants.userId)).where(and(
    eq(familyParticipants.collaborationId, scope.collaborationId), eq(familyParticipants.familyId, scope.familyId),
    inArray(familyParticipants.id, [...byPerson.keys()]), isNull(familyParticipants.removedAt),
  ));
  const replies = await tx.select().from(meetingReplies).where(and(eq(meetingReplies.collaborationId, scope.collaborationId), eq(meetingReplies.meetingId, meetingId)));
  const [family] = await tx.select({ name: families.displayName }).from(families).where(and(eq(families.collaborationId, scope.collaborationId), eq(families.id, scope.familyId)));
  const organiser = people.find((p) => p.id === coordinator.participantId);
  let sent = 0;
  for (const person of people) {
    const to = person.userEmail ?? person.email;
    if (!to || person.id === coordinator.participantId) continue;
    const reply = replies.find((r) => r.participantId === person.id);
    if (onlyNew && reply?.mailedVersion === meeting.version) continue;
    const items = byPerson.get(person.id)!;
    const startsAt = new Date(Math.min(...items.map((i) => Date.parse(i.startsAt)))).toISOString();
    const endsAt = new Date(Math.max(...items.map((i) => Date.parse(i.endsAt)))).toISOString();
    const locale = asLocale(person.locale);
    const url = `${publicUrl}/families/${scope.familyId}/meetings/${meetingId}`;
    const event: CalendarEvent = {
      uid: `meeting-${meetingId}@gezinsplan`, kind: 'meeting', familyId: scope.familyId, familyName: family!.name,
      title: `${meeting.title} · ${family!.name}`, allDay: false, start: startsAt, end: endsAt,
      place: meeting.place ?? meeting.videoUrl, url, description: null, myReply: null, meetingId,
    };
    const ics = invitationCalendar(event, { name: organiser?.name ?? 'Gezinsplan', email: organiser?.userEmail ?? organiser?.email ?? 'noreply@gezinsplan.example' },
      { name: person.name, email: to }, now, meeting.version);
    await queueMail(tx, {
      ...meetingInvitationMail({ to, name: person.name, familyName: family!.name, when: when(startsAt, endsAt, locale), place: meeting.place ?? meeting.videoUrl, url, locale }),
      collaborationId: scope.collaborationId,
      attachments: [{ filename: translator(locale)('mail.meetingInvitation.fileName'), contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: ics }],
    });
    await tx.insert(meetingReplies).values({ collaborationId: scope.collaborationId, meetingId, participantId: person.id, mailedVersion: meeting.version })
      .onConflictDoUpdate({ target: [meetingReplies.collaborationId, meetingReplies.meetingId, meetingReplies.participantId], set: { mailedVersion: meeting.version } });
    sent += 1;
  }
  await audit(tx, ctx, { action: 'update', entityType: 'meeting_invitations', entityId: meetingId, collaborationId: scope.collaborationId, familyId: scope.familyId, role: scope.participantRole });
  return sent;
}
