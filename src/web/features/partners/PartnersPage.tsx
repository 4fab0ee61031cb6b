import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerOrganisation } from '../../../shared/schemas/partners.ts';
import { useCollaborationId } from '../../app/guards.tsx';
import { useCollaborationName } from '../../app/collaborations.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Button } from '../../components/Button.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Badge } from '../../components/Badge.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { ActiveToggleDialog } from '../../components/ActiveToggleDialog.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { errorText } from '../../components/error-text.ts';
import { withContext } from '../../components/with-context.ts';
import listStyles from '../../components/List.module.css';
import { PartnerForm } from './PartnerForm.tsx';
import { usePartners, useUpdatePartner } from './queries.ts';

type Editing = { mode: 'create' } | { mode: 'edit'; partner: PartnerOrganisation } | null;

export function PartnersPage() {
  const { t } = useTranslation();
  const collaborationId = useCollaborationId();
  const name = useCollaborationName(collaborationId);
  const partners = usePartners(collaborationId);
  const toggle = useUpdatePartner(collaborationId);
  const [editing, setEditing] = useState<Editing>(null);
  const [toggling, setToggling] = useState<PartnerOrganisation | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const items = partners.data?.pages.flatMap((p) => p.items) ?? [];

  const addButton = (
    <Button variant="primary" onPress={() => setEditing({ mode: 'create' })}>
      <span aria-hidden="true">+</span> {t('partners.add')}
    </Button>
  );

  const confirmToggle = () => {
    if (!toggling) return;
    const active = !toggling.active;
    toggle.mutate(
      { partner: toggling, patch: { active } },
      {
        onSuccess: () => {
          setStatus(t(active ? 'partners.reactivated' : 'partners.deactivated', { name: toggling.name }));
          setToggling(null);
        },
      },
    );
  };

  return (
    <>
      <PageHeader title={t('partners.title')} context={name} intro={t('partners.intro')} actions={items.length > 0 ? addButton : undefined} />
      {status && <Alert tone="success">{status}</Alert>}
      {partners.isPending && <Loading />}
      {partners.isError && <ErrorState error={partners.error} onRetry={() => void partners.refetch()} isRetrying={partners.isFetching} />}
      {partners.isSuccess && items.length === 0 && (
        <EmptyState title={t('partners.empty.title')} action={addButton}>
          {t('partners.empty.body')}
        </EmptyState>
      )}
      {items.length > 0 && (
        <ul className={listStyles.list}>
          {items.map((partner) => (
            <li key={partner.id} className={partner.active ? listStyles.item : `${listStyles.item} ${listStyles.inactive}`}>
              <div className={listStyles.main}>
                <h2 className={listStyles.title}>{partner.name}</h2>
                <p className={listStyles.meta}>
                  {t(`organisationKinds.${partner.kind}`)}
                  {!partner.active && (
                    <>
                      {' '}
                      <Badge tone="muted">{t('common.inactive')}</Badge>
                    </>
                  )}
                </p>
                {(partner.contactEmail || partner.contactPhone) && (
                  <p className={listStyles.meta}>{[partner.contactEmail, partner.contactPhone].filter(Boolean).join(' · ')}</p>
                )}
              </div>
              <div className={listStyles.actions}>
                <Button onPress={() => setEditing({ mode: 'edit', partner })} aria-label={withContext(t('common.edit'), partner.name)}>
                  {t('common.edit')}
                </Button>
                <Button
                  variant={partner.active ? 'quiet' : 'secondary'}
                  onPress={() => setToggling(partner)}
                  aria-label={withContext(partner.active ? t('common.deactivate') : t('common.reactivate'), partner.name)}
                >
                  {partner.active ? t('common.deactivate') : t('common.reactivate')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <LoadMore query={partners} />

      <FormDialog isOpen={editing !== null} onClose={() => setEditing(null)} title={editing?.mode === 'edit' ? t('partners.editTitle') : t('partners.addTitle')}>
        {editing && (
          <PartnerForm
            collaborationId={collaborationId}
            partner={editing.mode === 'edit' ? editing.partner : undefined}
            onCancel={() => setEditing(null)}
            onDone={(saved) => {
              setStatus(t(editing.mode === 'edit' ? 'partners.updated' : 'partners.created', { name: saved.name }));
              setEditing(null);
            }}
          />
        )}
      </FormDialog>

      <ActiveToggleDialog
        target={toggling}
        namespace="partners"
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
