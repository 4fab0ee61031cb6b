import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BREAK_GLASS_REVIEW_STATUSES, type BreakGlassReviewStatus } from '../../../shared/break-glass-constants.ts';
import { useCollaborationId, useCurrentUser } from '../../app/guards.tsx';
import { useCollaborationName } from '../../app/collaborations.ts';
import { Alert } from '../../components/Alert.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RadioGroupField } from '../../components/RadioGroupField.tsx';
import { GrantReview } from './GrantReview.tsx';
import { useBreakGlassGrants } from './queries.ts';
import styles from './BreakGlass.module.css';

type Shown = BreakGlassReviewStatus | 'all';

/** The admins' and DPO's list of every use of emergency access, to judge each one. */
export function ReviewPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const collaborationId = useCollaborationId();
  const collaborationName = useCollaborationName(collaborationId);
  const [shown, setShown] = useState<Shown>('pending');
  const grants = useBreakGlassGrants(collaborationId, shown);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t('breakGlass.review.title')} context={collaborationName} intro={t('breakGlass.review.intro')} />
      <div className={styles.filters}>
        <RadioGroupField
          id="break-glass-shown"
          label={t('breakGlass.review.show')}
          value={shown}
          onChange={(value) => setShown(value as Shown)}
          options={[...BREAK_GLASS_REVIEW_STATUSES, 'all' as const].map((s) => ({ value: s, label: t(`breakGlass.review.filter.${s}`) }))}
        />
      </div>
      {saved && <Alert tone="success">{t('breakGlass.review.saved', { person: saved })}</Alert>}
      <section aria-labelledby="break-glass-uses" aria-busy={grants.isFetching || undefined}>
        <h2 id="break-glass-uses">{t('breakGlass.review.uses')}</h2>
        {grants.isPending && <Loading />}
        {grants.isError && <ErrorState error={grants.error} onRetry={() => void grants.refetch()} isRetrying={grants.isFetching} />}
        {grants.isSuccess && grants.data.length === 0 && <EmptyState title={t(`breakGlass.review.empty.${shown}`)} />}
        {grants.isSuccess && grants.data.length > 0 && (
          <ul className={styles.list}>
            {grants.data.map((grant) => (
              <li key={grant.id}>
                <GrantReview grant={grant} collaborationId={collaborationId} isOwn={grant.userId === me.user.id} onReviewed={(g) => setSaved(g.userName)} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
