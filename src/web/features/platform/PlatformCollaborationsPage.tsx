import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CollaborationSettings } from '../../../shared/schemas/collaborations.ts';
import { useCollaborations } from '../../app/collaborations.ts';
import { paths, COLLABORATION_SECTIONS } from '../../app/paths.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Button } from '../../components/Button.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import listStyles from '../../components/List.module.css';
import { CreateCollaborationForm } from './CreateCollaborationForm.tsx';

interface Created {
  settings: CollaborationSettings;
  invitedEmail: string | null;
}

export function PlatformCollaborationsPage() {
  const { t } = useTranslation();
  const collaborations = useCollaborations();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const items = collaborations.data ?? [];

  const createButton = (
    <Button variant="primary" onPress={() => setCreating(true)}>
      <span aria-hidden="true">+</span> {t('platform.new')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('platform.title')} intro={t('platform.intro')} actions={createButton} />
      <p><Link to={paths.platformAccessLog}>{t('accessLogCheck.link')}</Link></p>
      {created && (
        <Alert tone="success">
          {created.invitedEmail
            ? t('platform.createdWithAdmin', { name: created.settings.name, email: created.invitedEmail })
            : t('platform.created', { name: created.settings.name })}{' '}
          <Link to={paths.settings(created.settings.id)}>{t('platform.openSettings', { name: created.settings.name })}</Link>
        </Alert>
      )}
      {collaborations.isPending && <Loading />}
      {collaborations.isError && <ErrorState error={collaborations.error} onRetry={() => void collaborations.refetch()} isRetrying={collaborations.isFetching} />}
      {collaborations.isSuccess && items.length === 0 && <EmptyState title={t('platform.empty.title')}>{t('platform.empty.body')}</EmptyState>}
      {items.length > 0 && (
        <ul className={listStyles.list}>
          {items.map((collaboration) => (
            <li key={collaboration.id} className={listStyles.item}>
              <div className={listStyles.main}>
                <h2 className={listStyles.title}>{collaboration.name}</h2>
                <p className={listStyles.meta}>{t('platform.postcodeCount', { count: collaboration.postcodeCount })}</p>
              </div>
              <ul className={listStyles.actions} aria-label={t('home.quickLinks', { name: collaboration.name })}>
                {COLLABORATION_SECTIONS.map((section) => (
                  <li key={section} className={listStyles.linkItem}>
                    <Link to={paths[section](collaboration.id)}>{t(`nav.${section}`)}</Link>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <FormDialog isOpen={creating} onClose={() => setCreating(false)} title={t('platform.newTitle')}>
        <CreateCollaborationForm
          onCancel={() => setCreating(false)}
          onDone={(settings, invitedEmail) => {
            setCreated({ settings, invitedEmail });
            setCreating(false);
          }}
        />
      </FormDialog>
    </>
  );
}
