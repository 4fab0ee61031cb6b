import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ButtonLink } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { paths } from '../../app/paths.ts';
import listStyles from '../../components/List.module.css';
import { useLocale } from '../../i18n/i18n.ts';
import { useMyRegistrations } from './queries.ts';
import { formatDate } from './format.ts';

/** A referrer's own registrations: where each stands, nothing of the family's file. */
export function MyRegistrationsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const mine = useMyRegistrations();
  const registerLink = (
    <ButtonLink to={paths.register} variant="primary">
      {t('register.title')}
    </ButtonLink>
  );
  return (
    <>
      <PageHeader title={t('myRegistrations.title')} intro={t('myRegistrations.intro')} actions={mine.data && mine.data.length > 0 ? registerLink : undefined} />
      {mine.isPending && <Loading />}
      {mine.isError && <ErrorState error={mine.error} onRetry={() => void mine.refetch()} isRetrying={mine.isFetching} />}
      {mine.isSuccess && mine.data.length === 0 && (
        <EmptyState title={t('myRegistrations.empty.title')} action={registerLink}>
          {t('myRegistrations.empty.body')}
        </EmptyState>
      )}
      {mine.isSuccess && mine.data.length > 0 && (
        <ul className={listStyles.list}>
          {mine.data.map((r) => (
            <li key={r.id} className={listStyles.item}>
              <div className={listStyles.main}>
                <h2 className={listStyles.title}>{r.familyName}</h2>
                <p className={listStyles.meta}>
                  {t('myRegistrations.meta', {
                    kind: r.kind === 'consultation' ? t('register.kind.consultation') : t('register.kind.family'),
                    date: formatDate(r.receivedAt, locale),
                    collaboration: r.collaborationName,
                  })}
                </p>
                <p>
                  <strong>{t(`referrerStatuses.${r.status}`)}</strong>
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
