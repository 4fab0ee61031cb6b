import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SetPasswordBody, SignInResult, TokenInfo } from '../../../shared/schemas/auth.ts';
import { apiRequest, isApiError } from '../../app/api.ts';
import { useAfterSignIn } from '../second-factor/after-sign-in.ts';
import { paths } from '../../app/paths.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TextField } from '../../components/TextField.tsx';
import { Button, ButtonLink } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import { formIds } from '../../components/form-ids.ts';
import formStyles from '../../components/Form.module.css';
import styles from './Auth.module.css';

type Purpose = TokenInfo['purpose'];
const idFor = formIds('set-password');

/** Both the invitation link and the password-reset link end here: choose a password, then you are in. */
export function SetPasswordPage({ purpose }: { purpose: Purpose }) {
  const token = useSearchParams()[0].get('token') ?? '';
  const info = useQuery({
    queryKey: ['token', token],
    queryFn: async () => (await apiRequest(`/auth/tokens/${encodeURIComponent(token)}`, { schema: TokenInfo })).data,
    enabled: token !== '',
    retry: false,
  });

  if (token === '' || (isApiError(info.error) && (info.error.status === 404 || info.error.code === 'token_invalid'))) {
    return <InvalidLink purpose={purpose} />;
  }
  if (info.isPending) return <Loading />;
  if (info.isError) return <ErrorState error={info.error} onRetry={() => void info.refetch()} isRetrying={info.isFetching} />;
  return <PasswordForm token={token} info={info.data} />;
}

function InvalidLink({ purpose }: { purpose: Purpose }) {
  const { t } = useTranslation();
  const invitation = purpose === 'invitation';
  return (
    <div className={styles.page}>
      <PageHeader title={t('auth.invalidLink.title')} intro={invitation ? t('auth.invalidLink.invitation') : t('auth.invalidLink.reset')} />
      {invitation ? (
        <ButtonLink to={paths.login} variant="primary">
          {t('auth.backToLogin')}
        </ButtonLink>
      ) : (
        <ButtonLink to={paths.forgotPassword} variant="primary">
          {t('auth.invalidLink.askNew')}
        </ButtonLink>
      )}
    </div>
  );
}

function PasswordForm({ token, info }: { token: string; info: TokenInfo }) {
  const { t } = useTranslation();
  const afterSignIn = useAfterSignIn();
  const [values, setValues] = useState({ password: '', passwordRepeat: '' });
  const feedback = useFormFeedback(['password', 'passwordRepeat']);
  const invitation = info.purpose === 'invitation';
  const save = useMutation({
    mutationFn: (body: SetPasswordBody) => apiRequest('/auth/set-password', { method: 'POST', body, schema: SignInResult }),
    onSuccess: ({ data }) => afterSignIn(data, { to: paths.home, state: { flash: invitation ? 'welcome' : 'passwordChanged' } }),
    onError: feedback.showError,
  });

  const labels: Record<string, string> = { password: t('auth.setPassword.password'), passwordRepeat: t('auth.setPassword.repeat') };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const body = feedback.validate(SetPasswordBody, { token, ...values });
    if (body) save.mutate(body);
  };

  return (
    <div className={styles.page}>
      <PageHeader
        title={invitation ? t('auth.setPassword.invitationTitle', { name: info.name }) : t('auth.setPassword.resetTitle')}
        intro={invitation ? t('auth.setPassword.invitationIntro') : t('auth.setPassword.resetIntro')}
      />
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={(f) => labels[f] ?? f} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <TextField id={idFor('email')} label={t('auth.email')} type="email" autoComplete="username" value={info.email} onChange={() => undefined} isReadOnly />
        <TextField
          id={idFor('password')}
          label={labels.password}
          description={t('auth.setPassword.passwordHint')}
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={(password) => setValues((v) => ({ ...v, password }))}
          error={feedback.fieldErrors.password}
        />
        <TextField
          id={idFor('passwordRepeat')}
          label={labels.passwordRepeat}
          type="password"
          autoComplete="new-password"
          value={values.passwordRepeat}
          onChange={(passwordRepeat) => setValues((v) => ({ ...v, passwordRepeat }))}
          error={feedback.fieldErrors.passwordRepeat}
        />
        <div className={formStyles.actions}>
          <Button type="submit" variant="primary" isPending={save.isPending}>
            {t('auth.setPassword.submit')}
          </Button>
        </div>
      </form>
      <div className={styles.links}>
        <p>
          <Link to={paths.login}>{t('auth.backToLogin')}</Link>
        </p>
      </div>
    </div>
  );
}
