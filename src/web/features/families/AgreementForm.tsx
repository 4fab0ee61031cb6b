import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_STATUSES } from '../../../shared/plan-constants.ts';
import { AgreementInput, type Agreement, type Plan } from '../../../shared/schemas/plan.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { formIds } from '../../components/form-ids.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import formStyles from '../../components/Form.module.css';
import { useSaveAgreement } from './queries.ts';

const NO_GOAL = 'none';

/** Who does what by when: the "who" is anyone around the family (family, network or professional). */
export function AgreementForm({ familyId, plan, agreement, onDone, onCancel }: {
  familyId: string; plan: Plan; agreement: Agreement | null; onDone: () => void; onCancel: () => void;
}) {
  const { t } = useTranslation();
  const idFor = formIds('agreement');
  const [values, setValues] = useState({
    what: agreement?.what ?? '', owner: agreement?.ownerParticipantId ?? null, goal: agreement?.goalId ?? NO_GOAL,
    dueDate: agreement?.dueDate ?? '', status: agreement?.status ?? 'open',
  });
  const feedback = useFormFeedback(['what', 'ownerParticipantId', 'goalId', 'dueDate', 'status']);
  const save = useSaveAgreement(familyId);
  const set = (patch: Partial<typeof values>) => setValues((v) => ({ ...v, ...patch }));
  const labelFor = (field: string) => t(`families.agreement.${field}` as 'families.agreement.what', { defaultValue: field });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const body = feedback.validate(AgreementInput, {
      what: values.what, ownerParticipantId: values.owner, goalId: values.goal === NO_GOAL ? null : values.goal,
      dueDate: values.dueDate || null, status: values.status,
    });
    if (body) save.mutate({ agreement, body }, { onSuccess: onDone, onError: feedback.showError });
  };

  return (
    <>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={labelFor} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <TextAreaField id={idFor('what')} label={labelFor('what')} value={values.what} onChange={(what) => set({ what })} error={feedback.fieldErrors.what} rows={2} />
        <SelectField id={idFor('ownerParticipantId')} label={labelFor('ownerParticipantId')} value={values.owner} onChange={(owner) => set({ owner })} error={feedback.fieldErrors.ownerParticipantId}
          options={plan.participants.map((p) => ({ value: p.id, label: p.relation ? `${p.displayName} (${p.relation})` : p.displayName }))} />
        <SelectField id={idFor('goalId')} label={labelFor('goalId')} value={values.goal} onChange={(goal) => set({ goal })} error={feedback.fieldErrors.goalId}
          options={[{ value: NO_GOAL, label: t('families.agreement.noGoal') }, ...plan.goals.map((g) => ({ value: g.id, label: g.text }))]} />
        <TextField id={idFor('dueDate')} label={labelFor('dueDate')} optional type="date" value={values.dueDate} onChange={(dueDate) => set({ dueDate })} error={feedback.fieldErrors.dueDate} />
        <SelectField id={idFor('status')} label={labelFor('status')} value={values.status} onChange={(status) => set({ status: status as typeof values.status })}
          options={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`families.agreementStatus.${s}`) }))} />
        <div className={formStyles.actions}>
          <Button type="submit" variant="primary" isPending={save.isPending}>{t('common.save')}</Button>
          <Button onPress={onCancel} isDisabled={save.isPending}>{t('common.cancel')}</Button>
        </div>
      </form>
    </>
  );
}
