import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Meeting, MeetingItem } from '../../../shared/schemas/meetings.ts';
import type { ParticipantOption } from '../../../shared/schemas/families.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button, ButtonLink } from '../../components/Button.tsx';
import { errorText } from '../../components/error-text.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import formStyles from '../../components/Form.module.css';
import { useLocale } from '../../i18n/i18n.ts';
import { useFamilyContext } from '../families/FamilyLayout.tsx';
import { usePlan } from '../families/queries.ts';
import { longDay, timeSpan } from './format.ts';
import { meetingsPath } from './paths.ts';
import { useAddNote, useMeeting, useNoteToAgreement, useSendInvitations } from './queries.ts';
import { ReplyButtons } from './ReplyButtons.tsx';
import { Attendance } from './Attendance.tsx';
import styles from './Meetings.module.css';

/** One round table: when and where, my answer, and per agenda item who is there and the notes. */
export function MeetingPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const family = useFamilyContext();
  const meetingId = useParams().meetingId!;
  const meeting = useMeeting(family.id, meetingId);
  const plan = usePlan(family.id);
  const invite = useSendInvitations(family.id);
  useDocumentTitle(meeting.data?.title ?? t('meetings.title'));
  if (meeting.isPending) return <Loading />;
  if (meeting.isError) return <ErrorState error={meeting.error} onRetry={() => void meeting.refetch()} isRetrying={meeting.isFetching} />;
  const m = meeting.data;
  const invited = m.items.some((i) => i.people.some((p) => p.participantId === family.myParticipantId && p.invited));

  return (
    <>
      <PageHeader title={m.title} context={family.displayName}
        actions={<ButtonLink to={meetingsPath(family.id)}>{t('meetings.back')}</ButtonLink>} />
      <p><strong>{longDay(m.startsAt, locale)}, {timeSpan(m.startsAt, m.endsAt, locale)}</strong></p>
      {m.place && <p>{t('meetings.where', { place: m.place })}</p>}
      {m.videoUrl && <p><a href={m.videoUrl}>{t('meetings.video')}</a></p>}
      {m.chairName && <p>{m.chairAtFamilyRequest ? t('meetings.chairAtRequest', { name: m.chairName }) : t('meetings.chair', { name: m.chairName })}</p>}
      {(invited || family.reach === 'full') && <ReplyButtons familyId={family.id} meeting={m} />}
      {m.mayCoordinate && (
        <section aria-labelledby="invitations">
          <h2 id="invitations">{t('meetings.invitations.title')}</h2>
          <p>{t('meetings.invitations.intro')}</p>
          <Button onPress={() => invite.mutate(m.id)} isPending={invite.isPending}>{t('meetings.invitations.send')}</Button>
          {invite.isSuccess && <Alert tone="success">{t('meetings.invitations.sent', { count: invite.data.sent })}</Alert>}
          {invite.isError && <Alert tone="error">{errorText(invite.error, t)}</Alert>}
          {m.replies.length > 0 && (
            <ul>
              {m.replies.map((r) => <li key={r.participantId}>{r.name}: {t(`meetings.reply.${r.reply}`)}</li>)}
            </ul>
          )}
        </section>
      )}
      <h2>{t('meetings.agenda')}</h2>
      {m.items.map((item) => (
        <AgendaItem key={item.id} familyId={family.id} meeting={m} item={item} participants={plan.data?.participants ?? []}
          mayWrite={family.reach === 'full' || item.people.some((p) => p.participantId === family.myParticipantId)} />
      ))}
      {m.mayCoordinate && plan.data && <Attendance familyId={family.id} meeting={m} participants={plan.data.participants} />}
    </>
  );
}

function AgendaItem({ familyId, meeting, item, participants, mayWrite }: {
  familyId: string; meeting: Meeting; item: MeetingItem; participants: ParticipantOption[]; mayWrite: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const addNote = useAddNote(familyId);
  const [text, setText] = useState('');
  const headingId = `item-${item.id}`;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '' || addNote.isPending) return;
    addNote.mutate({ meetingId: meeting.id, itemId: item.id, text }, { onSuccess: () => setText('') });
  };
  const invited = item.people.filter((p) => p.invited);
  return (
    <section className={styles.agendaItem} aria-labelledby={headingId}>
      <h3 id={headingId}>{item.title}</h3>
      <p>{timeSpan(item.startsAt, item.endsAt, locale)}</p>
      <p>{invited.length ? t('meetings.invited', { names: invited.map((p) => p.name).join(', ') }) : t('meetings.nobodyInvited')}</p>
      <h4>{t('meetings.notes.title')}</h4>
      {item.notes.length === 0 ? <p>{t('meetings.notes.empty')}</p> : (
        <ul className={styles.notes}>
          {item.notes.map((n) => (
            <li key={n.id} className={styles.note}>
              <p>{n.text}</p>
              <p>{t('meetings.notes.by', { name: n.authorName ?? '' })}</p>
              {n.agreementId ? <p><strong>{t('meetings.notes.isAgreement')}</strong></p>
                : mayWrite && <NoteToAgreement familyId={familyId} meetingId={meeting.id} item={item} note={n} participants={participants} />}
            </li>
          ))}
        </ul>
      )}
      {mayWrite && (
        <form noValidate onSubmit={onSubmit} className={formStyles.form}>
          <TextAreaField id={`note-${item.id}`} label={t('meetings.notes.add', { title: item.title })} value={text} onChange={setText} rows={2} />
          <div className={formStyles.actions}><Button type="submit" isPending={addNote.isPending}>{t('meetings.notes.save')}</Button></div>
          {addNote.isError && <Alert tone="error">{errorText(addNote.error, t)}</Alert>}
        </form>
      )}
    </section>
  );
}

function NoteToAgreement({ familyId, meetingId, item, note, participants }: {
  familyId: string; meetingId: string; item: MeetingItem; note: MeetingItem['notes'][number]; participants: ParticipantOption[];
}) {
  const { t } = useTranslation();
  const make = useNoteToAgreement(familyId);
  const [open, setOpen] = useState(false);
  const [owner, setOwner] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState('');
  const [what, setWhat] = useState(note.text);
  if (!open) return <Button onPress={() => setOpen(true)}>{t('meetings.notes.makeAgreement')}</Button>;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!owner || make.isPending) return;
    make.mutate({ meetingId, itemId: item.id, note, body: { what, ownerParticipantId: owner, dueDate: dueDate || null } }, { onSuccess: () => setOpen(false) });
  };
  const id = `agreement-${note.id}`;
  return (
    <form noValidate onSubmit={onSubmit} className={formStyles.form} aria-label={t('meetings.notes.makeAgreement')}>
      <TextAreaField id={`${id}-what`} label={t('meetings.notes.what')} value={what} onChange={setWhat} rows={2} />
      <SelectField id={`${id}-owner`} label={t('meetings.notes.who')} value={owner} onChange={setOwner} placeholder={t('meetings.notes.choose')}
        options={participants.map((p) => ({ value: p.id, label: p.displayName }))} />
      <TextField id={`${id}-due`} label={t('meetings.notes.due')} type="date" optional value={dueDate} onChange={setDueDate} />
      <div className={formStyles.actions}>
        <Button type="submit" variant="primary" isPending={make.isPending} isDisabled={!owner}>{t('meetings.notes.saveAgreement')}</Button>
        <Button onPress={() => setOpen(false)}>{t('common.cancel')}</Button>
      </div>
      {make.isError && <Alert tone="error">{errorText(make.error, t)}</Alert>}
    </form>
  );
}
