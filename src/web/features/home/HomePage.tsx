import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MembershipSummary } from '../../../shared/schemas/auth.ts';
import { useCurrentUser } from '../../app/guards.tsx';
import { paths } from '../../app/paths.ts';
import { canCoordinate, canReadGovernmentFigures, sectionLink, sectionsFor, sortRoles } from '../../app/permissions.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Alert } from '../../components/Alert.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Badge, BadgeList } from '../../components/Badge.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { usePortal } from '../sharing/queries.ts';
import { PortalFamilyCard } from './PortalFamilies.tsx';
import { WorkspaceSection } from '../workspace/WorkspaceSection.tsx';
import styles from './HomePage.module.css';

type Flash = 'welcome' | 'passwordChanged';

export function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const flash = (useLocation().state as { flash?: Flash } | null)?.flash;
  const portal = usePortal();
  // People in a family's circle without a role in a collaboration (parents, young people, network, outside professionals).
  const portalOnly = me.memberships.length === 0 && !me.user.platformAdmin && !me.user.governmentAnalyst;
  if (portalOnly) return <PortalHome flash={flash} />;
  const asParticipant = (portal.data?.families ?? []).filter((f) => f.myRole !== 'coach');

  return (
    <>
      <PageHeader title={t('home.title', { name: me.user.name })} intro={t('home.intro')} />
      {flash === 'welcome' && <Alert tone="success">{t('home.flash.welcome')}</Alert>}
      {flash === 'passwordChanged' && <Alert tone="success">{t('home.flash.passwordChanged')}</Alert>}

      {me.memberships.some((m) => m.roles.includes('coach')) && <WorkspaceSection />}

      <h2>{t('home.collaborations')}</h2>
      {me.memberships.length === 0 && !me.user.platformAdmin && !me.user.governmentAnalyst && (
        <EmptyState title={t('home.empty.title')}>{t('home.empty.body')}</EmptyState>
      )}
      {me.memberships.length > 0 && (
        <ul className={styles.cards}>
          {me.memberships.map((membership) => (
            <li key={membership.collaborationId} className={styles.card}>
              <MembershipCard membership={membership} />
            </li>
          ))}
        </ul>
      )}

      {asParticipant.length > 0 && (
        <section aria-labelledby="home-portal">
          <h2 id="home-portal">{t('portal.alsoIn')}</h2>
          {asParticipant.map((family) => <PortalFamilyCard key={family.id} family={family} headingLevel={3} />)}
        </section>
      )}

      {canReadGovernmentFigures(me) && (
        <section className={styles.platform} aria-labelledby="home-government">
          <h2 id="home-government">{t('home.government.title')}</h2>
          <p>{t('home.government.body')}</p>
          <Link to={paths.governmentFigures}>{t('home.government.link')}</Link>
        </section>
      )}

      {me.user.platformAdmin && (
        <section className={styles.platform} aria-labelledby="home-platform">
          <h2 id="home-platform">{t('home.platform.title')}</h2>
          <p>{t('home.platform.body')}</p>
          <Link to={paths.platformCollaborations}>{t('home.platform.link')}</Link>
        </section>
      )}
    </>
  );
}

/** The home page of someone in a family's circle: per family, our plan, what is asked of me, who to call. */
function PortalHome({ flash }: { flash: Flash | undefined }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const portal = usePortal();
  return (
    <>
      <PageHeader title={t('home.title', { name: me.user.name })} intro={t('portal.intro')} />
      {flash === 'welcome' && <Alert tone="success">{t('home.flash.welcome')}</Alert>}
      {portal.isPending && <Loading />}
      {portal.isError && <ErrorState error={portal.error} onRetry={() => void portal.refetch()} isRetrying={portal.isFetching} />}
      {portal.data?.families.length === 0 && <EmptyState title={t('portal.empty.title')}>{t('portal.empty.body')}</EmptyState>}
      {portal.data?.families.map((family) => <PortalFamilyCard key={family.id} family={family} />)}
    </>
  );
}

function MembershipCard({ membership }: { membership: MembershipSummary }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const roles = sortRoles(membership.roles);
  const id = membership.collaborationId;
  const links = sectionsFor(me, id).map((section) => ({
    to: sectionLink(me, section, id),
    label: section === 'registrations' && !canCoordinate(me, id) ? t('nav.registrationsCoach') : t(`nav.${section}`),
  }));
  if (roles.includes('referrer')) {
    links.push({ to: paths.register, label: t('nav.register') }, { to: paths.myRegistrations, label: t('nav.myRegistrations') });
  }
  return (
    <>
      <h3>{membership.collaborationName}</h3>
      <BadgeList label={t('members.roles')}>
        {roles.map((role) => (
          <li key={role}>
            <Badge tone="role">{t(`roles.${role}`)}</Badge>
          </li>
        ))}
      </BadgeList>
      <ul className={styles.help}>
        {roles.map((role) => (
          <li key={role}>{t(`home.roleHelp.${role}`)}</li>
        ))}
      </ul>
      {links.length > 0 && (
        <ul className={styles.links} aria-label={t('home.quickLinks', { name: membership.collaborationName })}>
          {links.map((link) => (
            <li key={link.to}>
              <Link to={link.to}>{link.label}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
