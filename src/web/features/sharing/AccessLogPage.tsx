import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessLogEntry } from '../../../shared/schemas/sharing.ts';
import { ACCESS_LOG_ACTIONS } from '../../../shared/schemas/sharing.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RadioGroupField } from '../../components/RadioGroupField.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useLocale } from '../../i18n/i18n.ts';
import { useFamilyContext } from '../families/FamilyLayout.tsx';
import { familyPaths } from '../families/family-paths.ts';
import { useAccessLog, type AccessLogFilters } from './queries.ts';
import { actionWord, dayLabel, entityWord, groupByDay, timeLabel } from './sharing-format.ts';
import styles from './Sharing.module.css';

const ALL = 'all';

/** "Who looked at our file": every read and change, as plain sentences, grouped by day. */
export function AccessLogPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const family = useFamilyContext();
  const [filters, setFilters] = useState<AccessLogFilters>({ who: 'all', action: '', from: '', to: '' });
  const log = useAccessLog(family.id, filters);
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (patch: Partial<AccessLogFilters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <>
      <PageHeader title={t('accessLog.title')} context={family.displayName} intro={t('accessLog.intro')} />
      <section aria-labelledby="access-download">
        <h2 id="access-download" className="visually-hidden">{t('accessLog.download.title')}</h2>
        <p>{t('accessLog.download.intro')}</p>
        <div className={styles.downloads}>
          <a href={familyPaths.filePdf(family.id, locale)} download>{t('accessLog.download.pdf')}</a>
          <a href={familyPaths.json(family.id)} download>{t('accessLog.download.json')}</a>
        </div>
      </section>

      <section className={styles.filters} aria-labelledby="access-filters">
        <h2 id="access-filters" className="visually-hidden">{t('accessLog.filters.title')}</h2>
        <RadioGroupField
          id="access-who"
          label={t('accessLog.filters.who')}
          value={filters.who}
          onChange={(who) => set({ who: who as AccessLogFilters['who'] })}
          options={[
            { value: 'all', label: t('accessLog.filters.everyone') },
            { value: 'others', label: t('accessLog.filters.others') },
          ]}
        />
        <SelectField
          id="access-action"
          label={t('accessLog.filters.action')}
          value={filters.action || ALL}
          onChange={(action) => set({ action: action === ALL ? '' : action })}
          options={[{ value: ALL, label: t('accessLog.filters.allActions') }, ...ACCESS_LOG_ACTIONS.map((a) => ({ value: a, label: t(`accessLog.actionNames.${a}`) }))]}
        />
        <TextField id="access-from" label={t('accessLog.filters.from')} type="date" optional value={filters.from} onChange={(from) => set({ from })} />
        <TextField id="access-to" label={t('accessLog.filters.to')} type="date" optional value={filters.to} onChange={(to) => set({ to })} />
      </section>

      <section aria-labelledby="access-entries" aria-busy={log.isFetching || undefined}>
        <h2 id="access-entries" className="visually-hidden">{t('accessLog.entries')}</h2>
        {log.isPending && <Loading />}
        {log.isError && <ErrorState error={log.error} onRetry={() => void log.refetch()} isRetrying={log.isFetching} />}
        {log.isSuccess && entries.length === 0 && <EmptyState title={t('accessLog.empty.title')}>{t('accessLog.empty.body')}</EmptyState>}
        {groupByDay(entries).map((group) => (
          <section key={group.day} className={styles.day} aria-labelledby={`day-${group.day}`}>
            <h3 id={`day-${group.day}`}>{capitalise(dayLabel(group.day, locale))}</h3>
            <ul className={styles.topics}>
              {group.entries.map((entry) => (
                <li key={entry.id} className={entry.action === 'break_glass' ? `${styles.entry} ${styles.emergency}` : styles.entry}>
                  {entry.action === 'break_glass' ? <EmergencySentence entry={entry} /> : <AccessSentence entry={entry} />}
                </li>
              ))}
            </ul>
          </section>
        ))}
        <LoadMore query={log} />
      </section>
    </>
  );
}

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

function AccessSentence({ entry }: { entry: AccessLogEntry }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const who = entry.isMe
    ? t('accessLog.you')
    : [entry.actorName ?? t('accessLog.someone'), entry.organisationName ?? (entry.actorRole ? t(`accessLog.roles.${roleWord(entry.actorRole)}`) : null)]
        .filter(Boolean)
        .reduce((name, org) => `${name} (${org})`);
  const what = t(`accessLog.entities.${entityWord(entry.entityType)}`);
  const did = t(`accessLog.actions.${actionWord(entry.action)}`, { what });
  const refused = entry.outcome !== 'success';
  return (
    <>
      <p>
        <strong>{who}</strong> {did}
        {refused && <> — {t('accessLog.refused')}</>}
      </p>
      <p className={styles.when}>
        <time dateTime={entry.occurredAt}>{timeLabel(entry.occurredAt, locale)}</time>
        {entry.reason && <span> · {entry.reason}</span>}
        {!entry.actorIsFamily && !entry.isMe && <span> · {t('accessLog.outsideFamily')}</span>}
      </p>
    </>
  );
}

/** Emergency access stands apart: who opened the file without being in the circle, why, and what happens next. */
function EmergencySentence({ entry }: { entry: AccessLogEntry }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const role = entry.actorRole ? t(`accessLog.roles.${roleWord(entry.actorRole)}`) : null;
  const who = [entry.actorName ?? t('accessLog.someone'), entry.organisationName ?? role].filter(Boolean).reduce((name, org) => `${name} (${org})`);
  return (
    <>
      <p className={styles.emergencyTitle}>{t('accessLog.emergency.title')}</p>
      <p>
        <strong>{who}</strong> {t('accessLog.emergency.opened')}
      </p>
      {entry.reason && <p>{t('accessLog.emergency.reason', { reason: entry.reason })}</p>}
      <p>{t('accessLog.emergency.after')}</p>
      <p className={styles.when}>
        <time dateTime={entry.occurredAt}>{timeLabel(entry.occurredAt, locale)}</time>
      </p>
    </>
  );
}

const ROLE_WORDS = ['parent', 'young_person', 'child', 'housemate', 'network_member', 'outside_professional', 'coach', 'coordinator', 'admin'] as const;
function roleWord(role: string): (typeof ROLE_WORDS)[number] | 'other' {
  return (ROLE_WORDS as readonly string[]).includes(role) ? (role as (typeof ROLE_WORDS)[number]) : 'other';
}
