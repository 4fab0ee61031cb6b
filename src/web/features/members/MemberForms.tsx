import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../shared/roles.ts';
import { MemberInvite, MemberPatch, type Member } from '../../../shared/schemas/members.ts';
import { TextField } from '../../components/TextField.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { CheckboxGroupField } from '../../components/CheckboxGroupField.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useFormFeedback, type FormFeedback } from '../../components/useFormFeedback.ts';
import { formIds } from '../../components/form-ids.ts';
import formStyles from '../../components/Form.module.css';
import { useAllPartners } from '../partners/queries.ts';
import { useInviteMember, useUpdateMember } from './queries.ts';
import { NO_PARTNER, partnerOptions, toPartnerId } from './partner-options.ts';

interface RoleAndPartnerValues {
  roles: Role[];
  partner: string;
}

/** The fields both forms share: which roles, and from which partner organisation. */
function RoleAndPartnerFields({ collaborationId, values, onChange, feedback, idFor, current }: {
  collaborationId: string;
  values: RoleAndPartnerValues;
  onChange: (values: RoleAndPartnerValues) => void;
  feedback: FormFeedback;
  idFor: (field: string) => string;
  current: string | null;
}) {
  const { t } = useTranslation();
  const partners = useAllPartners(collaborationId);
  return (
    <>
      <CheckboxGroupField
        id={idFor('roles')}
        label={t('members.roles')}
        description={t('members.rolesHint')}
        options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        value={values.roles}
        onChange={(roles) => onChange({ ...values, roles: roles as Role[] })}
        error={feedback.fieldErrors.roles}
      />
      <SelectField
        id={idFor('partnerOrganisationId')}
        label={t('members.partner')}
        description={partners.isError ? t('members.partnersUnavailable') : t('members.partnerHint')}
        options={partnerOptions(partners.data ?? [], current, t)}
        value={values.partner}
        onChange={(partner) => onChange({ ...values, partner })}
        error={feedback.fieldErrors.partnerOrganisationId}
      />
    </>
  );
}

function useLabels() {
  const { t } = useTranslation();
  const labels: Record<string, string> = {
    email: t('members.email'),
    name: t('members.name'),
    roles: t('members.roles'),
    partnerOrganisationId: t('members.partner'),
  };
  return (field: string) => labels[field] ?? field;
}

interface FormProps<T> {
  collaborationId: string;
  onDone: (member: T) => void;
  onCancel: () => void;
}

export function InviteForm({ collaborationId, onDone, onCancel }: FormProps<Member>) {
  const { t } = useTranslation();
  const idFor = formIds('invite');
  const labelFor = useLabels();
  const [person, setPerson] = useState({ email: '', name: '' });
  const [access, setAccess] = useState<RoleAndPartnerValues>({ roles: ['coach'], partner: NO_PARTNER });
  const feedback = useFormFeedback(['email', 'name', 'roles', 'partnerOrganisationId'], { email_taken: 'email' });
  const invite = useInviteMember(collaborationId);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (invite.isPending) return;
    const body = feedback.validate(MemberInvite, { ...person, roles: access.roles, partnerOrganisationId: toPartnerId(access.partner) });
    if (body) invite.mutate(body, { onSuccess: ({ data }) => onDone(data), onError: feedback.showError });
  };

  return (
    <>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={labelFor} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <p>{t('members.inviteIntro')}</p>
        <TextField id={idFor('name')} label={labelFor('name')} value={person.name} onChange={(name) => setPerson((p) => ({ ...p, name }))} error={feedback.fieldErrors.name} autoComplete="off" />
        <TextField id={idFor('email')} label={labelFor('email')} type="email" value={person.email} onChange={(email) => setPerson((p) => ({ ...p, email }))} error={feedback.fieldErrors.email} autoComplete="off" />
        <RoleAndPartnerFields collaborationId={collaborationId} values={access} onChange={setAccess} feedback={feedback} idFor={idFor} current={null} />
        <div className={formStyles.actions}>
          <Button type="submit" variant="primary" isPending={invite.isPending}>
            {invite.isPending ? t('common.sending') : t('members.inviteSubmit')}
          </Button>
          <Button onPress={onCancel} isDisabled={invite.isPending}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </>
  );
}

export function EditMemberForm({ collaborationId, member, onDone, onCancel }: FormProps<Member> & { member: Member }) {
  const { t } = useTranslation();
  const idFor = formIds(`member-${member.userId}`);
  const labelFor = useLabels();
  const [access, setAccess] = useState<RoleAndPartnerValues>({
    roles: [...member.roles],
    partner: member.partnerOrganisationId ?? NO_PARTNER,
  });
  const feedback = useFormFeedback(['roles', 'partnerOrganisationId'], { last_admin: 'roles' });
  const update = useUpdateMember(collaborationId);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (update.isPending) return;
    const patch = feedback.validate(MemberPatch.required({ roles: true }), { roles: access.roles, partnerOrganisationId: toPartnerId(access.partner) });
    if (patch) update.mutate({ member, patch }, { onSuccess: ({ data }) => onDone(data), onError: feedback.showError });
  };

  return (
    <>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={labelFor} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <p>
          {member.name} ({member.email})
        </p>
        <RoleAndPartnerFields collaborationId={collaborationId} values={access} onChange={setAccess} feedback={feedback} idFor={idFor} current={member.partnerOrganisationId} />
        <div className={formStyles.actions}>
          <Button type="submit" variant="primary" isPending={update.isPending}>
            {update.isPending ? t('common.saving') : t('common.save')}
          </Button>
          <Button onPress={onCancel} isDisabled={update.isPending}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </>
  );
}
