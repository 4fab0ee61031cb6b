import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Checkbox } from 'react-aria-components';
import { CollaborationCreate, CollaborationSettings } from '../../../shared/schemas/collaborations.ts';
import { apiRequest } from '../../app/api.ts';
import { randomUuid } from '../../app/uuid.ts';
import { collaborationsQueryKey } from '../../app/collaborations.ts';
import { TextField } from '../../components/TextField.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import { formIds } from '../../components/form-ids.ts';
import formStyles from '../../components/Form.module.css';
import fieldStyles from '../../components/Field.module.css';

const idFor = formIds('new-collaboration');

interface CreateCollaborationFormProps {
  onDone: (created: CollaborationSettings, invitedEmail: string | null) => void;
  onCancel: () => void;
}

export function CreateCollaborationForm({ onDone, onCancel }: CreateCollaborationFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ name: '', contactEmail: '', withAdmin: true, adminName: '', adminEmail: '' });
  const feedback = useFormFeedback(['name', 'contactEmail', 'firstAdmin.name', 'firstAdmin.email'], { email_taken: 'firstAdmin.email' });
  const create = useMutation({
    mutationFn: (body: CollaborationCreate) =>
      apiRequest('/collaborations', { method: 'POST', body, idempotencyKey: randomUuid(), schema: CollaborationSettings }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: collaborationsQueryKey }),
  });

  const labels: Record<string, string> = {
    name: t('platform.name'),
    contactEmail: t('platform.contactEmail'),
    'firstAdmin.name': t('platform.adminName'),
    'firstAdmin.email': t('platform.adminEmail'),
  };
  const set = (patch: Partial<typeof values>) => setValues((v) => ({ ...v, ...patch }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const body = feedback.validate(CollaborationCreate, {
      name: values.name,
      contactEmail: values.contactEmail.trim() === '' ? null : values.contactEmail,
      firstAdmin: values.withAdmin ? { name: values.adminName, email: values.adminEmail } : undefined,
    });
    if (!body) return;
    create.mutate(body, { onSuccess: ({ data }) => onDone(data, body.firstAdmin?.email ?? null), onError: feedback.showError });
  };

  return (
    <>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={(f) => labels[f] ?? f} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <TextField id={idFor('name')} label={labels.name} value={values.name} onChange={(name) => set({ name })} error={feedback.fieldErrors.name} autoComplete="off" />
        <TextField id={idFor('contactEmail')} label={labels.contactEmail} type="email" optional value={values.contactEmail} onChange={(contactEmail) => set({ contactEmail })} error={feedback.fieldErrors.contactEmail} autoComplete="off" />
        <Checkbox isSelected={values.withAdmin} onChange={(withAdmin) => set({ withAdmin })} className={fieldStyles.checkbox}>
          {({ isSelected }) => (
            <>
              <span className={fieldStyles.box} aria-hidden="true">
                {isSelected ? '✓' : ''}
              </span>
              <span>{t('platform.withAdmin')}</span>
            </>
          )}
        </Checkbox>
        {values.withAdmin && (
          <fieldset className={formStyles.section}>
            <legend className={formStyles.legend}>{t('platform.firstAdmin')}</legend>
            <p>{t('platform.firstAdminIntro')}</p>
            <TextField id={idFor('firstAdmin.name')} label={labels['firstAdmin.name']} value={values.adminName} onChange={(adminName) => set({ adminName })} error={feedback.fieldErrors['firstAdmin.name']} autoComplete="off" />
            <TextField id={idFor('firstAdmin.email')} label={labels['firstAdmin.email']} type="email" value={values.adminEmail} onChange={(adminEmail) => set({ adminEmail })} error={feedback.fieldErrors['firstAdmin.email']} autoComplete="off" />
          </fieldset>
        )}
        <div className={formStyles.actions}>
          <Button type="submit" variant="primary" isPending={create.isPending}>
            {create.isPending ? t('common.saving') : t('platform.create')}
          </Button>
          <Button onPress={onCancel} isDisabled={create.isPending}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </>
  );
}
