import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RecoveryCodes, TotpConfirmBody, TotpEnrolment } from '../../../shared/schemas/second-factor.ts';
import { apiRequest, setCsrfToken } from '../../app/api.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import { formIds } from '../../components/form-ids.ts';
import formStyles from '../../components/Form.module.css';
import { RecoveryCodesPanel } from './RecoveryCodesPanel.tsx';
import styles from './SecondFactor.module.css';

const idFor = formIds('enrol-totp');

/**
 * Linking an authenticator app: a new secret as QR code and as text, confirmed with the app's first
 * code; then the ten recovery codes, shown once. The server renews the session on confirmation.
 */
export function EnrolTotp({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const feedback = useFormFeedback(['code']);
  const start = useMutation({
    mutationFn: () => apiRequest('/me/second-factor/totp', { method: 'POST', schema: TotpEnrolment }),
    onError: feedback.showError,
  });
  const confirm = useMutation({
    mutationFn: (body: TotpConfirmBody) => apiRequest('/me/second-factor/totp/confirm', { method: 'POST', body, schema: RecoveryCodes }),
    onSuccess: ({ data }) => {
      setCsrfToken(data.csrfToken);
      setCodes(data.recoveryCodes);
    },
    onError: feedback.showError,
  });

  if (codes) return <RecoveryCodesPanel codes={codes} onDone={onDone} />;
  const enrolment = start.data?.data;
  if (!enrolment) {
    return (
      <>
        <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={() => t('secondFactor.code')} idFor={idFor} />
        <ol className={styles.steps}>
          <li>{t('secondFactor.enrol.needApp')}</li>
          <li>{t('secondFactor.enrol.scan')}</li>
          <li>{t('secondFactor.enrol.confirm')}</li>
        </ol>
        <Button variant="primary" onPress={() => start.mutate()} isPending={start.isPending}>{t('secondFactor.enrol.start')}</Button>
      </>
    );
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (confirm.isPending) return;
    const body = feedback.validate(TotpConfirmBody, { factorId: enrolment.factorId, code });
    if (body) confirm.mutate(body);
  };
  return (
    <>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={() => t('secondFactor.code')} idFor={idFor} />
      <h2>{t('secondFactor.enrol.scanTitle')}</h2>
      <img className={styles.qr} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`} alt={t('secondFactor.enrol.qrAlt')} />
      <p>{t('secondFactor.enrol.typeInstead')}</p>
      <p className={styles.secret} data-testid="totp-secret">{enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}</p>
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <CodeField id={idFor('code')} value={code} onChange={setCode} error={feedback.fieldErrors.code} />
        <div className={formStyles.actions}>
          <Button type="submit" variant="primary" isPending={confirm.isPending}>{t('secondFactor.enrol.submit')}</Button>
        </div>
      </form>
    </>
  );
}

/** Six digits from the app: numeric keyboard on a phone, and the phone may fill it in itself. */
export function CodeField({ id, value, onChange, error }: { id: string; value: string; onChange: (v: string) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <TextField
      id={id}
      name="code"
      label={t('secondFactor.code')}
      description={t('secondFactor.codeHelp')}
      value={value}
      onChange={(v) => onChange(v.replace(/\s/g, ''))}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      narrow
      error={error}
    />
  );
}
