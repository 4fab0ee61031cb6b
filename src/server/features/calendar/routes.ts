import { eq, sql } from 'drizzle-orm';
import { Agenda, AgendaQuery, CalendarFeedInfo, IcalParams } from '../../../shared/schemas/meetings.ts';
import { loadActor, type Actor } from '../../access/actor.ts';
import type { FamilyScope } from '../../access/family-scope.ts';
import { requireActor } from '../../access/policy.ts';
import { audit } from '../../audit/audit.ts';
import type { Db, Executor } from '../../db/connection.ts';
import { calendarFeeds } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { newSecret, sha256 } from '../auth/tokens.ts';
import { brusselsDate } from '../registrations/timing.ts';
import { translator } from '../../i18n/translate.ts';
import { calendarEventsFor, type CalendarRange } from './events.ts';
import { feedCalendar } from './ical.ts';

const tags = ['calendar'];
const DAY = 86_400_000;
const shift = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The agenda's window: by default this week's Monday and four weeks on; at most a year. */
export function agendaRange(now: Date, from?: string, to?: string): CalendarRange {
  const today = brusselsDate(now);
  const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7;
  const start = from ?? shift(today, -weekday);
  const end = to && to >= start ? (to > shift(start, 366) ? shift(start, 366) : to) : shift(start, 27);
  return { from: start, to: end };
}

/** Every family read for the calendar goes into that family's access log. */
const logRead = (db: Executor, ctx: RequestContext, entityType: string) => async (scope: FamilyScope) => {
  await audit(db, ctx, { action: 'read', entityType, collaborationId: scope.collaborationId, familyId: scope.familyId, role: scope.participantRole });
};

const feedUrl = (publicUrl: string, token: string) => `${publicUrl}/api/v1/ical/${token}.ics`;

async function feedInfo(db: Db, actor: Actor) {
  const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, actor.userId));
  return { active: Boolean(row), createdAt: row?.createdAt.toISOString() ?? null, lastFetchedAt: row?.lastFetchedAt?.toISOString() ?? null, url: null };
}

export function calendarRoutes(app: App, { db, clock, config }: FeatureDeps) {
  app.get('/me/agenda', { schema: { tags, summary: 'My agenda: round tables, agreements due, contact moments and evaluation dates across my families', querystring: AgendaQuery, response: { 200: Agenda } } }, async (req) => {
    const actor = requireActor(req.ctx.actor);
    const range = agendaRange(clock(), req.query.from, req.query.to);
    const items = await db.transaction((tx) => calendarEventsFor(tx, actor, range, { now: clock(), publicUrl: config.publicUrl, onFamily: logRead(tx, req.ctx, 'agenda') }));
    return { ...range, items };
  });

  app.get('/me/calendar-feed', { schema: { tags, summary: 'Whether I have a private calendar feed (its address is only shown when made)', response: { 200: CalendarFeedInfo } } },
    async (req) => feedInfo(db, requireActor(req.ctx.actor)));

  app.post('/me/calendar-feed', { schema: { tags, summary: 'Make (or renew) my private calendar feed: the old address stops working', response: { 201: CalendarFeedInfo } } }, async (req, reply) => {
    const actor = requireActor(req.ctx.actor);
    const token = newSecret();
    await db.transaction(async (tx) => {
      await tx.insert(calendarFeeds).values({ userId: actor.userId, tokenHash: sha256(token) })
        .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash: sha256(token), createdAt: sql`now()`, lastFetchedAt: null } });
      await audit(tx, req.ctx, { action: 'update', entityType: 'calendar_feed', entityId: actor.userId });
    });
    return reply.code(201).send({ ...(await feedInfo(db, actor)), url: feedUrl(config.publicUrl, token) });
  });

  app.delete('/me/calendar-feed', { schema: { tags, summary: 'Stop my calendar feed: its address answers 404 from now on' } }, async (req, reply) => {
    const actor = requireActor(req.ctx.actor);
    await db.transaction(async (tx) => {
      await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, actor.userId));
      await audit(tx, req.ctx, { action: 'delete', entityType: 'calendar_feed', entityId: actor.userId });
    });
    return reply.code(204).send();
  });

  /*
   * The feed itself: public (a calendar app has no session), the secret in the path is the key. The
   * person's scope is loaded at every fetch, so a revoked share or a removed place is gone from the
   * next refresh. An unknown, renewed or stopped token answers 404.
   */
  app.get('/ical/:token', { schema: { tags, summary: 'My private calendar feed (iCalendar)', params: IcalParams }, config: { public: true } }, async (req, reply) => {
    const token = req.params.token.replace(/\.ics$/, '');
    const [feed] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.tokenHash, sha256(token)));
    const actor = feed ? await loadActor(db, feed.userId) : null;
    if (!feed || !actor) throw notFound();
    const now = clock();
    const today = brusselsDate(now);
    const range = { from: shift(today, -92), to: shift(today, 366) };
    const ctx: RequestContext = { ...req.ctx, actor };
    const events = await db.transaction(async (tx) => {
      const found = await calendarEventsFor(tx, actor, range, { now, publicUrl: config.publicUrl, onFamily: logRead(tx, ctx, 'calendar_feed') });
      await tx.update(calendarFeeds).set({ lastFetchedAt: now }).where(eq(calendarFeeds.userId, actor.userId));
      return found;
    });
    const name = translator(actor.locale)('calendar.feedName', { name: actor.name });
    reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'no-store').header('content-disposition', 'inline; filename="gezinsplan.ics"');
    return feedCalendar(name, events, now);
  });
}
