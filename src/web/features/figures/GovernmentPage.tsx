import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { figureWords } from '../../../shared/figure-labels.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useLocale } from '../../i18n/i18n.ts';
import { FigureTable } from './FigureTable.tsx';
import { PeriodFields, usePeriod } from './PeriodFields.tsx';
import { downloads, useGovernmentFigures } from './queries.ts';
import styles from './Figures.module.css';

const FLANDERS = 'flanders';

/**
 * The government's view: the same figures for Flanders as a whole or one collaboration, only as
 * counts the server has already suppressed ("<5" for fewer than five families).
 */
export function GovernmentPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const period = usePeriod();
  const [scope, setScope] = useState(FLANDERS);
  const figures = useGovernmentFigures(period.from, period.to, period.valid);
  const wanted = scope === FLANDERS ? null : scope;

  return (
    <div className={styles.page}>
      <PageHeader title={t('figures.governmentTitle')} intro={t('figures.governmentIntro')} />
      <div className={`${styles.filters} ${styles.noPrint}`} role="group" aria-label={t('figures.filters')}>
        <PeriodFields period={period} idPrefix="government" />
        <SelectField
          id="government-scope" label={t('figures.scope')} value={scope} onChange={setScope}
          options={[{ value: FLANDERS, label: figureWords(locale).flanders }, ...(figures.data?.collaborations ?? []).map((c) => ({ value: c.id, label: c.name }))]}
        />
      </div>
      <p className={styles.actions}>
        <a href={downloads.governmentCsv(period.from, period.to)} download>{t('figures.downloadAllCsv')}</a>
        <a href={downloads.governmentJson(period.from, period.to)} download="cijfers.json">{t('figures.downloadJson')}</a>
        <a href={downloads.schema}>{t('figures.schema')}</a>
      </p>
      <p>{t('figures.suppressedNote')}</p>
      {period.valid && figures.isPending && <Loading />}
      {figures.isError && <ErrorState error={figures.error} onRetry={() => void figures.refetch()} isRetrying={figures.isFetching} />}
      {figures.data?.figures.map((f) => {
        const words = figureWords(locale);
        const title = words.titles[f.id] ?? f.id;
        return (
          <section key={f.id} className={styles.card} data-figure={f.id} aria-label={title}>
            <h2>{title}</h2>
            <p className={styles.note}>{words.notes[f.id]}</p>
            <FigureTable columns={f.columns} rows={f.rows.filter((r) => r.collaborationId === wanted).map((r) => r.cells)} caption={title} locale={locale} />
          </section>
        );
      })}
    </div>
  );
}
