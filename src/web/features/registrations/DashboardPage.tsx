import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistrationStats } from '../../../shared/schemas/registrations.ts';
import { useCollaborationId } from '../../app/guards.tsx';
import { useCollaborationName } from '../../app/collaborations.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { useLocale } from '../../i18n/i18n.ts';
import { useRegistrationStats } from './queries.ts';
import { formatDate, formatShare, periodFor, type PeriodPreset } from './format.ts';
import styles from './Registrations.module.css';

const PRESETS: PeriodPreset[] = ['thisMonth', 'last3Months', 'last12Months'];
const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

export function DashboardPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const collaborationId = useCollaborationId();
  const name = useCollaborationName(collaborationId);
  const [preset, setPreset] = useState<PeriodPreset | 'custom'>('last3Months');
  const [period, setPeriod] = useState(() => periodFor('last3Months'));
  const valid = isDate(period.from) && isDate(period.to) && period.from <= period.to;
  const stats = useRegistrationStats(collaborationId, period.from, period.to, valid);

  return (
    <>
      <PageHeader title={t('dashboard.title')} context={name} intro={t('dashboard.intro')} />
      <div className={styles.period} role="group" aria-label={t('dashboard.period')}>
        <SelectField
          id="dashboard-preset"
          label={t('dashboard.period')}
          value={preset}
          onChange={(value) => {
            setPreset(value as PeriodPreset | 'custom');
            if (value !== 'custom') setPeriod(periodFor(value as PeriodPreset));
          }}
          options={[...PRESETS.map((p) => ({ value: p, label: t(`dashboard.presets.${p}`) })), { value: 'custom', label: t('dashboard.presets.custom') }]}
        />
        <TextField
          id="dashboard-from"
          label={t('dashboard.from')}
          type="date"
          value={period.from}
          onChange={(from) => {
            setPreset('custom');
            setPeriod((p) => ({ ...p, from }));
          }}
          error={valid || !isDate(period.from) ? undefined : t('dashboard.fromAfterTo')}
        />
        <TextField
          id="dashboard-to"
          label={t('dashboard.to')}
          type="date"
          value={period.to}
          onChange={(to) => {
            setPreset('custom');
            setPeriod((p) => ({ ...p, to }));
          }}
        />
      </div>
      {valid && stats.isPending && <Loading />}
      {stats.isError && <ErrorState error={stats.error} onRetry={() => void stats.refetch()} isRetrying={stats.isFetching} />}
      {stats.data && (
        <>
          <h2>{t('dashboard.periodTitle', { from: formatDate(stats.data.from, locale), to: formatDate(stats.data.to, locale) })}</h2>
          <Figures stats={stats.data} />
        </>
      )}
    </>
  );
}

function Figures({ stats }: { stats: RegistrationStats }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const share = (value: number | null) => (value === null ? null : formatShare(value, locale));
  const figures: { key: string; value: string | null; label: string }[] = [
    { key: 'thisMonth', value: String(stats.registrationsThisMonth), label: t('dashboard.figures.thisMonth') },
    { key: 'inPeriod', value: String(stats.registrationsInPeriod), label: t('dashboard.figures.inPeriod') },
    { key: 'consultations', value: String(stats.consultationsInPeriod), label: t('dashboard.figures.consultations') },
    { key: 'within14', value: share(stats.firstContactWithin14DaysShare), label: t('dashboard.figures.within14') },
    { key: 'within30', value: share(stats.firstContactWithin30DaysShare), label: t('dashboard.figures.within30') },
    {
      key: 'median',
      value: stats.medianDaysToFirstContact === null ? null : t('dashboard.figures.days', { count: Math.round(stats.medianDaysToFirstContact) }),
      label: t('dashboard.figures.median'),
    },
    { key: 'pastWarning', value: String(stats.openPastWarning), label: t('dashboard.figures.pastWarning') },
    { key: 'overdue', value: String(stats.openOverdue), label: t('dashboard.figures.overdue') },
  ];
  return (
    <ul className={styles.figures}>
      {figures.map((f) => (
        <li key={f.key} className={styles.figure} data-figure={f.key}>
          <p>
            <span className={styles.number}>{f.value ?? '—'}</span>
            {f.label}
            {f.value === null && <span> ({t('dashboard.noData')})</span>}
          </p>
        </li>
      ))}
    </ul>
  );
}
