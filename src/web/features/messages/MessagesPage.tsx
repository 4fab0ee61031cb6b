import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { ParticipantOption } from '../../../shared/schemas/families.ts';
import { ConversationInput } from '../../../shared/schemas/messages.ts';
import { apiRequest } from '../../app/api.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { CheckboxGroupField } from '../../components/CheckboxGroupField.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { formIds } from '../../components/form-ids.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import formStyles from '../../components/Form.module.css';
import { familyKey } from '../families/queries.ts';
import { useFamilyContext } from '../families/FamilyLayout.tsx';
import { useConversations, useFamilyEvents, useStartConversation } from './queries.ts';
import styles from './Messages.module.css';

export const useCircle = (familyId: string) => useQuery({
  queryKey: [...familyKey(familyId), 'participants'],
  queryFn: async () => (await apiRequest(`/families/${familyId}/participants`, { schema: z.object({ items: z.array(ParticipantOption) }) })).data.items,
});

/** The family's conversations: who is in each, what is new; start one with the whole circle or a few. */
export function MessagesPage() {
  const { t } = useTranslation();
  const family = useFamilyContext();
  const conversations = useConversations(family.id);
  const [starting, setStarting] = useState(false);
  useFamilyEvents(family.id);
  return (
    <>
      <PageHeader title={t('messages.title')} context={family.displayName} intro={t('messages.intro')} />
      <p><Button variant="primary" onPress={() => setStarting(true)}>{t('messages.start')}</Button></p>
      {conversations.isPending && <Loading />}
      {conversations.isError && <ErrorState error={conversations.error} onRetry={() => void conversations.refetch()} isRetrying={conversations.isFetching} />}
      {conversations.data?.length === 0 && <EmptyState title={t('messages.empty')} />}
      <ul className={styles.list}>
        {conversations.data?.map((c) => (
          <li key={c.id} className={styles.card}>
            <h2 className={styles.cardTitle}><Link to={`/families/${family.id}/messages/${c.id}`}>{c.title}</Link></h2>
            <p className={styles.meta}>{t('messages.with', { names: c.members.map((m) => m.name).join(', ') })}</p>
            {c.unreadCount > 0 && <Badge tone="warning">{t('messages.unread', { count: c.unreadCount })}</Badge>}
          </li>
        ))}
      </ul>
      {starting && <StartDialog familyId={family.id} myId={family.myParticipantId} onClose={() => setStarting(false)} />}
    </>
  );
}

function StartDialog({ familyId, myId, onClose }: { familyId: string; myId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const circle = useCircle(familyId);
  const start = useStartConversation(familyId);
  const idFor = formIds('conversation');
  const feedback = useFormFeedback(['title', 'participantIds']);
  const [values, setValues] = useState({ title: '', wholeCircle: false, participantIds: [] as string[] });
  const labelFor = (field: string) => t(`messages.fields.${field}` as 'messages.fields.title', { defaultValue: field });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (start.isPending) return;
    const body = feedback.validate(ConversationInput, values);
    if (body) start.mutate(body, { onSuccess: (c) => { onClose(); void navigate(`/families/${familyId}/messages/${c.id}`); }, onError: feedback.showError });
  };
  const options = (circle.data ?? []).filter((p) => p.id !== myId).map((p) => ({ value: p.id, label: p.relation ? `${p.displayName} (${p.relation})` : p.displayName }));
  return (
    <FormDialog isOpen onClose={onClose} title={t('messages.start')}>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={labelFor} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <TextField id={idFor('title')} label={labelFor('title')} value={values.title} onChange={(title) => setValues((v) => ({ ...v, title }))} error={feedback.fieldErrors.title} />
        <CheckboxField id={idFor('wholeCircle')} label={labelFor('wholeCircle')} checked={values.wholeCircle} onChange={(wholeCircle) => setValues((v) => ({ ...v, wholeCircle }))} />
        {!values.wholeCircle && (circle.isPending ? <Loading /> : (
          <CheckboxGroupField id={idFor('participantIds')} label={labelFor('participantIds')} options={options} value={values.participantIds}
            onChange={(participantIds) => setValues((v) => ({ ...v, participantIds }))} error={feedback.fieldErrors.participantIds} />
        ))}
        <div className={formStyles.actions}>
          <Button type="submit" variant="primary" isPending={start.isPending}>{t('messages.startSubmit')}</Button>
          <Button onPress={onClose} isDisabled={start.isPending}>{t('common.cancel')}</Button>
        </div>
      </form>
    </FormDialog>
  );
}
