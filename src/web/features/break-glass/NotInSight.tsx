import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CollaborationSettings } from '../../../shared/schemas/collaborations.ts';
import { apiRequest, isApiError } from '../../app/api.ts';
import { useCurrentUser } from '../../app/guards.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { settingsQueryKey } from '../settings/queries.ts';
import { BreakGlassPanel } from './BreakGlassPanel.tsx';

interface NotInSightProps {
  familyId: string;
  error: unknown;
  onRetry: () => void;
  isRetrying: boolean;
}

/**
 * A family file that did not load. When it is simply not in sight (404) and the asker is a coach
 * where the collaboration lets coaches use emergency access, they may still open it with a reason:
 * the coach is ill and a child is in danger. The server answers for a family id it does not know
 * exactly as for one the coach may not open, so this tells nothing about which families exist.
 */
export function NotInSight({ familyId, error, onRetry, isRetrying }: NotInSightProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const coachIn = me.memberships.filter((m) => m.roles.includes('coach') && !m.roles.includes('coordinator')).map((m) => m.collaborationId);
  const settings = useQueries({
    queries: (isApiError(error) && error.status === 404 ? coachIn : []).map((id) => ({
      queryKey: settingsQueryKey(id),
      queryFn: () => apiRequest(`/collaborations/${id}/settings`, { schema: CollaborationSettings }),
    })),
  });
  const allowing = settings.flatMap((s) => (s.data?.data.breakGlassCoaches ? [s.data.data] : []));
  if (allowing.length === 0) return <ErrorState error={error} onRetry={onRetry} isRetrying={isRetrying} />;
  return (
    <>
      <PageHeader title={t('breakGlass.notInSight.title')} intro={t('breakGlass.notInSight.intro')} />
      <BreakGlassPanel familyId={familyId} familyName={null} hours={allowing.length === 1 ? allowing[0]!.breakGlassHours : null} />
    </>
  );
}
