import { useTranslation } from 'react-i18next';
import { useCollaborationId } from '../../app/guards.tsx';
import { useCollaborationName } from '../../app/collaborations.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { useSettings } from './queries.ts';
import { SettingsForm } from './SettingsForm.tsx';
import { PolicyEditor } from '../second-factor/PolicyEditor.tsx';

export function SettingsPage() {
  const { t } = useTranslation();
  const collaborationId = useCollaborationId();
  const settings = useSettings(collaborationId);
  const name = useCollaborationName(collaborationId) ?? settings.data?.data.name;

  return (
    <>
      <PageHeader title={t('settings.title')} context={name} intro={t('settings.intro')} />
      {settings.isPending && <Loading />}
      {settings.isError && <ErrorState error={settings.error} onRetry={() => void settings.refetch()} isRetrying={settings.isFetching} />}
      {settings.data && (
        <SettingsForm
          // A different collaboration is a different form: start it fresh.
          key={collaborationId}
          collaborationId={collaborationId}
          loaded={settings.data}
          reload={async () => (await settings.refetch()).data}
        />
      )}
      <PolicyEditor key={`policy-${collaborationId}`} collaborationId={collaborationId} />
    </>
  );
}
