import { Navigate, NavLink, Outlet, useMatch, useOutletContext, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Family } from '../../../shared/schemas/families.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFamily } from './queries.ts';
import { EmergencyBanner } from '../break-glass/EmergencyBanner.tsx';
import { BreakGlassPanel } from '../break-glass/BreakGlassPanel.tsx';
import { NotInSight } from '../break-glass/NotInSight.tsx';
import { useSettings } from '../settings/queries.ts';
import { familyPaths, tabsFor } from './family-paths.ts';
import styles from './Family.module.css';

/** The family's file: its name, a row of tabs, and the tab's page below. */
export function FamilyLayout() {
  const { t } = useTranslation();
  const familyId = useParams().familyId!;
  const family = useFamily(familyId);
  const onWorkingPlan = useMatch('/families/:familyId') !== null;
  if (family.isPending) return <Loading />;
  if (family.isError) return <NotInSight familyId={familyId} error={family.error} onRetry={() => void family.refetch()} isRetrying={family.isFetching} />;
  // A coordinator outside the family's circle sees that the family exists, not what is in its file.
  const tabs = tabsFor(family.data.reach);
  // The working plan (with its edit buttons) is for the family and its coaches; others read the family view.
  if ((family.data.reach === 'consented' || family.data.reach === 'emergency') && onWorkingPlan) return <Navigate to={familyPaths.tab(familyId, 'view')} replace />;
  return (
    <>
      {family.data.emergency && <EmergencyBanner familyId={familyId} emergency={family.data.emergency} />}
      {tabs.length > 0 && <nav aria-label={t('families.tabs.label')} className={styles.noPrint}>
        <ul className={styles.tabs}>
          {tabs.map((tab) => (
            <li key={tab}>
              <NavLink to={familyPaths.tab(familyId, tab)} end className={({ isActive }) => (isActive ? `${styles.tab} ${styles.tabActive}` : styles.tab)}>
                {t(`families.tabs.${tab}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>}
      {family.data.reach === 'metadata' ? (
        <>
          <PageHeader title={family.data.displayName} />
          <p>{t('families.metadataOnly', { name: family.data.displayName })}</p>
          <OutsideCircle family={family.data} />
        </>
      ) : (
        <Outlet context={family.data} />
      )}
    </>
  );
}

/** A coordinator outside the circle may open the file in an emergency, for the collaboration's set hours. */
function OutsideCircle({ family }: { family: Family }) {
  const settings = useSettings(family.collaborationId);
  return <BreakGlassPanel familyId={family.id} familyName={family.displayName} hours={settings.data?.data.breakGlassHours ?? null} />;
}

/** The family whose file the current tab shows. */
export function useFamilyContext(): Family {
  return useOutletContext<Family>();
}
