import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../shared/schemas/messages.ts';
import { isApiError } from '../../app/api.ts';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { errorText } from '../../components/error-text.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { useFamilyContext } from '../families/FamilyLayout.tsx';
import { AgreementDialog } from './AgreementDialog.tsx';
import { LinkedText } from './LinkedText.tsx';
import { MembersDialog } from './MembersDialog.tsx';
import { attachmentUrl, useConversations, useFamilyEvents, useMarkRead, useMessages, useSendMessage } from './queries.ts';
import styles from './Messages.module.css';

/** One conversation: the messages since I joined, new ones as they come, and a box to write. */
export function ConversationPage() {
  const { t } = useTranslation();
  const family = useFamilyContext();
  const conversationId = useParams().conversationId!;
  const conversations = useConversations(family.id);
  const messages = useMessages(family.id, conversationId);
  const markRead = useMarkRead(family.id, conversationId);
  const [managing, setManaging] = useState(false);
  const [agreementFor, setAgreementFor] = useState<Message | null>(null);
  const [replyTo, setReplyTo] = useState<Message | null>(null);
  useFamilyEvents(family.id);
  const conversation = conversations.data?.find((c) => c.id === conversationId);
  const lastOther = messages.data?.filter((m) => m.authorParticipantId !== family.myParticipantId).at(-1);
  const markedRef = useRef<string | null>(null);
  useEffect(() => {
    if (lastOther && markedRef.current !== lastOther.id) {
      markedRef.current = lastOther.id;
      markRead.mutate(lastOther.id);
    }
  }, [lastOther, markRead]);

  if (conversations.isPending || messages.isPending) return <Loading />;
  if (messages.isError) return <ErrorState error={messages.error} onRetry={() => void messages.refetch()} isRetrying={messages.isFetching} />;
  if (!conversation) return <EmptyState title={t('messages.gone')} />;
  const mayAgree = family.reach === 'full';
  return (
    <>
      <p><Link to={`/families/${family.id}/messages`}>{t('messages.back')}</Link></p>
      <PageHeader title={conversation.title} context={family.displayName} intro={t('messages.with', { names: conversation.members.map((m) => m.name).join(', ') })} />
      <p className={styles.actions}>
        <Button onPress={() => setManaging(true)}>{t('messages.members.open')}</Button>
      </p>
      {messages.data.length === 0 && <EmptyState title={t('messages.noMessages')} />}
      <ol className={styles.messages} aria-live="polite" aria-relevant="additions" aria-label={t('messages.listLabel')}>
        {messages.data.map((m) => (
          <li key={m.id} className={`${styles.message} ${m.authorParticipantId === family.myParticipantId ? styles.mine : ''}`}>
            <p className={styles.meta}><strong>{m.authorName}</strong> · <time dateTime={m.createdAt}>{new Date(m.createdAt).toLocaleString()}</time></p>
            {m.replyTo && <blockquote className={styles.quote}>{t('messages.replyTo', { name: m.replyTo.authorName })}: {m.replyTo.body}</blockquote>}
            {m.body && <p className={styles.body}><LinkedText text={m.body} /></p>}
            {m.attachment && (m.attachment.contentType.startsWith('image/')
              ? <a href={attachmentUrl(family.id, m.attachment.id)} target="_blank" rel="noopener noreferrer">
                  <img className={styles.photo} src={attachmentUrl(family.id, m.attachment.id)} alt={t('messages.photoAlt', { name: m.authorName, file: m.attachment.fileName })} />
                </a>
              : <p><a href={attachmentUrl(family.id, m.attachment.id, true)}>{t('messages.document', { file: m.attachment.fileName })}</a></p>)}
            {m.readBy.length > 0 && <p className={styles.meta}>{t('messages.readBy', { names: m.readBy.join(', ') })}</p>}
            {m.agreementId && <p className={styles.meta}>{t('messages.isAgreement')}</p>}
            <div className={styles.actions}>
              <Button variant="quiet" onPress={() => setReplyTo(m)} aria-label={t('messages.replyLabel', { name: m.authorName })}>{t('messages.reply')}</Button>
              {mayAgree && !m.agreementId && <Button variant="quiet" onPress={() => setAgreementFor(m)}>{t('messages.makeAgreement')}</Button>}
            </div>
          </li>
        ))}
      </ol>
      <Composer familyId={family.id} conversationId={conversationId} replyTo={replyTo} onReplyDone={() => setReplyTo(null)} />
      {managing && <MembersDialog familyId={family.id} conversation={conversation} myId={family.myParticipantId} onClose={() => setManaging(false)} />}
      {agreementFor && <AgreementDialog familyId={family.id} conversationId={conversationId} message={agreementFor} onClose={() => setAgreementFor(null)} />}
    </>
  );
}

function Composer({ familyId, conversationId, replyTo, onReplyDone }: { familyId: string; conversationId: string; replyTo: Message | null; onReplyDone: () => void }) {
  const { t } = useTranslation();
  const send = useSendMessage(familyId, conversationId);
  const [body, setBody] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (send.isPending || (!body.trim() && !file)) return;
    send.mutate({ body: body.trim(), replyToMessageId: replyTo?.id ?? null, file }, {
      onSuccess: () => {
        setBody('');
        setFile(null);
        if (fileRef.current) fileRef.current.value = '';
        onReplyDone();
      },
    });
  };
  return (
    <form noValidate onSubmit={onSubmit} className={styles.composer}>
      {replyTo && (
        <p className={styles.quote}>
          {t('messages.replyingTo', { name: replyTo.authorName })}: {replyTo.body.slice(0, 120)}{' '}
          <Button variant="quiet" onPress={onReplyDone}>{t('messages.replyCancel')}</Button>
        </p>
      )}
      <TextAreaField id="message-body" label={t('messages.write')} value={body} onChange={setBody} optional rows={3} maxLength={4000} />
      <div>
        <label htmlFor="message-file">{t('messages.attach')}</label>
        <p id="message-file-hint" className={styles.meta}>{t('messages.attachHint')}</p>
        <input id="message-file" ref={fileRef} className={styles.file} type="file" accept="image/jpeg,image/png,image/webp,application/pdf" aria-describedby="message-file-hint"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      {send.isError && <p role="alert">{(isApiError(send.error) && send.error.details[0]?.message) || errorText(send.error, t)}</p>}
      <div className={styles.actions}>
        <Button type="submit" variant="primary" isPending={send.isPending}>{t('messages.send')}</Button>
      </div>
    </form>
  );
}
