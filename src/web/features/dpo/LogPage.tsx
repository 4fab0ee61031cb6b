import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, type CollaborationAccessLogEntry } from '../../../shared/schemas/access-log.ts';
import { useCollaborationId } from '../../app/guards.tsx';
import { useCollaborationName } from '../../app/collaborations.ts';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useLocale } from '../../i18n/i18n.ts';
import { dateLabel, timeLabel } from '../sharing/sharing-format.ts';
import { csvHref, NO_FILTERS, useCollaborationLog, type LogFilters } from './queries.ts';
import styles from './Dpo.module.css';

const ANY = 'any';
const fromSearch = (search: URLSearchParams): LogFilters =>
  Object.fromEntries(Object.keys(NO_FILTERS).map((k) => [k, search.get(k) ?? ''])) as unknown as LogFilters;

/** The DPO's view of the collaboration's access log: who did what to which file, filtered, with a CSV of the same. */
export function LogPage() {
  const { t } = useTranslation();
  const collaborationId = useCollaborationId();
  const name = useCollaborationName(collaborationId);
  const [search, setSearch] = useSearchParams();
  const [filters, setFilters] = useState<LogFilters>(() => fromSearch(search));
  const log = useCollaborationLog(collaborationId, filters);
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (patch: Partial<LogFilters>) => {
    const next = { ...filters, ...patch };
    setFilters(next);
    setSearch(Object.fromEntries(Object.entries(next).filter(([, v]) => v)), { replace: true });
  };
  return (
    <>
      <PageHeader title={t('dpoLog.title')} context={name} intro={t('dpoLog.intro')} />
      <section aria-labelledby="dpo-filters" className={styles.filters}>
        <h2 id="dpo-filters">{t('dpoLog.filters.title')}</h2>
        <SelectField id="dpo-action" label={t('dpoLog.filters.action')} value={filters.action || ANY} onChange={(v) => set({ action: v === ANY ? '' : v })}
          options={[{ value: ANY, label: t('dpoLog.filters.any') }, ...AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`dpoLog.actions.${a}`) }))]} />
        <SelectField id="dpo-outcome" label={t('dpoLog.filters.outcome')} value={filters.outcome || ANY} onChange={(v) => set({ outcome: v === ANY ? '' : v })}
          options={[{ value: ANY, label: t('dpoLog.filters.any') }, ...AUDIT_OUTCOMES.map((o) => ({ value: o, label: t(`dpoLog.outcomes.${o}`) }))]} />
        <TextField id="dpo-from" label={t('dpoLog.filters.from')} type="date" optional value={filters.from} onChange={(from) => set({ from })} />
        <TextField id="dpo-to" label={t('dpoLog.filters.to')} type="date" optional value={filters.to} onChange={(to) => set({ to })} />
        {(filters.personId || filters.familyId) && (
          <p>
            {filters.personId && <>{t('dpoLog.filters.person', { id: filters.personId.slice(0, 8) })} <Button variant="quiet" onPress={() => set({ personId: '' })}>{t('dpoLog.filters.clearPerson')}</Button></>}
            {filters.familyId && <>{t('dpoLog.filters.family', { id: filters.familyId.slice(0, 8) })} <Button variant="quiet" onPress={() => set({ familyId: '' })}>{t('dpoLog.filters.clearFamily')}</Button></>}
          </p>
        )}
        <p><a href={csvHref(collaborationId, filters)} download>{t('dpoLog.csv')}</a></p>
      </section>
      <section aria-labelledby="dpo-rows" aria-busy={log.isFetching || undefined}>
        <h2 id="dpo-rows">{t('dpoLog.rows')}</h2>
        {log.isPending && <Loading />}
        {log.isError && <ErrorState error={log.error} onRetry={() => void log.refetch()} isRetrying={log.isFetching} />}
        {log.isSuccess && entries.length === 0 && <EmptyState title={t('dpoLog.empty.title')}>{t('dpoLog.empty.body')}</EmptyState>}
        {entries.length > 0 && (
          <ul className={styles.rows}>
            {entries.map((entry) => <li key={entry.id} className={styles.row}><Row entry={entry} onPick={set} /></li>)}
          </ul>
        )}
        <LoadMore query={log} />
      </section>
    </>
  );
}

function Row({ entry, onPick }: { entry: CollaborationAccessLogEntry; onPick: (patch: Partial<LogFilters>) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const who = entry.actorName ?? t('dpoLog.nobody');
  return (
    <>
      <p>
        <strong>{who}</strong>{entry.actorRole && <> ({entry.actorRole})</>}{entry.organisationName && <>, {entry.organisationName}</>}
        {' · '}{t(`dpoLog.actions.${entry.action}`)} · {entry.entityType}
        {entry.outcome !== 'success' && <> · <strong>{t(`dpoLog.outcomes.${entry.outcome}`)}</strong></>}
      </p>
      <p className={styles.meta}>
        <time dateTime={entry.occurredAt}>{dateLabel(entry.occurredAt, locale)} {timeLabel(entry.occurredAt, locale)}</time>
        {entry.familyId && <> · {t('dpoLog.familyId', { id: entry.familyId.slice(0, 8) })}</>}
        {entry.reason && <> · {entry.reason}</>}
      </p>
      <p className={styles.picks}>
        {entry.actorUserId && <Button variant="quiet" onPress={() => onPick({ personId: entry.actorUserId! })}>{t('dpoLog.onlyPerson', { name: who })}</Button>}
        {entry.familyId && <Button variant="quiet" onPress={() => onPick({ familyId: entry.familyId! })}>{t('dpoLog.onlyFamily', { id: entry.familyId.slice(0, 8) })}</Button>}
      </p>
    </>
  );
}
