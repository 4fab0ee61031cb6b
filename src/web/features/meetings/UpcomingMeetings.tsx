import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useLocale } from '../../i18n/i18n.ts';
import { longDay, timeSpan } from './format.ts';
import { meetingPath } from './paths.ts';
import { useMeetings } from './queries.ts';
import { ReplyButtons } from './ReplyButtons.tsx';
import styles from './Meetings.module.css';

/** On the portal: the family's next round tables (only my items for someone outside the family), with my answer. */
export function UpcomingMeetings({ familyId, heading: Heading }: { familyId: string; heading: 'h3' | 'h4' }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const meetings = useMeetings(familyId, true);
  const Sub = Heading === 'h3' ? 'h4' : 'h5';
  return (
    <>
      <Heading>{t('meetings.upcoming')}</Heading>
      {meetings.isPending ? <Loading /> : meetings.isError ? <ErrorState error={meetings.error} onRetry={() => void meetings.refetch()} /> : (
        meetings.data.filter((m) => m.status === 'planned').length === 0 ? <p>{t('meetings.noUpcoming')}</p> : (
          <ul className={styles.notes}>
            {meetings.data.filter((m) => m.status === 'planned').map((m) => (
              <li key={m.id} className={styles.note}>
                <Sub><Link to={meetingPath(familyId, m.id)}>{m.title}</Link></Sub>
                <p>{longDay(m.startsAt, locale)}, {timeSpan(m.startsAt, m.endsAt, locale)}</p>
                {m.place && <p>{t('meetings.where', { place: m.place })}</p>}
                <p>{t('meetings.yourItems', { items: m.items.map((i) => i.title).join(', ') })}</p>
                <ReplyButtons familyId={familyId} meeting={m} />
              </li>
            ))}
          </ul>
        )
      )}
    </>
  );
}
