import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_KINDS } from '../../../shared/roles.ts';
import { PartnerOrganisationCreate, type PartnerOrganisation } from '../../../shared/schemas/partners.ts';
import { TextField } from '../../components/TextField.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import { formIds } from '../../components/form-ids.ts';
import formStyles from '../../components/Form.module.css';
import { useCreatePartner, useUpdatePartner } from './queries.ts';

const FIELDS = ['name', 'kind', 'contactEmail', 'contactPhone'] as const;

interface PartnerFormProps {
  collaborationId: string;
  /** Leave out to add a new one. */
  partner?: PartnerOrganisation;
  onDone: (saved: PartnerOrganisation) => void;
  onCancel: () => void;
}

export function PartnerForm({ collaborationId, partner, onDone, onCancel }: PartnerFormProps) {
  const { t } = useTranslation();
  const idFor = formIds(partner ? `partner-${partner.id}` : 'partner-new');
  const [values, setValues] = useState({
    name: partner?.name ?? '',
    kind: partner?.kind ?? null,
    contactEmail: partner?.contactEmail ?? '',
    contactPhone: partner?.contactPhone ?? '',
  });
  const feedback = useFormFeedback(FIELDS);
  const create = useCreatePartner(collaborationId);
  const update = useUpdatePartner(collaborationId);
  const isPending = create.isPending || update.isPending;

  const labels: Record<string, string> = {
    name: t('partners.name'),
    kind: t('partners.kind'),
    contactEmail: t('partners.contactEmail'),
    contactPhone: t('partners.contactPhone'),
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (isPending) return;
    const body = feedback.validate(PartnerOrganisationCreate, {
      ...values,
      kind: values.kind ?? undefined,
      contactEmail: values.contactEmail.trim() === '' ? null : values.contactEmail,
    });
    if (!body) return;
    const handlers = { onSuccess: ({ data }: { data: PartnerOrganisation }) => onDone(data), onError: feedback.showError };
    if (partner) update.mutate({ partner, patch: body }, handlers);
    else create.mutate(body, handlers);
  };

  return (
    <>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={(f) => labels[f] ?? f} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <TextField id={idFor('name')} label={labels.name} value={values.name} onChange={(name) => setValues((v) => ({ ...v, name }))} error={feedback.fieldErrors.name} autoComplete="organization" />
        <SelectField
          id={idFor('kind')}
          label={labels.kind}
          options={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(`organisationKinds.${kind}`) }))}
          value={values.kind}
          onChange={(kind) => setValues((v) => ({ ...v, kind: kind as PartnerOrganisation['kind'] }))}
          error={feedback.fieldErrors.kind}
        />
        <TextField id={idFor('contactEmail')} label={labels.contactEmail} type="email" optional value={values.contactEmail} onChange={(contactEmail) => setValues((v) => ({ ...v, contactEmail }))} error={feedback.fieldErrors.contactEmail} autoComplete="off" />
        <TextField id={idFor('contactPhone')} label={labels.contactPhone} type="tel" optional value={values.contactPhone} onChange={(contactPhone) => setValues((v) => ({ ...v, contactPhone }))} error={feedback.fieldErrors.contactPhone} autoComplete="off" />
        <div className={formStyles.actions}>
          <Button type="submit" variant="primary" isPending={isPending}>
            {isPending ? t('common.saving') : partner ? t('common.save') : t('partners.add')}
          </Button>
          <Button onPress={onCancel} isDisabled={isPending}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </>
  );
}
