import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RegistrationReceipt } from '../../../shared/schemas/registrations.ts';
import { useMe } from '../../app/session.ts';
import { paths } from '../../app/paths.ts';
import { isReferrer } from '../../app/permissions.ts';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useLocale } from '../../i18n/i18n.ts';
import { RegistrationForm } from './RegistrationForm.tsx';
import { formatDate } from './format.ts';
import styles from './Registrations.module.css';

/** The way in: public, and the same form for signed-in referrers (with their name and email filled in). */
export function RegisterPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [receipt, setReceipt] = useState<RegistrationReceipt | null>(null);
  const [round, setRound] = useState(0);

  if (receipt) {
    return (
      <Receipt
        receipt={receipt}
        showMine={Boolean(me.data && isReferrer(me.data))}
        onAnother={() => {
          setReceipt(null);
          setRound((n) => n + 1);
        }}
      />
    );
  }
  return (
    <div className={styles.registerPage}>
      <PageHeader title={t('register.title')} intro={t('register.intro')} />
      {me.isPending ? <Loading /> : <RegistrationForm key={`${me.data?.user.id ?? 'anonymous'}-${round}`} me={me.data ?? null} onDone={setReceipt} />}
      {!me.isPending && !me.data && (
        <p>
          {t('register.signInQuestion')} <Link to={paths.login}>{t('register.signIn')}</Link>
        </p>
      )}
    </div>
  );
}

function Receipt({ receipt, showMine, onAnother }: { receipt: RegistrationReceipt; showMine: boolean; onAnother: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  const title = receipt.kind === 'consultation' ? t('register.receipt.titleConsultation') : t('register.receipt.title');
  useDocumentTitle(title);
  useEffect(() => heading.current?.focus(), []);
  const { collaboration } = receipt;
  const due = formatDate(receipt.firstContactDueBy, locale);
  return (
    <div className={styles.registerPage}>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <div role="status" className={styles.receipt}>
        <p>{t('register.receipt.goesTo', { name: collaboration.name })}</p>
        <p>{receipt.kind === 'consultation' ? t('register.receipt.dueConsultation', { date: due }) : t('register.receipt.due', { date: due })}</p>
        {(collaboration.contactEmail || collaboration.contactPhone) && (
          <p>
            {t('register.receipt.contact')}{' '}
            {[collaboration.contactEmail, collaboration.contactPhone].filter(Boolean).join(' · ')}
          </p>
        )}
        <p>{t('register.receipt.email')}</p>
      </div>
      <div className={styles.actions}>
        <Button variant="primary" onPress={onAnother}>
          {t('register.receipt.another')}
        </Button>
        {showMine && <Link to={paths.myRegistrations}>{t('nav.myRegistrations')}</Link>}
      </div>
    </div>
  );
}
