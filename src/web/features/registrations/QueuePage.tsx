import { Link, useLocation, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  REFERRER_TYPES,
  REGISTRATION_STATUSES,
  type ReferrerType,
  type RegistrationStatus,
  type RegistrationSummary,
} from '../../../shared/schemas/registrations.ts';
import { useCollaborationId, useCurrentUser } from '../../app/guards.tsx';
import { useCollaborationName } from '../../app/collaborations.ts';
import { canCoordinate } from '../../app/permissions.ts';
import { paths } from '../../app/paths.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Alert } from '../../components/Alert.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { useLocale } from '../../i18n/i18n.ts';
import { useCoachOptions, useRegistrations, type QueueFilters } from './queries.ts';
import { formatDate } from './format.ts';
import { TimingBadges } from './TimingBadges.tsx';
import styles from './Registrations.module.css';

const ALL = 'all';

function readFilters(params: URLSearchParams): QueueFilters {
  const status = params.get('status');
  const referrerType = params.get('referrerType');
  return {
    status: status === ALL || (REGISTRATION_STATUSES as readonly string[]).includes(status ?? '') ? (status as QueueFilters['status']) : 'open',
    coachId: params.get('coachId') || null,
    referrerType: (REFERRER_TYPES as readonly string[]).includes(referrerType ?? '') ? (referrerType as ReferrerType) : null,
  };
}

export function QueuePage() {
  const { t } = useTranslation();
  const collaborationId = useCollaborationId();
  const me = useCurrentUser();
  const name = useCollaborationName(collaborationId);
  const coordinator = canCoordinate(me, collaborationId);
  const [params, setParams] = useSearchParams();
  const flash = (useLocation().state as { flash?: string } | null)?.flash;
  const filters = readFilters(params);
  const registrations = useRegistrations(collaborationId, filters);
  const coaches = useCoachOptions(collaborationId, coordinator);
  const items = [...(registrations.data?.pages.flatMap((p) => p.items) ?? [])].sort((a, b) =>
    a.firstContactDueBy.localeCompare(b.firstContactDueBy),
  );

  const setFilter = (key: keyof QueueFilters, value: string) => {
    const next = new URLSearchParams(params);
    const isDefault = key === 'status' ? value === 'open' : value === ALL;
    if (isDefault) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  const filtered = filters.status !== 'open' || filters.coachId !== null || filters.referrerType !== null;
  const title = coordinator ? t('registrations.title') : t('registrations.titleCoach');

  return (
    <>
      <PageHeader title={title} context={name} intro={coordinator ? t('registrations.intro') : t('registrations.introCoach')} />
      {flash && <Alert tone="success">{flash}</Alert>}
      <div role="search" className={styles.filters} aria-label={t('registrations.filters')}>
        <SelectField
          id="queue-status"
          label={t('registrations.filterStatus')}
          value={filters.status}
          onChange={(value) => setFilter('status', value)}
          options={[
            { value: 'open', label: t('registrations.statusOpen') },
            { value: ALL, label: t('registrations.statusAll') },
            ...REGISTRATION_STATUSES.map((s) => ({ value: s, label: t(`registrationStatuses.${s}`) })),
          ]}
        />
        {coordinator && (
          <SelectField
            id="queue-coach"
            label={t('registrations.filterCoach')}
            value={filters.coachId ?? ALL}
            onChange={(value) => setFilter('coachId', value)}
            options={[{ value: ALL, label: t('registrations.everyone') }, ...(coaches.data ?? []).map((c) => ({ value: c.userId, label: c.name }))]}
          />
        )}
        <SelectField
          id="queue-referrer"
          label={t('registrations.filterReferrer')}
          value={filters.referrerType ?? ALL}
          onChange={(value) => setFilter('referrerType', value)}
          options={[{ value: ALL, label: t('registrations.everyone') }, ...REFERRER_TYPES.map((r) => ({ value: r, label: t(`referrerTypes.${r}`) }))]}
        />
      </div>
      {registrations.isPending && <Loading />}
      {registrations.isError && <ErrorState error={registrations.error} onRetry={() => void registrations.refetch()} isRetrying={registrations.isFetching} />}
      {registrations.isSuccess && items.length === 0 && (
        <EmptyState title={filtered ? t('registrations.empty.filteredTitle') : t('registrations.empty.title')}>
          {filtered ? t('registrations.empty.filteredBody') : coordinator ? t('registrations.empty.body') : t('registrations.empty.bodyCoach')}
        </EmptyState>
      )}
      {items.length > 0 && (
        <>
          <p className="visually-hidden" role="status">
            {t('registrations.count', { count: items.length })}
          </p>
          <ul className={styles.queue}>
            {items.map((registration) => (
              <QueueCard key={registration.id} registration={registration} collaborationId={collaborationId} />
            ))}
          </ul>
        </>
      )}
      <LoadMore query={registrations} />
    </>
  );
}

function QueueCard({ registration: r, collaborationId }: { registration: RegistrationSummary; collaborationId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const open = r.status === 'new' || r.status === 'first_contact';
  const tone = !open ? '' : r.timing === 'overdue' ? styles.overdue : r.timing === 'warning' ? styles.warning : '';
  return (
    <li className={`${styles.card} ${tone}`}>
      <h2 className={styles.cardTitle}>
        <Link to={paths.registration(collaborationId, r.id)}>{r.familyName}</Link>
        <TimingBadges registration={r} />
      </h2>
      <dl className={styles.cardFacts}>
        <div>
          <dt>{t('registrations.status')}</dt>
          <dd>{t(`registrationStatuses.${r.status as RegistrationStatus}`)}</dd>
        </div>
        <div>
          <dt>{t('registrations.daysSince')}</dt>
          <dd>{t('registrations.days', { count: r.daysSince })}</dd>
        </div>
        <div>
          <dt>{t('registrations.dueBy')}</dt>
          <dd>{r.firstContactAt ? t('registrations.contactMade', { date: formatDate(r.firstContactAt, locale) }) : formatDate(r.firstContactDueBy, locale)}</dd>
        </div>
        <div>
          <dt>{t('registrations.referrer')}</dt>
          <dd>{t(`referrerTypes.${r.referrerType}`)}</dd>
        </div>
        <div>
          <dt>{t('registrations.coaches')}</dt>
          <dd>{r.coaches.length > 0 ? r.coaches.map((c) => c.name).join(', ') : t('registrations.noCoach')}</dd>
        </div>
        <div>
          <dt>{t('registrations.municipality')}</dt>
          <dd>
            {r.postcode} {r.municipality}
          </dd>
        </div>
      </dl>
    </li>
  );
}
