import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RetentionFile, RetentionOverview } from '../../../shared/schemas/retention.ts';
import { apiRequest } from '../../app/api.ts';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';

const day = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));

/** The coordinator's list of closed files the daily job erases within the notice period, with legal hold. */
export function RetentionPage() {
  const { t, i18n } = useTranslation();
  const { collaborationId = '' } = useParams();
  const queryClient = useQueryClient();
  const key = ['retention', collaborationId];
  const overview = useQuery({ queryKey: key, queryFn: async () => (await apiRequest(`/collaborations/${collaborationId}/retention`, { schema: RetentionOverview })).data });
  const [holding, setHolding] = useState<RetentionFile | null>(null);
  const [lifting, setLifting] = useState<RetentionFile | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const change = useMutation({
    mutationFn: async ({ file, hold }: { file: RetentionFile; hold: string | null }) =>
      (await apiRequest(`/collaborations/${collaborationId}/retention/${file.familyId}/hold`, {
        method: hold ? 'PUT' : 'DELETE', body: hold ? { reason: hold } : undefined, ifMatch: `"${file.version}"`, schema: RetentionFile,
      })).data,
    onSuccess: async () => {
      setHolding(null);
      setLifting(null);
      setReason('');
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const submitHold = (event: FormEvent) => {
    event.preventDefault();
    if (!holding) return;
    if (reason.trim().length < 10) {
      setReasonError(t('retention.reasonHint'));
      return;
    }
    setReasonError(undefined);
    change.mutate({ file: holding, hold: reason.trim() });
  };
  const locale = i18n.language === 'en' ? 'en-GB' : 'nl-BE';
  return (
    <>
      <PageHeader title={t('retention.title')} intro={overview.data ? t('retention.intro', { years: overview.data.retentionYears }) : undefined} />
      {overview.isPending && <Loading />}
      {overview.isError && <ErrorState error={overview.error} onRetry={() => void overview.refetch()} isRetrying={overview.isFetching} />}
      {overview.data && (
        <section aria-labelledby="retention-soon">
          <h2 id="retention-soon">{t('retention.soonTitle')}</h2>
          <p>{t('retention.soonIntro', { days: overview.data.noticeDays })}</p>
          {overview.data.items.length === 0 ? <EmptyState title={t('retention.empty')} /> : (
            <ul aria-label={t('retention.soonTitle')}>
              {overview.data.items.map((file) => (
                <li key={file.familyId} data-testid="retention-file">
                  <h3>{file.displayName}</h3>
                  <p>{t('retention.closedOn')}: {day(file.closedOn, locale)} · {t('retention.eraseOn')}: {day(file.eraseOn, locale)}</p>
                  <p>{file.legalHold ? t('retention.held', { since: day(file.legalHold.since, locale), reason: file.legalHold.reason }) : t('retention.willErase')}</p>
                  {file.legalHold
                    ? <Button onPress={() => setLifting(file)}>{t('retention.lift')}</Button>
                    : <Button variant="primary" onPress={() => { setHolding(file); setReason(''); setReasonError(undefined); }}>{t('retention.hold')}</Button>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <FormDialog isOpen={holding !== null} onClose={() => setHolding(null)} title={t('retention.holdTitle', { name: holding?.displayName ?? '' })}>
        <form onSubmit={submitHold} noValidate>
          <TextAreaField id="hold-reason" label={t('retention.reason')} description={t('retention.reasonHint')} value={reason} onChange={setReason} error={reasonError} maxLength={1000} />
          {change.isError && <ErrorState error={change.error} />}
          <Button type="submit" variant="primary" isPending={change.isPending}>{t('retention.save')}</Button>{' '}
          <Button onPress={() => setHolding(null)}>{t('retention.cancel')}</Button>
        </form>
      </FormDialog>
      <ConfirmDialog
        isOpen={lifting !== null} title={t('retention.liftTitle')} confirmLabel={t('retention.liftConfirm')} tone="danger"
        onConfirm={() => lifting && change.mutate({ file: lifting, hold: null })} onCancel={() => setLifting(null)}
        isPending={change.isPending} error={change.isError ? change.error.message : null}
      >
        <p>{t('retention.liftText', { name: lifting?.displayName ?? '', day: lifting ? day(lifting.eraseOn, locale) : '' })}</p>
      </ConfirmDialog>
    </>
  );
}
