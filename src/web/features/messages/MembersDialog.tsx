import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../../shared/schemas/messages.ts';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { errorText } from '../../components/error-text.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useCircle } from './MessagesPage.tsx';
import { useChangeMembers } from './queries.ts';
import styles from './Messages.module.css';

/** Who is in the conversation; who manages it adds or removes people, anyone may leave (after a yes). */
export function MembersDialog({ familyId, conversation, myId, onClose }: { familyId: string; conversation: Conversation; myId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const circle = useCircle(familyId);
  const change = useChangeMembers(familyId, conversation.id);
  const [adding, setAdding] = useState<string | null>(null);
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null);
  const inIt = new Set(conversation.members.map((m) => m.participantId));
  const addable = (circle.data ?? []).filter((p) => !inIt.has(p.id)).map((p) => ({ value: p.id, label: p.displayName }));
  const leaving = removing?.id === myId;
  return (
    <>
      <FormDialog isOpen={!removing} onClose={onClose} title={t('messages.members.title')}>
        <ul className={styles.list}>
          {conversation.members.map((m) => (
            <li key={m.participantId} className={styles.actions}>
              <span>{m.name}{m.participantId === myId ? ` (${t('messages.members.you')})` : ''}</span>
              {(conversation.mayManageMembers || m.participantId === myId) && (
                <Button variant="quiet" onPress={() => setRemoving({ id: m.participantId, name: m.name })}>
                  {m.participantId === myId ? t('messages.members.leave') : t('messages.members.remove', { name: m.name })}
                </Button>
              )}
            </li>
          ))}
        </ul>
        {conversation.mayManageMembers && addable.length > 0 && (
          <div className={styles.composer}>
            <SelectField id="conversation-add" label={t('messages.members.add')} value={adding} onChange={setAdding} options={addable} />
            <div className={styles.actions}>
              <Button variant="primary" isPending={change.isPending} isDisabled={!adding} onPress={() => adding && change.mutate({ add: adding }, { onSuccess: () => setAdding(null) })}>
                {t('messages.members.addSubmit')}
              </Button>
            </div>
          </div>
        )}
        {change.isError && <p role="alert">{errorText(change.error, t)}</p>}
        <div className={styles.actions}><Button onPress={onClose}>{t('messages.members.close')}</Button></div>
      </FormDialog>
      <ConfirmDialog isOpen={Boolean(removing)} title={leaving ? t('messages.members.leave') : t('messages.members.remove', { name: removing?.name ?? '' })}
        confirmLabel={leaving ? t('messages.members.leave') : t('messages.members.removeSubmit')} isPending={change.isPending}
        error={change.isError ? errorText(change.error, t) : null} onCancel={() => setRemoving(null)}
        onConfirm={() => removing && change.mutate({ remove: removing.id }, {
          onSuccess: () => {
            setRemoving(null);
            if (leaving) void navigate(`/families/${familyId}/messages`);
          },
        })}>
        <p>{leaving ? t('messages.members.leaveWarning') : t('messages.members.removeWarning', { name: removing?.name ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}
