import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityProvider } from '../../../shared/schemas/identity-providers.ts';
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
import { errorText } from '../../components/error-text.ts';
import { withContext } from '../../components/with-context.ts';
import listStyles from '../../components/List.module.css';
import { IdentityProviderForm } from './IdentityProviderForm.tsx';
import { useIdentityProviders, useUpdateIdentityProvider } from './queries.ts';
import styles from './IdentityProviders.module.css';

type Editing = { mode: 'create' } | { mode: 'edit'; provider: IdentityProvider } | null;

/** The admin connects partner organisations' sign-in services (OpenID Connect) to the collaboration. */
export function IdentityProvidersPage() {
  const { t } = useTranslation();
  const collaborationId = useCollaborationId();
  const name = useCollaborationName(collaborationId);
  const providers = useIdentityProviders(collaborationId);
  const toggle = useUpdateIdentityProvider(collaborationId);
  const [editing, setEditing] = useState<Editing>(null);
  const [toggling, setToggling] = useState<IdentityProvider | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const items = providers.data?.items ?? [];

  const addButton = (
    <Button variant="primary" onPress={() => setEditing({ mode: 'create' })}>
      <span aria-hidden="true">+</span> {t('identityProviders.add')}
    </Button>
  );

  const confirmToggle = () => {
    if (!toggling) return;
    const active = !toggling.active;
    toggle.mutate({ provider: toggling, patch: { active } }, {
      onSuccess: () => {
        setStatus(t(active ? 'identityProviders.reactivated' : 'identityProviders.deactivated', { name: toggling.name }));
        setToggling(null);
      },
    });
  };

  return (
    <>
      <PageHeader title={t('identityProviders.title')} context={name} intro={t('identityProviders.intro')} actions={items.length > 0 ? addButton : undefined} />
      {status && <Alert tone="success">{status}</Alert>}
      {providers.isPending && <Loading />}
      {providers.isError && <ErrorState error={providers.error} onRetry={() => void providers.refetch()} isRetrying={providers.isFetching} />}
      {providers.data && (
        <section className={styles.redirect} aria-labelledby="idp-redirect">
          <h2 id="idp-redirect">{t('identityProviders.redirectTitle')}</h2>
          <p>{t('identityProviders.redirectBody')}</p>
          <p><code className={styles.code}>{providers.data.redirectUri}</code></p>
        </section>
      )}
      {providers.isSuccess && items.length === 0 && (
        <EmptyState title={t('identityProviders.empty.title')} action={addButton}>
          {t('identityProviders.empty.body')}
        </EmptyState>
      )}
      {items.length > 0 && (
        <ul className={listStyles.list}>
          {items.map((provider) => (
            <li key={provider.id} className={provider.active ? listStyles.item : `${listStyles.item} ${listStyles.inactive}`}>
              <div className={listStyles.main}>
                <h2 className={listStyles.title}>{provider.name}</h2>
                <p className={listStyles.meta}>
                  {t('identityProviders.servesDomains', { domains: provider.domains.join(', ') })}
                  {!provider.active && (
                    <>
                      {' '}
                      <Badge tone="muted">{t('common.inactive')}</Badge>
                    </>
                  )}
                </p>
                <p className={`${listStyles.meta} ${styles.issuer}`}>{provider.issuer}</p>
              </div>
              <div className={listStyles.actions}>
                <Button onPress={() => setEditing({ mode: 'edit', provider })} aria-label={withContext(t('common.edit'), provider.name)}>
                  {t('common.edit')}
                </Button>
                <Button
                  variant={provider.active ? 'quiet' : 'secondary'}
                  onPress={() => setToggling(provider)}
                  aria-label={withContext(provider.active ? t('common.deactivate') : t('common.reactivate'), provider.name)}
                >
                  {provider.active ? t('common.deactivate') : t('common.reactivate')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}

      <FormDialog isOpen={editing !== null} onClose={() => setEditing(null)} title={editing?.mode === 'edit' ? t('identityProviders.editTitle') : t('identityProviders.addTitle')}>
        {editing && (
          <IdentityProviderForm
            collaborationId={collaborationId}
            provider={editing.mode === 'edit' ? editing.provider : undefined}
            onCancel={() => setEditing(null)}
            onDone={(saved) => {
              setStatus(t(editing.mode === 'edit' ? 'identityProviders.updated' : 'identityProviders.created', { name: saved.name }));
              setEditing(null);
            }}
          />
        )}
      </FormDialog>

      <ActiveToggleDialog
        target={toggling}
        namespace="identityProviders"
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
