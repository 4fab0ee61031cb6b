import { Navigate, Outlet, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../shared/schemas/auth.ts';
import { Loading } from '../components/Loading.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { ButtonLink } from '../components/Button.tsx';
import { useMe, wasSignedOutHere } from './session.ts';
import { canCoordinate, canManage, canReadGovernmentFigures, canReviewBreakGlass, canSeeRegistrations, isDpoIn, canUseSocialMap } from './permissions.ts';
import { paths } from './paths.ts';

/** Where to go after signing in: the page the person was sent away from. */
export interface ReturnState {
  from?: { pathname: string; search: string; hash: string };
}

/** Pages below this need a signed-in person; others are sent to sign in and brought back. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} isRetrying={me.isFetching} />;
  if (!me.data) {
    // Signing out makes the page you were on unreachable: say you signed out, not "sign in to come back".
    const state: ReturnState & { signedOut?: boolean } = wasSignedOutHere()
      ? { signedOut: true }
      : { from: { pathname: location.pathname, search: location.search, hash: location.hash } };
    return <Navigate to={paths.login} replace state={state} />;
  }
  return <Outlet />;
}

/** Only for use below RequireAuth, where `me` is known to be loaded. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser is used outside RequireAuth');
  return data;
}

export function useCollaborationId(): string {
  const { collaborationId } = useParams();
  if (!collaborationId) throw new Error('useCollaborationId is used outside a collaboration route');
  return collaborationId;
}

export function NoAccess() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('noAccess.title')} intro={t('noAccess.body')} />
      <ButtonLink to={paths.home} variant="primary">
        {t('common.backHome')}
      </ButtonLink>
    </>
  );
}

export function RequireManager() {
  const me = useCurrentUser();
  const collaborationId = useCollaborationId();
  return canManage(me, collaborationId) ? <Outlet /> : <NoAccess />;
}

export function RequireCoordinator() {
  const me = useCurrentUser();
  const collaborationId = useCollaborationId();
  return canCoordinate(me, collaborationId) ? <Outlet /> : <NoAccess />;
}

/** Coaches, coordinators and admins keep the social map. */
export function RequireSocialMapAccess() {
  const me = useCurrentUser();
  const collaborationId = useCollaborationId();
  return canUseSocialMap(me, collaborationId) ? <Outlet /> : <NoAccess />;
}

/** Coordinators, admins and coaches (who see only the ones assigned to them). */
export function RequireRegistrationsAccess() {
  const me = useCurrentUser();
  const collaborationId = useCollaborationId();
  return canSeeRegistrations(me, collaborationId) ? <Outlet /> : <NoAccess />;
}

/** The collaboration's admins and DPO. */
export function RequireBreakGlassReviewer() {
  const me = useCurrentUser();
  const collaborationId = useCollaborationId();
  return canReviewBreakGlass(me, collaborationId) ? <Outlet /> : <NoAccess />;
}

export function RequireDpo() {
  const me = useCurrentUser();
  const collaborationId = useCollaborationId();
  return isDpoIn(me, collaborationId) ? <Outlet /> : <NoAccess />;
}

export function RequirePlatformAdmin() {
  const me = useCurrentUser();
  return me.user.platformAdmin ? <Outlet /> : <NoAccess />;
}

export function RequireGovernment() {
  const me = useCurrentUser();
  return canReadGovernmentFigures(me) ? <Outlet /> : <NoAccess />;
}
