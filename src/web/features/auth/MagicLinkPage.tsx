import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { SignInResult } from '../../../shared/schemas/auth.ts';
import { MagicLinkRequest } from '../../../shared/schemas/sharing.ts';
import { apiRequest, isApiError } from '../../app/api.ts';
import { useAfterSignIn } from '../second-factor/after-sign-in.ts';
import { paths } from '../../app/paths.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TextField } from '../../components/TextField.tsx';
import { Button } from '../../components/Button.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import { formIds } from '../../components/form-ids.ts';
import formStyles from '../../components/Form.module.css';
import styles from './Auth.module.css';

const idFor = formIds('magic-link');

/**
 * A link is good for one sign-in: the request is sent once per token, even when React runs the
 * effect twice or the page is mounted again, and every caller gets the same answer.
 */
const redeeming = new Map<string, Promise<SignInResult>>();

function redeem(token: string): Promise<SignInResult> {
  let pending = redeeming.get(token);
  if (!pending) {
    pending = apiRequest('/auth/magic-link/redeem', { method: 'POST', body: { token }, schema: SignInResult }).then((r) => r.data);
    redeeming.set(token, pending);
  }
  return pending;
}

/** `/sign-in/link`: ask for a sign-in link; `/sign-in/link?token=…`: the link from the mail signs you in. */
export function MagicLinkPage() {
  const token = useSearchParams()[0].get('token') ?? '';
  return token ? <Redeem token={token} /> : <RequestPage />;
}

function RequestPage() {
  const { t } = useTranslation();
  return (
    <div className={styles.page}>
      <PageHeader title={t('auth.magicLink.title')} intro={t('auth.magicLink.intro')} />
      <MagicLinkForm />
      <div className={styles.links}>
        <p>
          <Link to={paths.login}>{t('auth.magicLink.withPassword')}</Link>
        </p>
      </div>
    </div>
  );
}

function Redeem({ token }: { token: string }) {
  const { t } = useTranslation();
  const afterSignIn = useAfterSignIn();
  const [state, setState] = useState<{ error: unknown } | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    redeem(token).then(
      async (result) => {
        if (!current) return;
        await afterSignIn(result, { to: paths.home });
      },
      (error: unknown) => {
        if (current) setState({ error });
      },
    );
    return () => {
      current = false;
    };
    // signedIn and navigate change identity on every render; the token and a retry decide.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token, attempt]);

  if (!state) return <Loading />;
  const invalid = isApiError(state.error) && (state.error.status === 404 || state.error.status === 410 || state.error.code === 'token_invalid');
  if (!invalid) {
    return (
      <ErrorState
        error={state.error}
        onRetry={() => {
          redeeming.delete(token);
          setState(null);
          setAttempt((n) => n + 1);
        }}
      />
    );
  }
  return (
    <div className={styles.page}>
      <PageHeader title={t('auth.invalidLink.title')} intro={t('auth.magicLink.invalid')} />
      <h2>{t('auth.magicLink.askNew')}</h2>
      <MagicLinkForm />
      <div className={styles.links}>
        <p>
          <Link to={paths.login}>{t('auth.magicLink.withPassword')}</Link>
        </p>
      </div>
    </div>
  );
}

/** The email field and "send me a link"; the answer never tells whether the address is known. */
export function MagicLinkForm() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const feedback = useFormFeedback(['email']);
  const request = useMutation({
    mutationFn: (body: z.infer<typeof MagicLinkRequest>) => apiRequest('/auth/magic-link', { method: 'POST', body }),
    onError: feedback.showError,
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (request.isPending) return;
    const body = feedback.validate(MagicLinkRequest, { email });
    if (body) request.mutate(body);
  };

  if (request.isSuccess) {
    return (
      <>
        <Alert tone="success">{t('auth.magicLink.sent', { email: request.variables.email })}</Alert>
        <p>{t('auth.magicLink.sentHelp')}</p>
        <Button onPress={() => request.reset()}>{t('auth.magicLink.again')}</Button>
      </>
    );
  }
  return (
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
            {request.isPending ? t('common.sending') : t('auth.magicLink.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
