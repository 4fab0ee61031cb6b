import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.tsx';
import { CheckboxGroupField } from '../../components/CheckboxGroupField.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { errorText } from '../../components/error-text.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFamilyContext } from '../families/FamilyLayout.tsx';
import { useLead, useSetLead } from './queries.ts';
import styles from '../messages/Messages.module.css';

const names = (list: { name: string }[]) => list.map((h) => h.name).join(', ');

/** "Wie heeft de regie?": who coordinates now, handing it to family members and back, and who led when. */
export function LeadPage() {
  const { t } = useTranslation();
  const family = useFamilyContext();
  const lead = useLead(family.id);
  const setLead = useSetLead(family.id);
  const [chosen, setChosen] = useState<string[]>([]);
  const [confirming, setConfirming] = useState<'handOver' | 'takeBack' | null>(null);
  if (lead.isPending) return <Loading />;
  if (lead.isError) return <ErrorState error={lead.error} onRetry={() => void lead.refetch()} isRetrying={lead.isFetching} />;
  const l = lead.data;
  const chosenNames = l.candidates.filter((c) => chosen.includes(c.participantId)).map((c) => c.name).join(', ');
  const confirm = () => setLead.mutate({ participantIds: confirming === 'takeBack' ? [] : chosen, version: l.version }, { onSuccess: () => { setConfirming(null); setChosen([]); } });
  return (
    <>
      <PageHeader title={t('lead.title')} context={family.displayName} intro={t('lead.intro')} />
      <section className={styles.card} aria-labelledby="lead-now">
        <h2 id="lead-now" className={styles.cardTitle}>{t('lead.now')}</h2>
        <p>{l.withFamily ? t('lead.withFamily', { names: names(l.holders) }) : t('lead.withCoach')}</p>
      </section>
      {l.mayHandOver && (
        <section className={styles.composer} aria-labelledby="lead-hand-over">
          <h2 id="lead-hand-over" className={styles.cardTitle}>{t('lead.handOver')}</h2>
          <CheckboxGroupField id="lead-holders" label={t('lead.choose')} description={t('lead.chooseHint')} value={chosen} onChange={setChosen}
            options={l.candidates.map((c) => ({ value: c.participantId, label: c.name }))} />
          <div className={styles.actions}>
            <Button variant="primary" isDisabled={chosen.length === 0} onPress={() => setConfirming('handOver')}>{t('lead.handOverSubmit')}</Button>
          </div>
        </section>
      )}
      {l.mayTakeBack && (
        <p className={styles.composer}>
          <Button onPress={() => setConfirming('takeBack')}>{family.myRole === 'coach' ? t('lead.takeBack') : t('lead.giveBack')}</Button>
        </p>
      )}
      <section className={styles.composer} aria-labelledby="lead-history">
        <h2 id="lead-history" className={styles.cardTitle}>{t('lead.history')}</h2>
        {l.periods.length === 0 ? <p>{t('lead.alwaysCoach')}</p> : (
          <ol className={styles.list}>
            {l.periods.map((p) => (
              <li key={`${p.participantId}-${p.from}`}>
                {p.until
                  ? t('lead.period', { name: p.name, from: new Date(p.from).toLocaleDateString(), until: new Date(p.until).toLocaleDateString() })
                  : t('lead.periodOpen', { name: p.name, from: new Date(p.from).toLocaleDateString() })}
              </li>
            ))}
          </ol>
        )}
      </section>
      <ConfirmDialog isOpen={confirming !== null} tone="primary" isPending={setLead.isPending} onCancel={() => setConfirming(null)} onConfirm={confirm}
        error={setLead.isError ? errorText(setLead.error, t) : null}
        title={confirming === 'takeBack' ? t('lead.confirmBackTitle') : t('lead.confirmTitle', { names: chosenNames })}
        confirmLabel={confirming === 'takeBack' ? t('lead.confirmBack') : t('lead.confirm')}>
        <p>{confirming === 'takeBack' ? t('lead.confirmBackText') : t('lead.confirmText', { names: chosenNames })}</p>
      </ConfirmDialog>
    </>
  );
}
