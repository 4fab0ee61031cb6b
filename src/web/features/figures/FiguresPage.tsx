import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCollaborationId } from '../../app/guards.tsx';
import { useCollaborationName } from '../../app/collaborations.ts';
import { Button, buttonClass } from '../../components/Button.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useLocale } from '../../i18n/i18n.ts';
import { useAllPartners } from '../partners/queries.ts';
import { useCoachOptions } from '../registrations/queries.ts';
import { FigureCard } from './FigureCard.tsx';
import { PeriodFields, usePeriod } from './PeriodFields.tsx';
import { downloads, useCollaborationFigures } from './queries.ts';
import styles from './Figures.module.css';

const ALL = 'all';

/** The collaboration's figures for its coordinators, and the report they print or send to the steering group. */
export function FiguresPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const collaborationId = useCollaborationId();
  const name = useCollaborationName(collaborationId);
  const period = usePeriod();
  const [partner, setPartner] = useState(ALL);
  const [coach, setCoach] = useState(ALL);
  const partners = useAllPartners(collaborationId);
  const coaches = useCoachOptions(collaborationId);
  const filters = {
    from: period.from, to: period.to,
    ...(partner !== ALL && { partnerOrganisationId: partner }), ...(coach !== ALL && { coachId: coach }),
  };
  const figures = useCollaborationFigures(collaborationId, filters, period.valid);

  return (
    <div className={styles.page}>
      <PageHeader
        title={t('figures.title')} context={name} intro={t('figures.intro')}
        actions={(
          <div className={`${styles.actions} ${styles.noPrint}`}>
            <Button onPress={() => window.print()}>{t('figures.print')}</Button>
            <a className={buttonClass('secondary')} href={downloads.pdf(collaborationId, filters, locale)} download>{t('figures.downloadPdf')}</a>
          </div>
        )}
      />
      <div className={`${styles.filters} ${styles.noPrint}`} role="group" aria-label={t('figures.filters')}>
        <PeriodFields period={period} idPrefix="figures" />
        <SelectField
          id="figures-partner" label={t('figures.partner')} value={partner} onChange={setPartner}
          options={[{ value: ALL, label: t('figures.allPartners') }, ...(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))]}
        />
        <SelectField
          id="figures-coach" label={t('figures.coach')} value={coach} onChange={setCoach}
          options={[{ value: ALL, label: t('figures.allCoaches') }, ...(coaches.data ?? []).map((c) => ({ value: c.userId, label: c.name }))]}
        />
      </div>
      {period.valid && figures.isPending && <Loading />}
      {figures.isError && <ErrorState error={figures.error} onRetry={() => void figures.refetch()} isRetrying={figures.isFetching} />}
      {figures.data && (
        <>
          <p className={styles.printOnly}>{t('figures.printedPeriod', { from: figures.data.from, to: figures.data.to })}</p>
          <div aria-live="polite" className="visually-hidden">{figures.isFetching ? '' : t('figures.updated')}</div>
          {figures.data.figures.map((f) => (
            <FigureCard key={f.id} figure={f} locale={locale} csvHref={downloads.csv(collaborationId, filters, f.id)} />
          ))}
        </>
      )}
    </div>
  );
}
