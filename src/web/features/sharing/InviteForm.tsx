import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INVITABLE_ROLES, InvitationInput, type Invitation } from '../../../shared/schemas/sharing.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { formIds } from '../../components/form-ids.ts';
import { RadioGroupField } from '../../components/RadioGroupField.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import formStyles from '../../components/Form.module.css';
import { usePlan } from '../families/queries.ts';
import { useInvite } from './queries.ts';

const idFor = formIds('invite');
const FIELDS = ['participantId', 'displayName', 'role', 'relation', 'email'] as const;

/** Invite someone by email: a person already in the file, or someone new (a teacher, a neighbour…). */
export function InviteForm({ familyId, onDone, onCancel }: { familyId: string; onDone: (invitation: Invitation) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const people = (usePlan(familyId).data?.participants ?? []).filter((p) => p.role !== 'coach');
  const [who, setWho] = useState<'new' | 'existing'>('new');
  const [v, setV] = useState({ participantId: '', displayName: '', role: 'outside_professional', relation: '', email: '' });
  const feedback = useFormFeedback(FIELDS);
  const invite = useInvite(familyId);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (invite.isPending) return;
    const input = who === 'existing'
      ? { participantId: v.participantId || undefined, email: v.email }
      : { displayName: v.displayName, role: v.role, relation: v.relation, email: v.email };
    const body = feedback.validate(InvitationInput, input);
    if (body) invite.mutate(body, { onSuccess: ({ data }) => onDone(data), onError: feedback.showError });
  };
  const label = (field: string) => t(`invite.fields.${field as (typeof FIELDS)[number]}`);

  return (
    <>
      <p>{t('invite.intro')}</p>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={label} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        {people.length > 0 && (
          <RadioGroupField
            id={idFor('who')}
            label={t('invite.who')}
            value={who}
            onChange={(next) => { feedback.reset(); setWho(next as 'new' | 'existing'); }}
            options={[{ value: 'new', label: t('invite.someoneNew') }, { value: 'existing', label: t('invite.someoneKnown') }]}
          />
        )}
        {who === 'existing' ? (
          <SelectField
            id={idFor('participantId')}
            label={label('participantId')}
            value={v.participantId || null}
            onChange={(participantId) => setV({ ...v, participantId })}
            error={feedback.fieldErrors.participantId ?? feedback.fieldErrors.displayName}
            options={people.map((p) => ({ value: p.id, label: p.relation ? `${p.displayName} (${p.relation})` : p.displayName }))}
          />
        ) : (
          <>
            <TextField id={idFor('displayName')} label={label('displayName')} autoComplete="off" value={v.displayName} onChange={(displayName) => setV({ ...v, displayName })} error={feedback.fieldErrors.displayName} />
            <RadioGroupField
              id={idFor('role')}
              label={label('role')}
              value={v.role}
              onChange={(role) => setV({ ...v, role })}
              error={feedback.fieldErrors.role}
              options={INVITABLE_ROLES.map((role) => ({ value: role, label: t(`invite.roles.${role}`), description: t(`invite.roleHelp.${role}`) }))}
            />
            <TextField
              id={idFor('relation')}
              label={label('relation')}
              description={t('invite.relationHint')}
              optional
              value={v.relation}
              onChange={(relation) => setV({ ...v, relation })}
              error={feedback.fieldErrors.relation}
            />
          </>
        )}
        <TextField
          id={idFor('email')}
          label={label('email')}
          description={t('invite.emailHint')}
          type="email"
          autoComplete="off"
          value={v.email}
          onChange={(email) => setV({ ...v, email })}
          error={feedback.fieldErrors.email}
        />
        <div className={formStyles.actions}>
          <Button type="submit" variant="primary" isPending={invite.isPending}>
            {invite.isPending ? t('common.sending') : t('invite.submit')}
          </Button>
          <Button onPress={onCancel}>{t('common.cancel')}</Button>
        </div>
      </form>
    </>
  );
}
