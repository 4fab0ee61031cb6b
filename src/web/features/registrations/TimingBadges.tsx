import { useTranslation } from 'react-i18next';
import type { RegistrationSummary } from '../../../shared/schemas/registrations.ts';
import { Badge } from '../../components/Badge.tsx';
import styles from './Registrations.module.css';

/** What needs attention, in words (not only colour): urgent, close to the limit, past it, or only a question. */
export function TimingBadges({ registration: r }: { registration: RegistrationSummary }) {
  const { t } = useTranslation();
  const open = r.status === 'new' || r.status === 'first_contact';
  const waiting = open && !r.firstContactAt;
  return (
    <span className={styles.badges}>
      {waiting && r.timing === 'overdue' && <span className={styles.overdueBadge}>{t('registrations.timing.overdue')}</span>}
      {waiting && r.timing === 'warning' && <Badge tone="warning">{t('registrations.timing.warning')}</Badge>}
      {r.urgent && <Badge tone="warning">{t('registrations.urgent')}</Badge>}
      {r.kind === 'consultation' && <Badge tone="role">{t('registrations.consultation')}</Badge>}
    </span>
  );
}
