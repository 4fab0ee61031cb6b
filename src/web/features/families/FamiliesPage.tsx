import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { familyPaths } from './family-paths.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TextField } from '../../components/TextField.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { useFamilies } from './queries.ts';
import styles from './Family.module.css';

/** The families in my circle: the coach's starting point between two home visits. */
export function FamiliesPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const families = useFamilies(q.trim());
  return (
    <>
      <PageHeader title={t('families.list.title')} intro={t('families.list.intro')} />
      <div className={styles.search}>
        <TextField id="family-search" label={t('families.list.search')} value={q} onChange={setQ} optional />
      </div>
      {families.isPending && <Loading />}
      {families.isError && <ErrorState error={families.error} onRetry={() => void families.refetch()} isRetrying={families.isFetching} />}
      {families.isSuccess && families.data.items.length === 0 && (
        <EmptyState title={q ? t('families.list.noMatch') : t('families.list.empty')}>{t('families.list.emptyBody')}</EmptyState>
      )}
      {families.isSuccess && families.data.items.length > 0 && (
        <ul className={styles.cards}>
          {families.data.items.map((f) => (
            <li key={f.id} className={styles.card}>
              <h2>
                <Link to={familyPaths.plan(f.id)}>{f.displayName}</Link>
              </h2>
              <p className={styles.muted}>
                {t('families.list.members', { count: f.memberCount })}
                {f.coachNames.length > 0 && ` · ${t('families.list.coaches', { names: f.coachNames.join(', ') })}`}
                {` · ${t(`families.status.${f.status}`)}`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
