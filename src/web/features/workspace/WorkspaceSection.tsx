import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Workspace, type WorkspaceFamily } from '../../../shared/schemas/workspace.ts';
import { apiRequest } from '../../app/api.ts';
import { paths } from '../../app/paths.ts';
import { longDay, timeOf } from '../meetings/format.ts';
import { Badge } from '../../components/Badge.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { familyPaths } from '../families/family-paths.ts';
import styles from './Workspace.module.css';

export const workspaceKey = ['workspace'] as const;

export function useWorkspace() {
  return useQuery({ queryKey: workspaceKey, queryFn: async () => (await apiRequest('/me/workspace', { schema: Workspace })).data });
}

/** The coach's day: registrations waiting for first contact, then my families, what needs attention first. */
export function WorkspaceSection() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  if (workspace.isPending) return <Loading />;
  if (workspace.isError) return <ErrorState error={workspace.error} onRetry={() => void workspace.refetch()} isRetrying={workspace.isFetching} />;
  const { families, registrations } = workspace.data;
  return (
    <section aria-labelledby="workspace-title" className={styles.workspace}>
      <h2 id="workspace-title">{t('workspace.title')}</h2>
      {registrations.length > 0 && (
        <section aria-labelledby="workspace-registrations">
          <h3 id="workspace-registrations">{t('workspace.registrations', { count: registrations.length })}</h3>
          <ul className={styles.list}>
            {registrations.map((r) => (
              <li key={r.id} className={`${styles.card} ${r.timing === 'overdue' ? styles.now : r.timing === 'warning' ? styles.soon : ''}`}>
                <Link to={paths.registration(r.collaborationId, r.id)}>{r.familyName}</Link>
                <span> · {r.municipality}</span>
                <p>{t(`workspace.timing.${r.timing}`, { date: new Date(r.firstContactDueBy).toLocaleDateString() })}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {families.length === 0 && registrations.length === 0 && <EmptyState title={t('workspace.empty.title')}>{t('workspace.empty.body')}</EmptyState>}
      {families.length > 0 && (
        <ul className={styles.list} aria-label={t('workspace.familiesLabel')}>
          {families.map((f) => <FamilyCard key={f.id} family={f} />)}
        </ul>
      )}
    </section>
  );
}

function FamilyCard({ family: f }: { family: WorkspaceFamily }) {
  const { t, i18n } = useTranslation();
  return (
    <li className={`${styles.card} ${f.attention === 'now' ? styles.now : f.attention === 'soon' ? styles.soon : ''}`}>
      <h3 className={styles.name}><Link to={familyPaths.plan(f.id)}>{f.displayName}</Link></h3>
      <Badge tone={f.attention === 'now' ? 'warning' : 'neutral'}>{t(`workspace.attention.${f.attention}`)}</Badge>
      <ul className={styles.facts}>
        {f.reasons.map((r) => <li key={r}>{t(`workspace.reasons.${r}`, { count: r === 'agreements_overdue' ? f.overdueAgreements : r === 'unread_messages' ? (f.unreadMessages ?? 0) : f.dueSoonAgreements, days: f.daysSinceContact ?? 0 })}</li>)}
        <li>{f.lastContactOn ? t('workspace.lastContact', { count: f.daysSinceContact ?? 0, days: f.daysSinceContact ?? 0 }) : t('workspace.noContact')}</li>
        {f.nextMeeting && <li>{t('workspace.nextMeeting', { title: f.nextMeeting.title, date: `${longDay(f.nextMeeting.at, i18n.language)} ${timeOf(f.nextMeeting.at, i18n.language)}` })}</li>}
        {f.evaluationDueOn && <li>{t('workspace.evaluationDue', { date: longDay(f.evaluationDueOn, i18n.language) })}</li>}
      </ul>
      <p className={styles.actions}>
        <Link to={familyPaths.tab(f.id, 'members')}>{t('workspace.contact')}</Link>
        <Link to={familyPaths.tab(f.id, 'strength')}>{t('workspace.reflect')}</Link>
      </p>
    </li>
  );
}
