import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_PLACES } from '../../../shared/plan-constants.ts';
import { ContactMomentInput, type ContactMoment, type Member } from '../../../shared/schemas/families.ts';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { errorText } from '../../components/error-text.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { CheckboxGroupField } from '../../components/CheckboxGroupField.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { formIds } from '../../components/form-ids.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import formStyles from '../../components/Form.module.css';
import { useFamilyContext } from './FamilyLayout.tsx';
import { HomesSection, MemberForm } from './MemberForm.tsx';
import { useContacts, useCreateContact, useDeleteContact, useHomes, useMembers, usePlan, useRemoveMember } from './queries.ts';
import { Alert } from '../../components/Alert.tsx';
import { InviteForm } from '../sharing/InviteForm.tsx';
import { PriorInvolvementSection } from '../sharing/PriorInvolvementSection.tsx';
import styles from './Family.module.css';
import { brusselsDay } from '../../../shared/brussels-day.ts';

const today = () => brusselsDay();

/** The family itself (members, what matters to each) and the contact moments, which the family reads too. */
export function MembersPage() {
  const { t } = useTranslation();
  const family = useFamilyContext();
  const members = useMembers(family.id);
  const homes = useHomes(family.id);
  const contacts = useContacts(family.id);
  const [open, setOpen] = useState<'member' | 'contact' | 'invite' | null>(null);
  const [invited, setInvited] = useState('');
  const [editing, setEditing] = useState<Member | null>(null);
  const [removing, setRemoving] = useState<{ member: Member } | { contact: ContactMoment } | null>(null);
  const removeMember = useRemoveMember(family.id);
  const deleteContact = useDeleteContact(family.id);
  const canWrite = family.reach === 'full';
  const removal = removing && 'member' in removing ? removeMember : deleteContact;
  const confirmRemoval = () => {
    if (!removing) return;
    const done = { onSuccess: () => setRemoving(null) };
    if ('member' in removing) removeMember.mutate(removing.member, done);
    else deleteContact.mutate(removing.contact, done);
  };
  return (
    <>
      <PageHeader title={t('families.members.title')} context={family.displayName} />
      <section className={styles.section} aria-labelledby="members">
        <div className={styles.sectionHead}>
          <h2 id="members">{t('families.members.heading')}</h2>
          {canWrite && (
            <div className={styles.itemActions}>
              <Button onPress={() => setOpen('member')}>{t('families.members.add')}</Button>
              <Button variant="primary" onPress={() => { setInvited(''); setOpen('invite'); }}>{t('invite.button')}</Button>
            </div>
          )}
        </div>
        {invited && <Alert tone="success">{invited}</Alert>}
        {members.isPending && <Loading />}
        {members.isError && <ErrorState error={members.error} onRetry={() => void members.refetch()} isRetrying={members.isFetching} />}
        <ul className={styles.cards}>
          {members.data?.map((m) => (
            <li key={m.id} className={styles.card}>
              <h3>{m.displayName}</h3>
              <p className={styles.meta}>
                <span>{t(`families.roles.${m.role}`)}</span>
                {m.relation && <span>{m.relation}</span>}
                {m.dateOfBirth ? <span>{m.dateOfBirth}</span> : m.birthYear && <span>{m.birthYear}</span>}
                {m.languages.length > 0 && <span>{m.languages.join(', ')}</span>}
              </p>
              {m.importantToMe && <p>{t('families.members.important', { text: m.importantToMe })}</p>}
              {homes.data && m.homes.length > 0 && (
                <p>{t('families.homes.livesIn', { homes: m.homes.map((h) => [homes.data.find((x) => x.id === h.homeId)?.label, h.arrangement].filter(Boolean).join(' – ')).join(', ') })}</p>
              )}
              {canWrite && (
                <div className={styles.itemActions}>
                  <Button variant="quiet" aria-label={`${t('common.edit')}: ${m.displayName}`} onPress={() => { setEditing(m); setOpen('member'); }}>{t('common.edit')}</Button>
                  <Button variant="quiet" aria-label={`${t('common.remove')}: ${m.displayName}`} onPress={() => setRemoving({ member: m })}>{t('common.remove')}</Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section className={styles.section} aria-labelledby="contacts">
        <div className={styles.sectionHead}>
          <h2 id="contacts">{t('families.contacts.heading')}</h2>
          {canWrite && <Button onPress={() => setOpen('contact')}>{t('families.contacts.add')}</Button>}
        </div>
        {contacts.data?.length === 0 && <p className={styles.muted}>{t('families.contacts.empty')}</p>}
        <ul className={styles.items}>
          {contacts.data?.map((c) => (
            <li key={c.id} className={styles.item}>
              <p className={styles.meta}><strong>{c.occurredOn}</strong><span>{t(`families.places.${c.place}`)}{c.placeDetail ? ` (${c.placeDetail})` : ''}</span>{c.authorName && <span>{c.authorName}</span>}</p>
              <p>{c.summary}</p>
              {canWrite && <Button variant="quiet" aria-label={`${t('common.remove')}: ${c.occurredOn} – ${c.summary.slice(0, 60)}`} onPress={() => setRemoving({ contact: c })}>{t('common.remove')}</Button>}
            </li>
          ))}
        </ul>
      </section>
      <ConfirmDialog
        isOpen={removing !== null} title={t('families.members.removeTitle')} confirmLabel={t('common.remove')} onConfirm={confirmRemoval}
        onCancel={() => { removal.reset(); setRemoving(null); }} isPending={removal.isPending} error={removal.isError ? errorText(removal.error, t) : null}
      >
        <p>{removing && 'member' in removing ? t('families.members.removeMember', { name: removing.member.displayName }) : t('families.members.removeContact')}</p>
      </ConfirmDialog>
      <PriorInvolvementSection family={family} />
      {canWrite && <HomesSection familyId={family.id} />}
      <FormDialog isOpen={open !== null} onClose={() => { setOpen(null); setEditing(null); }} title={open === 'invite' ? t('invite.title') : open === 'contact' ? t('families.contacts.add') : editing ? editing.displayName : t('families.members.add')}>
        {open === 'member' && <MemberForm familyId={family.id} member={editing} onDone={() => { setOpen(null); setEditing(null); }} />}
        {open === 'contact' && <ContactForm familyId={family.id} onDone={() => setOpen(null)} />}
        {open === 'invite' && (
          <InviteForm
            familyId={family.id}
            onCancel={() => setOpen(null)}
            onDone={(invitation) => {
              setOpen(null);
              setInvited(invitation.existingAccount
                ? t('invite.sentExisting', { name: invitation.displayName, email: invitation.email })
                : t('invite.sent', { name: invitation.displayName, email: invitation.email }));
            }}
          />
        )}
      </FormDialog>
    </>
  );
}

function ContactForm({ familyId, onDone }: { familyId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const idFor = formIds('contact');
  const people = usePlan(familyId).data?.participants ?? [];
  const [v, setV] = useState({ occurredOn: today(), place: 'home', summary: '', presentParticipantIds: [] as string[], minutesSpent: '' });
  const feedback = useFormFeedback(['occurredOn', 'place', 'presentParticipantIds', 'summary', 'minutesSpent']);
  const create = useCreateContact(familyId);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // Time spent counts for the team's caseload; an empty field is "not written down".
    const body = feedback.validate(ContactMomentInput, { ...v, minutesSpent: v.minutesSpent.trim() === '' ? null : Number(v.minutesSpent) });
    if (body && !create.isPending) create.mutate(body, { onSuccess: onDone, onError: feedback.showError });
  };
  const label = (f: string) => t(`families.contacts.fields.${f}` as 'families.contacts.fields.place');
  return (
    <>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={label} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <TextField id={idFor('occurredOn')} label={label('occurredOn')} type="date" value={v.occurredOn} onChange={(occurredOn) => setV({ ...v, occurredOn })} error={feedback.fieldErrors.occurredOn} />
        <SelectField id={idFor('place')} label={label('place')} value={v.place} onChange={(place) => setV({ ...v, place })} options={CONTACT_PLACES.map((p) => ({ value: p, label: t(`families.places.${p}`) }))} />
        {people.length > 0 && (
          <CheckboxGroupField id={idFor('presentParticipantIds')} label={label('presentParticipantIds')} value={v.presentParticipantIds}
            onChange={(presentParticipantIds) => setV({ ...v, presentParticipantIds })} options={people.map((p) => ({ value: p.id, label: p.displayName }))} />
        )}
        <TextAreaField id={idFor('summary')} label={label('summary')} description={t('families.contacts.summaryHint')} value={v.summary} onChange={(summary) => setV({ ...v, summary })} error={feedback.fieldErrors.summary} rows={4} />
        <TextField id={idFor('minutesSpent')} label={label('minutesSpent')} optional narrow inputMode="numeric" value={v.minutesSpent} onChange={(minutesSpent) => setV({ ...v, minutesSpent })} error={feedback.fieldErrors.minutesSpent} />
        <div className={formStyles.actions}>
          <Button type="submit" variant="primary" isPending={create.isPending}>{t('common.save')}</Button>
          <Button onPress={onDone}>{t('common.cancel')}</Button>
        </div>
      </form>
    </>
  );
}
