import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { PasswordResetRequestBody } from '../../../shared/schemas/auth.ts';
import { apiRequest } from '../../app/api.ts';
import { paths } from '../../app/paths.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TextField } from '../../components/TextField.tsx';
import { Button } from '../../components/Button.tsx';
import { Alert } from '../../components/Alert.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import { formIds } from '../../components/form-ids.ts';
import formStyles from '../../components/Form.module.css';
import styles from './Auth.module.css';

const idFor = formIds('forgot');

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const feedback = useFormFeedback(['email']);
  const request = useMutation({
    mutationFn: (body: z.infer<typeof PasswordResetRequestBody>) => apiRequest('/auth/password-reset', { method: 'POST', body }),
    onError: feedback.showError,
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (request.isPending) return;
    const body = feedback.validate(PasswordResetRequestBody, { email });
    if (body) request.mutate(body);
  };

  return (
    <div className={styles.page}>
      <PageHeader title={t('auth.forgot.title')} intro={request.isSuccess ? undefined : t('auth.forgot.intro')} />
      {request.isSuccess ? (
        // The same answer whether or not the address is known, so nobody can find out who has an account.
        <Alert tone="success">{t('auth.forgot.sent', { email: request.variables.email })}</Alert>
      ) : (
        <>
          <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={() => t('auth.email')} idFor={idFor} />
          <form noValidate onSubmit={onSubmit} className={formStyles.form}>
            <TextField
              id={idFor('email')}
              label={t('auth.email')}
              type="email"
              autoComplete="email"
              value={email}
              onChange={setEmail}
              error={feedback.fieldErrors.email}
            />
            <div className={formStyles.actions}>
              <Button type="submit" variant="primary" isPending={request.isPending}>
                {t('auth.forgot.submit')}
              </Button>
            </div>
          </form>
        </>
      )}
      <div className={styles.links}>
        <p>
          <Link to={paths.login}>{t('auth.backToLogin')}</Link>
        </p>
      </div>
    </div>
  );
}
