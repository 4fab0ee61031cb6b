import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { familyPaths } from './family-paths.ts';
import { useFamilyContext } from './FamilyLayout.tsx';
import { usePlan, useVersion } from './queries.ts';
import { PlainPlan } from './ViewsPage.tsx';

/** A saved version, as the family saw its plan then: read-only, clearly marked as such. */
export function VersionPage() {
  const { t } = useTranslation();
  const family = useFamilyContext();
  const versionId = useParams().versionId!;
  const version = useVersion(family.id, versionId);
  const plan = usePlan(family.id);
  if (version.isPending || plan.isPending) return <Loading />;
  if (version.isError) return <ErrorState error={version.error} onRetry={() => void version.refetch()} isRetrying={version.isFetching} />;
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} isRetrying={plan.isFetching} />;
  const { meta, ...content } = version.data;
  return (
    <>
      <PageHeader title={t('families.versionView.title', { number: meta.number })} context={family.displayName} />
      <Alert tone="info">{t('families.versionView.readOnly', { date: meta.createdAt.slice(0, 10) })}</Alert>
      {/* Names and life domains as they are now; the words and figures as they were then. */}
      <PlainPlan plan={{ ...plan.data, ...content }} />
      <p><Link to={familyPaths.tab(family.id, 'started')}>{t('families.versionView.back')}</Link></p>
    </>
  );
}
