import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PortalFamily } from '../../../shared/schemas/sharing.ts';
import { Alert } from '../../components/Alert.tsx';
import { ButtonLink } from '../../components/Button.tsx';
import { useLocale } from '../../i18n/i18n.ts';
import { familyPaths } from '../families/family-paths.ts';
import { dateLabel } from '../sharing/sharing-format.ts';
import { UpcomingMeetings } from '../meetings/UpcomingMeetings.tsx';
import styles from './HomePage.module.css';

const FAMILY_ROLES: readonly string[] = ['parent', 'young_person', 'child', 'housemate'];

/** One family on the portal home: our plan, what is asked of me, who I can call. */
export function PortalFamilyCard({ family, headingLevel = 2 }: { family: PortalFamily; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const ours = FAMILY_ROLES.includes(family.myRole);
  const H = `h${headingLevel}` as const;
  const Sub = `h${headingLevel + 1}` as 'h3' | 'h4';
  const headingId = `portal-${family.id}`;
  return (
    <section className={styles.portal} aria-labelledby={headingId}>
      <H id={headingId}>{family.displayName}</H>
      <p className={styles.muted}>{t('portal.youAre', { role: t(`portal.roles.${family.myRole}`), collaboration: family.collaborationName })}</p>

      {family.pendingApprovals > 0 && (
        <Alert
          tone="warning"
          actions={<ButtonLink to={familyPaths.tab(family.id, 'sharing')}>{t('portal.pending.link')}</ButtonLink>}
        >
          {t('portal.pending.text', { count: family.pendingApprovals })}
        </Alert>
      )}

      {family.closure && (
        <section className={styles.closure} aria-labelledby={`${headingId}-closure`}>
          <Sub id={`${headingId}-closure`}>{t('portal.closure.title')}</Sub>
          <p>{family.closure.summary}</p>
          {family.closure.readsUntil && <p className={styles.muted}>{t('portal.closure.readsUntil', { date: new Date(family.closure.readsUntil).toLocaleDateString(locale) })}</p>}
        </section>
      )}

      <ButtonLink to={familyPaths.tab(family.id, 'view')} variant="primary" className={styles.big}>
        {ours ? t('portal.ourPlan') : t('portal.theirPlan')}
      </ButtonLink>
      <p>{t('portal.goals', { count: family.goalCount })}</p>

      <Sub>{t('portal.asked.title')}</Sub>
      {family.myAgreements.length === 0 ? (
        <p className={styles.muted}>{t('portal.asked.empty')}</p>
      ) : (
        <ul className={styles.asked}>
          {family.myAgreements.map((a) => (
            <li key={a.id} className={a.overdue ? `${styles.agreement} ${styles.late}` : styles.agreement}>
              <p className={styles.what}>{a.what}</p>
              <p>
                {a.dueDate ? t('portal.asked.due', { date: dateLabel(a.dueDate, locale) }) : t('portal.asked.noDate')}
                {a.overdue && (
                  <strong>
                    {' '}
                    <span aria-hidden="true">⚠️</span> {t('portal.asked.late')}
                  </strong>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}

      <UpcomingMeetings familyId={family.id} heading={Sub} />

      <Sub>{t('portal.call.title')}</Sub>
      {family.coaches.length === 0 ? (
        <p className={styles.muted}>{t('portal.call.empty')}</p>
      ) : (
        <ul className={styles.asked}>
          {family.coaches.map((c) => (
            <li key={`${c.name}-${c.email ?? ''}`} className={styles.agreement}>
              <p className={styles.what}>{c.name}</p>
              <p className={styles.muted}>{t('portal.call.coach')}</p>
              <ul className={styles.links}>
                {c.phone && (
                  <li>
                    <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>
                      <span aria-hidden="true">📞 </span>
                      {t('portal.call.phone', { name: c.name, phone: c.phone })}
                    </a>
                  </li>
                )}
                {c.email && (
                  <li>
                    <a href={`mailto:${c.email}`}>
                      <span aria-hidden="true">✉️ </span>
                      {t('portal.call.email', { name: c.name, email: c.email })}
                    </a>
                  </li>
                )}
              </ul>
            </li>
          ))}
        </ul>
      )}

      {family.reach === 'full' && (
        <ul className={styles.links} aria-label={t('portal.more', { name: family.displayName })}>
          <li>
            <Link to={familyPaths.tab(family.id, 'sharing')}>{t('portal.sharing')}</Link>
          </li>
          <li>
            <Link to={familyPaths.tab(family.id, 'access')}>{t('portal.accessLog')}</Link>
          </li>
          <li>
            <Link to={familyPaths.tab(family.id, 'members')}>{t('portal.members')}</Link>
          </li>
        </ul>
      )}
    </section>
  );
}
