import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Me } from '../../../shared/schemas/auth.ts';
import { SecondStepBody } from '../../../shared/schemas/second-factor.ts';
import { apiRequest, isApiError } from '../../app/api.ts';
import { useSignedIn } from '../../app/session.ts';
import { paths } from '../../app/paths.ts';
import type { ReturnState } from '../../app/guards.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Button } from '../../components/Button.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import { formIds } from '../../components/form-ids.ts';
import formStyles from '../../components/Form.module.css';
import authStyles from '../auth/Auth.module.css';
import { CodeField, EnrolTotp } from './EnrolTotp.tsx';
import { useSecondFactorStatus } from './queries.ts';
import { useFormatDate } from './format.ts';

const idFor = formIds('second-step');

/** `/sign-in/second-step`: after the password, the code from the app, or linking one. */
export function SecondStepPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const from = ((location.state ?? {}) as ReturnState).from?.pathname ?? paths.home;
  const status = useSecondFactorStatus();
  const [enrolling, setEnrolling] = useState(false);
  const formatDate = useFormatDate();

  const finish = async () => {
    const { data } = await apiRequest('/me', { schema: Me });
    await signedIn(data);
    await navigate(from, { replace: true });
  };

  if (status.isPending) return <Loading />;
  if (status.isError) {
    if (isApiError(status.error) && status.error.status === 401) return <Navigate to={paths.login} replace />;
    return <ErrorState error={status.error} onRetry={() => void status.refetch()} isRetrying={status.isFetching} />;
  }
  const s = status.data;
  if (s.step === 'verify') {
    return (
      <div className={authStyles.page}>
        <PageHeader title={t('secondFactor.verify.title')} intro={t('secondFactor.verify.intro')} />
        <CodeStep onDone={(me) => void signedIn(me).then(() => navigate(from, { replace: true }))} />
      </div>
    );
  }
  const mustNow = s.step === 'enrol';
  if (!mustNow && (s.factors.length > 0 || !s.required || !s.enrolBy)) return <Navigate to={from} replace />;
  return (
    <div className={authStyles.page}>
      <PageHeader title={t('secondFactor.enrol.title')} intro={t('secondFactor.enrol.intro')} />
      {mustNow
        ? <Alert tone="info">{t('secondFactor.enrol.mustNow')}</Alert>
        : <Alert tone="info">{t('secondFactor.enrol.until', { date: formatDate(s.enrolBy!) })}</Alert>}
      {mustNow || enrolling ? (
        <EnrolTotp onDone={() => void finish()} />
      ) : (
        <div className={formStyles.actions}>
          <Button variant="primary" onPress={() => setEnrolling(true)}>{t('secondFactor.enrol.now')}</Button>
          <Button onPress={() => void navigate(from, { replace: true })}>{t('secondFactor.enrol.skip', { date: formatDate(s.enrolBy!) })}</Button>
        </div>
      )}
    </div>
  );
}

/** The code from the app, or (for a lost phone) one of the recovery codes. */
function CodeStep({ onDone }: { onDone: (me: Me) => void }) {
  const { t } = useTranslation();
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const feedback = useFormFeedback(['code', 'recoveryCode']);
  const submit = useMutation({
    mutationFn: (body: SecondStepBody) => apiRequest('/auth/second-factor', { method: 'POST', body, schema: Me }),
    onSuccess: ({ data }) => onDone(data),
    onError: feedback.showError,
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (submit.isPending) return;
    const body = feedback.validate(SecondStepBody, useRecovery ? { recoveryCode } : { code });
    if (body) submit.mutate(body);
  };
  const labels: Record<string, string> = { code: t('secondFactor.code'), recoveryCode: t('secondFactor.recoveryCode') };
  return (
    <>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={(f) => labels[f] ?? f} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        {useRecovery ? (
          <TextField id={idFor('recoveryCode')} label={labels.recoveryCode} description={t('secondFactor.recoveryHelp')} value={recoveryCode}
            onChange={setRecoveryCode} autoComplete="off" error={feedback.fieldErrors.recoveryCode} />
        ) : (
          <CodeField id={idFor('code')} value={code} onChange={setCode} error={feedback.fieldErrors.code} />
        )}
        <div className={formStyles.actions}>
          <Button type="submit" variant="primary" isPending={submit.isPending}>{t('secondFactor.verify.submit')}</Button>
        </div>
      </form>
      <p>
        <Button variant="quiet" onPress={() => { feedback.reset(); setUseRecovery(!useRecovery); }}>
          {useRecovery ? t('secondFactor.verify.useApp') : t('secondFactor.verify.useRecovery')}
        </Button>
      </p>
    </>
  );
}
