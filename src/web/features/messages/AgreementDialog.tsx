import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../shared/schemas/messages.ts';
import { MessageAgreementInput } from '../../../shared/schemas/messages.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { formIds } from '../../components/form-ids.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import formStyles from '../../components/Form.module.css';
import { useCircle } from './MessagesPage.tsx';
import { useMessageToAgreement } from './queries.ts';

/** "Let's agree on this": the message's words become a plan agreement — who does what by when. */
export function AgreementDialog({ familyId, conversationId, message, onClose }: { familyId: string; conversationId: string; message: Message; onClose: () => void }) {
  const { t } = useTranslation();
  const circle = useCircle(familyId);
  const save = useMessageToAgreement(familyId, conversationId);
  const idFor = formIds('message-agreement');
  const feedback = useFormFeedback(['what', 'ownerParticipantId', 'dueDate']);
  const [values, setValues] = useState({ what: message.body, owner: message.authorParticipantId as string | null, dueDate: '' });
  const labelFor = (field: string) => t(`families.agreement.${field}` as 'families.agreement.what', { defaultValue: field });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const body = feedback.validate(MessageAgreementInput, { what: values.what, ownerParticipantId: values.owner, dueDate: values.dueDate || null });
    if (body) save.mutate({ messageId: message.id, body }, { onSuccess: onClose, onError: feedback.showError });
  };
  return (
    <FormDialog isOpen onClose={onClose} title={t('messages.makeAgreement')}>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={labelFor} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <TextAreaField id={idFor('what')} label={labelFor('what')} value={values.what} onChange={(what) => setValues((v) => ({ ...v, what }))} error={feedback.fieldErrors.what} rows={3} />
        <SelectField id={idFor('ownerParticipantId')} label={labelFor('ownerParticipantId')} value={values.owner} onChange={(owner) => setValues((v) => ({ ...v, owner }))}
          error={feedback.fieldErrors.ownerParticipantId} options={(circle.data ?? []).map((p) => ({ value: p.id, label: p.displayName }))} />
        <TextField id={idFor('dueDate')} label={labelFor('dueDate')} optional type="date" value={values.dueDate} onChange={(dueDate) => setValues((v) => ({ ...v, dueDate }))} error={feedback.fieldErrors.dueDate} />
        <div className={formStyles.actions}>
          <Button type="submit" variant="primary" isPending={save.isPending}>{t('messages.makeAgreementSubmit')}</Button>
          <Button onPress={onClose} isDisabled={save.isPending}>{t('common.cancel')}</Button>
        </div>
      </form>
    </FormDialog>
  );
}
