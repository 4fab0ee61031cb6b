import { Navigate, NavLink, Outlet, useMatch, useOutletContext, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Family } from '../../../shared/schemas/families.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { useFamily } from './queries.ts';
import { familyPaths, tabsFor } from './family-paths.ts';
import styles from './Family.module.css';

/** The family's file: its name, a row of tabs, and the tab's page below. */
export function FamilyLayout() {
  const { t } = useTranslation();
  const familyId = useParams().familyId!;
  const family = useFamily(familyId);
  const onWorkingPlan = useMatch('/families/:familyId') !== null;
  if (family.isPending) return <Loading />;
  if (family.isError) return <ErrorState error={family.error} onRetry={() => void family.refetch()} isRetrying={family.isFetching} />;
  // A coordinator outside the family's circle sees that the family exists, not what is in its file.
  const tabs = tabsFor(family.data.reach);
  // The working plan (with its edit buttons) is for the family and its coaches; others read the family view.
  if (family.data.reach === 'consented' && onWorkingPlan) return <Navigate to={familyPaths.tab(familyId, 'view')} replace />;
  return (
    <>
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
        </>
      ) : (
        <Outlet context={family.data} />
      )}
    </>
  );
}

/** The family whose file the current tab shows. */
export function useFamilyContext(): Family {
  return useOutletContext<Family>();
}
