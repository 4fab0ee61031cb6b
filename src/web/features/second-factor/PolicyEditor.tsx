import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SecondFactorPolicy, SecondFactorPolicyPut } from '../../../shared/schemas/second-factor.ts';
import { apiRequest, isApiError } from '../../app/api.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import { formIds } from '../../components/form-ids.ts';
import formStyles from '../../components/Form.module.css';
import styles from './SecondFactor.module.css';

const idFor = formIds('second-factor-policy');
type Row = { role: SecondFactorPolicy['roles'][number]['role']; required: boolean; graceDays: string };

/** In the collaboration's settings ("Tweede stap"): per role, must it use a second factor, and from when. */
export function PolicyEditor({ collaborationId }: { collaborationId: string }) {
  const { t } = useTranslation();
  const url = `/collaborations/${collaborationId}/second-factor-policy`;
  const policy = useQuery({ queryKey: ['second-factor-policy', collaborationId], queryFn: () => apiRequest(url, { schema: SecondFactorPolicy }) });
  const [notice, setNotice] = useState<'saved' | 'stale' | null>(null);
  return (
    <section aria-labelledby="second-factor-policy-title" className={styles.section}>
      <h2 id="second-factor-policy-title">{t('secondFactor.policy.title')}</h2>
      <p>{t('secondFactor.policy.intro')}</p>
      {notice === 'saved' && <Alert tone="success">{t('secondFactor.policy.saved')}</Alert>}
      {notice === 'stale' && <Alert tone="warning">{t('secondFactor.policy.stale')}</Alert>}
      {policy.isPending && <Loading />}
      {policy.isError && <ErrorState error={policy.error} onRetry={() => void policy.refetch()} isRetrying={policy.isFetching} />}
      {policy.data && (
        // A new version (saved here or by someone else) is a fresh form.
        <PolicyForm key={policy.data.etag ?? ''} url={url} loaded={policy.data} setNotice={setNotice} reload={async () => void (await policy.refetch())} />
      )}
    </section>
  );
}

function PolicyForm({ url, loaded, setNotice, reload }: {
  url: string; loaded: { data: SecondFactorPolicy; etag: string | null }; setNotice: (n: 'saved' | 'stale' | null) => void; reload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>(() => loaded.data.roles.map((r) => ({ ...r, graceDays: String(r.graceDays) })));
  const feedback = useFormFeedback(['roles.*']);
  const save = useMutation({
    mutationFn: (body: SecondFactorPolicyPut) => apiRequest(url, { method: 'PUT', body, schema: SecondFactorPolicy, ifMatch: loaded.etag }),
    onSuccess: async () => {
      setNotice('saved');
      await reload();
    },
    onError: async (error) => {
      if (isApiError(error) && error.status === 412) {
        // Someone else saved in between: show theirs, so nobody overwrites a choice they did not see.
        setNotice('stale');
        await reload();
        return;
      }
      feedback.showError(error);
    },
  });
  const update = (i: number, change: Partial<Row>) => setRows((all) => all.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    setNotice(null);
    const body = feedback.validate(SecondFactorPolicyPut, { roles: rows.map((r) => ({ ...r, graceDays: Number(r.graceDays) })) });
    if (body) save.mutate(body);
  };
  return (
    <>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={() => t('secondFactor.policy.graceDays')} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        {rows.map((r, i) => (
          <fieldset key={r.role} className={formStyles.form}>
            <legend>{t(`roles.${r.role}`)}</legend>
            <CheckboxField id={idFor(`roles.${i}.required`)} label={t('secondFactor.policy.required')} checked={r.required} onChange={(required) => update(i, { required })} />
            {r.required && (
              <TextField id={idFor(`roles.${i}.graceDays`)} label={t('secondFactor.policy.graceDays')} description={t('secondFactor.policy.graceHelp')}
                value={r.graceDays} onChange={(graceDays) => update(i, { graceDays })} inputMode="numeric" narrow
                error={feedback.fieldErrors[`roles.${i}.graceDays`]} />
            )}
          </fieldset>
        ))}
        <div className={formStyles.actions}>
          <Button type="submit" variant="primary" isPending={save.isPending}>{t('secondFactor.policy.save')}</Button>
        </div>
      </form>
    </>
  );
}
