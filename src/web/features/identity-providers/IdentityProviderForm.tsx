import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IdentityProviderCreate, IdentityProviderPatch, type IdentityProvider } from '../../../shared/schemas/identity-providers.ts';
import { TextField } from '../../components/TextField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import { formIds } from '../../components/form-ids.ts';
import formStyles from '../../components/Form.module.css';
import { useCreateIdentityProvider, useUpdateIdentityProvider } from './queries.ts';

const FIELDS = ['name', 'issuer', 'clientId', 'clientSecret', 'domains', 'domains.*'] as const;

/** One domain per line (commas and spaces work too), as people paste them. */
export const domainsFromText = (text: string) => text.split(/[\s,;]+/).map((d) => d.trim()).filter(Boolean);

interface IdentityProviderFormProps {
  collaborationId: string;
  /** Leave out to connect a new one. */
  provider?: IdentityProvider;
  onDone: (saved: IdentityProvider) => void;
  onCancel: () => void;
}

export function IdentityProviderForm({ collaborationId, provider, onDone, onCancel }: IdentityProviderFormProps) {
  const { t } = useTranslation();
  const idFor = formIds(provider ? `idp-${provider.id}` : 'idp-new');
  const [values, setValues] = useState({
    name: provider?.name ?? '',
    issuer: provider?.issuer ?? '',
    clientId: provider?.clientId ?? '',
    clientSecret: '',
    domains: provider?.domains.join('\n') ?? '',
  });
  const feedback = useFormFeedback(FIELDS);
  const create = useCreateIdentityProvider(collaborationId);
  const update = useUpdateIdentityProvider(collaborationId);
  const isPending = create.isPending || update.isPending;
  const domainList = domainsFromText(values.domains);

  const labels: Record<string, string> = {
    name: t('identityProviders.name'),
    issuer: t('identityProviders.issuer'),
    clientId: t('identityProviders.clientId'),
    clientSecret: t('identityProviders.clientSecret'),
    domains: t('identityProviders.domains'),
  };
  // A problem with one domain (domains.2) is told at the one domains field, naming that domain.
  const labelFor = (field: string) => {
    const [, index] = field.split('.');
    return index === undefined ? (labels[field] ?? field) : `${labels.domains} (${domainList[Number(index)] ?? index})`;
  };
  const domainErrors = Object.entries(feedback.fieldErrors)
    .filter(([field]) => field.startsWith('domains.'))
    .map(([field, message]) => `${domainList[Number(field.split('.')[1])] ?? ''}: ${message}`);
  const domainsError = feedback.fieldErrors.domains ?? (domainErrors.length ? domainErrors.join(' ') : undefined);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (isPending) return;
    const input = { ...values, domains: domainList };
    const handlers = { onSuccess: ({ data }: { data: IdentityProvider }) => onDone(data), onError: feedback.showError };
    if (provider) {
      const patch = feedback.validate(IdentityProviderPatch, { ...input, clientSecret: values.clientSecret.trim() === '' ? undefined : values.clientSecret });
      if (patch) update.mutate({ provider, patch }, handlers);
    } else {
      const body = feedback.validate(IdentityProviderCreate, input);
      if (body) create.mutate(body, handlers);
    }
  };

  return (
    <>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={labelFor} idFor={(f) => idFor(f.split('.')[0]!)} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <TextField id={idFor('name')} label={labels.name} description={t('identityProviders.nameHint')} value={values.name} onChange={(name) => setValues((v) => ({ ...v, name }))} error={feedback.fieldErrors.name} autoComplete="organization" />
        <TextField id={idFor('issuer')} label={labels.issuer} description={t('identityProviders.issuerHint')} value={values.issuer} onChange={(issuer) => setValues((v) => ({ ...v, issuer }))} error={feedback.fieldErrors.issuer} autoComplete="off" inputMode="text" />
        <TextField id={idFor('clientId')} label={labels.clientId} value={values.clientId} onChange={(clientId) => setValues((v) => ({ ...v, clientId }))} error={feedback.fieldErrors.clientId} autoComplete="off" />
        <TextField
          id={idFor('clientSecret')}
          label={labels.clientSecret}
          type="password"
          optional={provider !== undefined}
          description={provider ? t('identityProviders.clientSecretKeep') : t('identityProviders.clientSecretHint')}
          value={values.clientSecret}
          onChange={(clientSecret) => setValues((v) => ({ ...v, clientSecret }))}
          error={feedback.fieldErrors.clientSecret}
          autoComplete="new-password"
        />
        <TextAreaField id={idFor('domains')} label={labels.domains} description={t('identityProviders.domainsHint')} value={values.domains} onChange={(domains) => setValues((v) => ({ ...v, domains }))} error={domainsError} rows={3} />
        <div className={formStyles.actions}>
          <Button type="submit" variant="primary" isPending={isPending}>
            {isPending ? t('common.saving') : provider ? t('common.save') : t('identityProviders.add')}
          </Button>
          <Button onPress={onCancel} isDisabled={isPending}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </>
  );
}
