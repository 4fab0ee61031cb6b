import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CalendarEvent } from '../../../shared/schemas/meetings.ts';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader.tsx';
import { useLocale } from '../../i18n/i18n.ts';
import { dayOf, longDay, timeSpan } from '../meetings/format.ts';
import styles from '../meetings/Meetings.module.css';
import { FeedSettings } from './FeedSettings.tsx';
import { useAgenda } from './queries.ts';

const DAY = 86_400_000;
const shift = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);
function mondayOf(isoDate: string): string {
  const weekday = (new Date(`${isoDate}T12:00:00Z`).getUTCDay() + 6) % 7;
  return shift(isoDate, -weekday);
}

const pathOf = (e: CalendarEvent) => (e.url ? new URL(e.url).pathname : null);

/** My agenda: two weeks at a time, as a list per day (readable on a phone, in reading order for a screen reader). */
export function AgendaPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [from, setFrom] = useState(() => mondayOf(dayOf(new Date().toISOString())));
  const to = shift(from, 13);
  const agenda = useAgenda(from, to);
  useDocumentTitle(t('agenda.title'));
  const days = new Map<string, CalendarEvent[]>();
  for (const e of agenda.data?.items ?? []) {
    const day = e.allDay ? e.start : dayOf(e.start);
    days.set(day, [...(days.get(day) ?? []), e]);
  }
  return (
    <>
      <PageHeader title={t('agenda.title')} intro={t('agenda.intro')} />
      <nav aria-label={t('agenda.weeks')} className={styles.replies}>
        <Button onPress={() => setFrom(shift(from, -14))}>{t('agenda.earlier')}</Button>
        <Button onPress={() => setFrom(mondayOf(dayOf(new Date().toISOString())))}>{t('agenda.today')}</Button>
        <Button onPress={() => setFrom(shift(from, 14))}>{t('agenda.later')}</Button>
      </nav>
      <h2 aria-live="polite">{t('agenda.range', { from: longDay(from, locale), to: longDay(to, locale) })}</h2>
      {agenda.isPending ? <Loading /> : agenda.isError ? (
        <ErrorState error={agenda.error} onRetry={() => void agenda.refetch()} isRetrying={agenda.isFetching} />
      ) : days.size === 0 ? (
        <EmptyState title={t('agenda.empty')} />
      ) : (
        [...days.entries()].map(([day, events]) => (
          <section key={day} aria-labelledby={`day-${day}`}>
            <h3 id={`day-${day}`} className={styles.day}>{longDay(day, locale)}</h3>
            <ul className={styles.notes}>
              {events.map((e) => (
                <li key={e.uid} className={styles.note}>
                  <p>
                    <strong>{e.allDay ? t(`agenda.kinds.${e.kind}`) : timeSpan(e.start, e.end, locale)}</strong>{' '}
                    {pathOf(e) ? <Link to={pathOf(e)!}>{e.title}</Link> : e.title}
                  </p>
                  {e.place && <p>{t('meetings.where', { place: e.place })}</p>}
                  {e.kind === 'meeting' && e.myReply && e.myReply !== 'pending' && <p>{t('meetings.reply.current', { answer: t(`meetings.reply.${e.myReply}`) })}</p>}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
      <FeedSettings />
    </>
  );
}
