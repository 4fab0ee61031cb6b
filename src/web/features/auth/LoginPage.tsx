import { useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LoginBody, SignInResult } from '../../../shared/schemas/auth.ts';
import { apiRequest } from '../../app/api.ts';
import { useMe } from '../../app/session.ts';
import { useAfterSignIn } from '../second-factor/after-sign-in.ts';
import { paths } from '../../app/paths.ts';
import type { ReturnState } from '../../app/guards.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TextField } from '../../components/TextField.tsx';
import { Button } from '../../components/Button.tsx';
import { Alert } from '../../components/Alert.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import { formIds } from '../../components/form-ids.ts';
import formStyles from '../../components/Form.module.css';
import styles from './Auth.module.css';

const idFor = formIds('login');

interface LoginState extends ReturnState {
  signedOut?: boolean;
}

export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginState;
  const me = useMe();
  const afterSignIn = useAfterSignIn();
  const [done, setDone] = useState(false);
  const [values, setValues] = useState({ email: '', password: '' });
  const feedback = useFormFeedback(['email', 'password']);
  const login = useMutation({
    mutationFn: (body: LoginBody) => apiRequest('/auth/login', { method: 'POST', body, schema: SignInResult }),
    onSuccess: async ({ data }) => {
      setDone(true);
      await afterSignIn(data, { to: state.from ? `${state.from.pathname}${state.from.search}${state.from.hash}` : paths.home });
    },
    onError: feedback.showError,
  });

  // Signed in (now or earlier): go where the person wanted to be.
  if (me.data && !done && !login.isPending) return <Navigate to={state.from ?? paths.home} replace />;

  const labels: Record<string, string> = { email: t('auth.email'), password: t('auth.password') };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (login.isPending) return;
    const body = feedback.validate(LoginBody, values);
    if (body) login.mutate(body);
  };

  return (
    <div className={styles.page}>
      <PageHeader title={t('auth.login.title')} intro={t('auth.login.intro')} />
      {state.signedOut && <Alert tone="success">{t('auth.login.signedOut')}</Alert>}
      {state.from && !state.signedOut && <Alert tone="info">{t('auth.login.signInFirst')}</Alert>}
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={(f) => labels[f] ?? f} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <TextField
          id={idFor('email')}
          label={labels.email}
          type="email"
          autoComplete="username"
          value={values.email}
          onChange={(email) => setValues((v) => ({ ...v, email }))}
          error={feedback.fieldErrors.email}
        />
        <TextField
          id={idFor('password')}
          label={labels.password}
          type="password"
          autoComplete="current-password"
          value={values.password}
          onChange={(password) => setValues((v) => ({ ...v, password }))}
          error={feedback.fieldErrors.password}
        />
        <div className={formStyles.actions}>
          <Button type="submit" variant="primary" isPending={login.isPending}>
            {login.isPending ? t('auth.login.submitting') : t('auth.login.submit')}
          </Button>
        </div>
      </form>
      <section className={styles.other} aria-labelledby="login-by-link">
        <h2 id="login-by-link">{t('auth.login.noPassword')}</h2>
        <p>{t('auth.login.linkIntro')}</p>
        <Link to={paths.signInLink} className={styles.bigLink}>{t('auth.login.withLink')}</Link>
      </section>
      <div className={styles.links}>
        <p>
          <Link to={paths.forgotPassword}>{t('auth.login.forgotPassword')}</Link>
        </p>
        <p>
          {t('auth.login.registerIntro')} <Link to={paths.register}>{t('auth.login.register')}</Link>
        </p>
      </div>
    </div>
  );
}
