import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { HandoverInput } from '../../../shared/schemas/closure.ts';
import type { Plan } from '../../../shared/schemas/plan.ts';
import { Button } from '../../components/Button.tsx';
import { CheckboxGroupField } from '../../components/CheckboxGroupField.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { formIds } from '../../components/form-ids.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import formStyles from '../../components/Form.module.css';
import { useLocale } from '../../i18n/i18n.ts';
import { useSocialMap } from '../social-map/queries.ts';
import { useProposeHandover } from './queries.ts';

const FIELDS = ['socialMapEntryId', 'contactName', 'contactEmail', 'note', 'shares'] as const;

/** A coach prepares a warm handover: the receiving service from the social map, its contact person, a note, what to share. */
export function HandoverForm({ familyId, collaborationId, plan, onDone }: { familyId: string; collaborationId: string; plan: Plan; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const idFor = formIds('handover');
  const feedback = useFormFeedback(FIELDS);
  const propose = useProposeHandover(familyId);
  const entries = useSocialMap(collaborationId, { q: '', lifeDomainId: '', postcode: '' });
  const options = (entries.data?.pages.flatMap((p) => p.items) ?? []).map((e) => ({ value: e.id, label: `${e.organisation}: ${e.service}` }));
  const [v, setV] = useState({ socialMapEntryId: '', contactName: '', contactEmail: '', note: '', domains: [] as string[] });
  const label = (f: string) => t(`closure.handoverFields.${f}` as 'closure.handoverFields.note');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = feedback.validate(HandoverInput, { ...v, socialMapEntryId: v.socialMapEntryId || undefined, shares: v.domains.map((lifeDomainId) => ({ lifeDomainId })) });
    if (body && !propose.isPending) propose.mutate(body, { onSuccess: onDone, onError: feedback.showError });
  };
  return (
    <section aria-labelledby="handover-form-title">
      <h3 id="handover-form-title">{t('closure.handovers.prepare')}</h3>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={label} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <SelectField id={idFor('socialMapEntryId')} label={label('socialMapEntryId')} value={v.socialMapEntryId || null} onChange={(socialMapEntryId) => setV({ ...v, socialMapEntryId })}
          options={options} error={feedback.fieldErrors.socialMapEntryId} />
        <TextField id={idFor('contactName')} label={label('contactName')} value={v.contactName} onChange={(contactName) => setV({ ...v, contactName })} error={feedback.fieldErrors.contactName} />
        <TextField id={idFor('contactEmail')} type="email" label={label('contactEmail')} value={v.contactEmail} onChange={(contactEmail) => setV({ ...v, contactEmail })} error={feedback.fieldErrors.contactEmail} />
        <TextAreaField id={idFor('note')} label={label('note')} description={t('closure.handoverNoteHint')} rows={4} value={v.note} onChange={(note) => setV({ ...v, note })} error={feedback.fieldErrors.note} />
        <CheckboxGroupField id={idFor('shares')} label={label('shares')} value={v.domains} onChange={(domains) => setV({ ...v, domains })}
          options={plan.lifeDomains.map((d) => ({ value: d.id, label: locale === 'en' ? d.labelEn : d.labelNl }))} error={feedback.fieldErrors.shares} />
        <div className={formStyles.actions}>
          <Button type="submit" variant="primary" isPending={propose.isPending}>{t('closure.handovers.propose')}</Button>
          <Button onPress={onDone}>{t('common.cancel')}</Button>
        </div>
      </form>
    </section>
  );
}
