import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../shared/schemas/members.ts';
import { useCollaborationId, useCurrentUser } from '../../app/guards.tsx';
import { useCollaborationName } from '../../app/collaborations.ts';
import { sortRoles } from '../../app/permissions.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Button } from '../../components/Button.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Badge, BadgeList } from '../../components/Badge.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { ActiveToggleDialog } from '../../components/ActiveToggleDialog.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { errorText } from '../../components/error-text.ts';
import { withContext } from '../../components/with-context.ts';
import listStyles from '../../components/List.module.css';
import { useAllPartners } from '../partners/queries.ts';
import { useMembers, useResendInvitation, useUpdateMember } from './queries.ts';
import { EditMemberForm, InviteForm } from './MemberForms.tsx';

type Editing = { mode: 'invite' } | { mode: 'edit'; member: Member } | null;
type Notice = { tone: 'success' | 'error'; text: string } | null;

export function PeoplePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const collaborationId = useCollaborationId();
  const name = useCollaborationName(collaborationId);
  const members = useMembers(collaborationId);
  const partners = useAllPartners(collaborationId);
  const toggle = useUpdateMember(collaborationId);
  const resend = useResendInvitation(collaborationId);
  const [editing, setEditing] = useState<Editing>(null);
  const [toggling, setToggling] = useState<Member | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const items = members.data?.pages.flatMap((p) => p.items) ?? [];
  const partnerName = (id: string | null) => (id ? partners.data?.find((p) => p.id === id)?.name : undefined);

  const inviteButton = (
    <Button variant="primary" onPress={() => setEditing({ mode: 'invite' })}>
      <span aria-hidden="true">+</span> {t('members.invite')}
    </Button>
  );

  const confirmToggle = () => {
    if (!toggling) return;
    const active = !toggling.active;
    toggle.mutate(
      { member: toggling, patch: { active } },
      {
        onSuccess: () => {
          setNotice({ tone: 'success', text: t(active ? 'members.reactivated' : 'members.deactivated', { name: toggling.name }) });
          setToggling(null);
        },
      },
    );
  };

  const resendTo = (member: Member) =>
    resend.mutate(member, {
      onSuccess: () => setNotice({ tone: 'success', text: t('members.invitationResent', { email: member.email }) }),
      onError: (error) => setNotice({ tone: 'error', text: errorText(error, t) }),
    });

  return (
    <>
      <PageHeader title={t('members.title')} context={name} intro={t('members.intro')} actions={inviteButton} />
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {members.isPending && <Loading />}
      {members.isError && <ErrorState error={members.error} onRetry={() => void members.refetch()} isRetrying={members.isFetching} />}
      {members.isSuccess && items.length === 0 && <EmptyState title={t('members.empty.title')}>{t('members.empty.body')}</EmptyState>}
      {items.length > 0 && (
        <ul className={listStyles.list}>
          {items.map((member) => (
            <li key={member.userId} className={member.active ? listStyles.item : `${listStyles.item} ${listStyles.inactive}`}>
              <div className={listStyles.main}>
                <h2 className={listStyles.title}>
                  {member.name}
                  {member.userId === me.user.id && <span className={listStyles.meta}> ({t('members.you')})</span>}
                </h2>
                <p className={listStyles.meta}>
                  {member.email}
                  {partnerName(member.partnerOrganisationId) && ` · ${partnerName(member.partnerOrganisationId)}`}
                </p>
                <BadgeList label={t('members.rolesAndStatus')}>
                  {sortRoles(member.roles).map((role) => (
                    <li key={role}>
                      <Badge tone="role">{t(`roles.${role}`)}</Badge>
                    </li>
                  ))}
                  {!member.invitationAccepted && (
                    <li>
                      <Badge tone="warning">{t('members.invitationPending')}</Badge>
                    </li>
                  )}
                  {!member.active && (
                    <li>
                      <Badge tone="muted">{t('common.inactive')}</Badge>
                    </li>
                  )}
                </BadgeList>
              </div>
              <div className={listStyles.actions}>
                <Button onPress={() => setEditing({ mode: 'edit', member })} aria-label={withContext(t('members.editRoles'), member.name)}>
                  {t('members.editRoles')}
                </Button>
                {!member.invitationAccepted && member.active && (
                  <Button
                    onPress={() => resendTo(member)}
                    isPending={resend.isPending && resend.variables?.userId === member.userId}
                    aria-label={withContext(t('members.resendInvitation'), member.name)}
                  >
                    {t('members.resendInvitation')}
                  </Button>
                )}
                <Button
                  variant={member.active ? 'quiet' : 'secondary'}
                  onPress={() => setToggling(member)}
                  aria-label={withContext(member.active ? t('common.deactivate') : t('common.reactivate'), member.name)}
                >
                  {member.active ? t('common.deactivate') : t('common.reactivate')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <LoadMore query={members} />

      <FormDialog
        isOpen={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.mode === 'edit' ? t('members.editTitle', { name: editing.member.name }) : t('members.inviteTitle')}
      >
        {editing?.mode === 'invite' && (
          <InviteForm
            collaborationId={collaborationId}
            onCancel={() => setEditing(null)}
            onDone={(member) => {
              setNotice({ tone: 'success', text: t('members.invited', { name: member.name, email: member.email }) });
              setEditing(null);
            }}
          />
        )}
        {editing?.mode === 'edit' && (
          <EditMemberForm
            collaborationId={collaborationId}
            member={editing.member}
            onCancel={() => setEditing(null)}
            onDone={(member) => {
              setNotice({ tone: 'success', text: t('members.updated', { name: member.name }) });
              setEditing(null);
            }}
          />
        )}
      </FormDialog>

      <ActiveToggleDialog
        target={toggling}
        namespace="members"
        onConfirm={confirmToggle}
        onCancel={() => {
          toggle.reset();
          setToggling(null);
        }}
        isPending={toggle.isPending}
        error={toggle.isError ? errorText(toggle.error, t) : null}
      />
    </>
  );
}
