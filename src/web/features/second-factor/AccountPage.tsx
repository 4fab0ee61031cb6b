import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RecoveryCodes, RecoveryCodesBody } from '../../../shared/schemas/second-factor.ts';
import { apiRequest, setCsrfToken } from '../../app/api.ts';
import { useCurrentUser } from '../../app/guards.tsx';
import { meQueryKey } from '../../app/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { errorText } from '../../components/error-text.ts';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import { formIds } from '../../components/form-ids.ts';
import formStyles from '../../components/Form.module.css';
import { CodeField, EnrolTotp } from './EnrolTotp.tsx';
import { RecoveryCodesPanel } from './RecoveryCodesPanel.tsx';
import { secondFactorKey, useSecondFactorStatus } from './queries.ts';
import { useFormatDate } from './format.ts';
import styles from './SecondFactor.module.css';

type Mode = 'idle' | 'enrol' | 'codes' | 'remove';
const idFor = formIds('account-security');

/** `/account` ("Mijn account"): who I am, and the second step of my sign-in. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const status = useSecondFactorStatus();
  const queryClient = useQueryClient();
  const formatDate = useFormatDate();
  const [mode, setMode] = useState<Mode>('idle');
  const [done, setDone] = useState<string | null>(null);
  const refresh = async (message: string | null) => {
    setMode('idle');
    setDone(message);
    await queryClient.invalidateQueries({ queryKey: secondFactorKey });
    await queryClient.invalidateQueries({ queryKey: meQueryKey });
  };

  return (
    <>
      <PageHeader title={t('account.title')} intro={t('account.intro', { name: me.user.name, email: me.user.email })} />
      <section aria-labelledby="security-title">
        <h2 id="security-title">{t('account.security.title')}</h2>
        {done && <Alert tone="success">{done}</Alert>}
        {status.isPending && <Loading />}
        {status.isError && <ErrorState error={status.error} onRetry={() => void status.refetch()} isRetrying={status.isFetching} />}
        {status.data && mode === 'enrol' && <EnrolTotp onDone={() => void refresh(t('account.security.linked'))} />}
        {status.data && mode === 'codes' && <CodeAction kind="codes" onDone={(m) => void refresh(m)} onCancel={() => setMode('idle')} />}
        {status.data && mode === 'remove' && <CodeAction kind="remove" onDone={(m) => void refresh(m)} onCancel={() => setMode('idle')} />}
        {status.data && mode === 'idle' && (
          status.data.factors.length > 0 ? (
            <>
              <p>{t('account.security.linkedSince', { date: formatDate(status.data.factors[0]!.confirmedAt) })}</p>
              <p>{t('account.security.codesLeft', { count: status.data.recoveryCodesLeft })}</p>
              <div className={styles.row}>
                <Button onPress={() => { setDone(null); setMode('codes'); }}>{t('account.security.newCodes')}</Button>
                <Button onPress={() => { setDone(null); setMode('enrol'); }}>{t('account.security.replace')}</Button>
                <Button variant="danger" onPress={() => { setDone(null); setMode('remove'); }}>{t('account.security.remove')}</Button>
              </div>
            </>
          ) : (
            <>
              <p>{t('account.security.none')}</p>
              {status.data.required && status.data.enrolBy && <Alert tone="info">{t('secondFactor.enrol.until', { date: formatDate(status.data.enrolBy) })}</Alert>}
              <Button variant="primary" onPress={() => { setDone(null); setMode('enrol'); }}>{t('account.security.link')}</Button>
            </>
          )
        )}
      </section>
    </>
  );
}

/** New recovery codes or removing the app: both need a current code from the app. */
function CodeAction({ kind, onDone, onCancel }: { kind: 'codes' | 'remove'; onDone: (message: string | null) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const feedback = useFormFeedback(['code']);
  const action = useMutation({
    mutationFn: async (body: RecoveryCodesBody) => {
      if (kind === 'remove') {
        await apiRequest('/me/second-factor/removal', { method: 'POST', body });
        return null;
      }
      return (await apiRequest('/me/second-factor/recovery-codes', { method: 'POST', body, schema: RecoveryCodes })).data;
    },
    onSuccess: (data) => {
      setConfirming(false);
      if (!data) return onDone(t('account.security.removed'));
      setCsrfToken(data.csrfToken);
      setCodes(data.recoveryCodes);
    },
    onError: (error) => {
      if (!confirming) feedback.showError(error);
    },
  });
  if (codes) return <RecoveryCodesPanel codes={codes} onDone={() => onDone(t('account.security.codesReplaced'))} />;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (action.isPending) return;
    const body = feedback.validate(RecoveryCodesBody, { code });
    if (!body) return;
    if (kind === 'remove') setConfirming(true);
    else action.mutate(body);
  };
  return (
    <>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={() => t('secondFactor.code')} idFor={idFor} />
      <p>{kind === 'remove' ? t('account.security.removeIntro') : t('account.security.newCodesIntro')}</p>
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <CodeField id={idFor('code')} value={code} onChange={setCode} error={feedback.fieldErrors.code} />
        <div className={formStyles.actions}>
          <Button type="submit" variant={kind === 'remove' ? 'danger' : 'primary'} isPending={action.isPending && !confirming}>
            {kind === 'remove' ? t('account.security.remove') : t('account.security.newCodes')}
          </Button>
          <Button onPress={onCancel}>{t('common.cancel')}</Button>
        </div>
      </form>
      <ConfirmDialog
        isOpen={confirming}
        title={t('account.security.removeConfirmTitle')}
        confirmLabel={t('account.security.remove')}
        onConfirm={() => action.mutate({ code })}
        onCancel={() => setConfirming(false)}
        isPending={action.isPending}
        error={confirming && action.isError ? errorText(action.error, t) : null}
      >
        <p>{t('account.security.removeConfirm')}</p>
      </ConfirmDialog>
    </>
  );
}
