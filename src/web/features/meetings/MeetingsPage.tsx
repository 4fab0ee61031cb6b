import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader.tsx';
import { useLocale } from '../../i18n/i18n.ts';
import { useFamilyContext } from '../families/FamilyLayout.tsx';
import { usePlan } from '../families/queries.ts';
import { useLead } from '../lead/queries.ts';
import familyStyles from '../families/Family.module.css';
import { longDay, timeSpan } from './format.ts';
import { MeetingForm } from './MeetingForm.tsx';
import { meetingPath } from './paths.ts';
import { useEvaluationProposal, useMeetings } from './queries.ts';

/** The family's round tables: the next ones first, and planning a new one (the family and its coaches). */
export function MeetingsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const family = useFamilyContext();
  const meetings = useMeetings(family.id);
  const full = family.reach === 'full';
  const proposal = useEvaluationProposal(family.id, full);
  const plan = usePlan(family.id, full);
  const lead = useLead(family.id);
  const [planning, setPlanning] = useState<'round_table' | 'evaluation' | null>(null);
  useDocumentTitle(t('meetings.title'));

  if (meetings.isPending) return <Loading />;
  if (meetings.isError) return <ErrorState error={meetings.error} onRetry={() => void meetings.refetch()} isRetrying={meetings.isFetching} />;
  // The server decides (requireCoordinator); the button follows the same rule, as the lead tells it.
  const mayPlan = full && lead.data?.mayHandOver === true;

  return (
    <>
      <PageHeader title={t('meetings.title')} context={family.displayName} intro={t('meetings.intro')}
        actions={mayPlan && !planning ? <Button variant="primary" onPress={() => setPlanning('round_table')}>{t('meetings.plan')}</Button> : undefined} />
      {full && proposal.data?.dueOn && !proposal.data.plannedMeetingId && !planning && (
        <Alert tone="info" actions={mayPlan ? <Button onPress={() => setPlanning('evaluation')}>{t('meetings.evaluation.plan')}</Button> : undefined}>
          {t('meetings.evaluation.proposal', { date: longDay(proposal.data.dueOn, locale), months: proposal.data.intervalMonths })}
        </Alert>
      )}
      {planning && plan.data && (
        <section aria-labelledby="plan-meeting">
          <h2 id="plan-meeting">{planning === 'evaluation' ? t('meetings.evaluation.plan') : t('meetings.plan')}</h2>
          <MeetingForm familyId={family.id} plan={plan.data} kind={planning} onCancel={() => setPlanning(null)}
            onDone={(id) => { setPlanning(null); void navigate(meetingPath(family.id, id)); }} />
        </section>
      )}
      {planning && plan.isPending && <Loading />}
      {meetings.data.length === 0 ? (
        <EmptyState title={t('meetings.empty')}>{t('meetings.emptyHint')}</EmptyState>
      ) : (
        <ul className={familyStyles.cards}>
          {meetings.data.map((m) => (
            <li key={m.id} className={familyStyles.card}>
              <h2><Link to={meetingPath(family.id, m.id)}>{m.title}</Link></h2>
              <p>{longDay(m.startsAt, locale)}, {timeSpan(m.startsAt, m.endsAt, locale)}</p>
              {m.place && <p>{t('meetings.where', { place: m.place })}</p>}
              {m.status === 'cancelled' && <p><strong>{t('meetings.cancelled')}</strong></p>}
              <p className={familyStyles.muted}>{t('meetings.itemCount', { count: m.items.length })}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
