import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { brusselsDay } from '../../../shared/brussels-day.ts';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { errorText } from '../../components/error-text.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { dateLabel, timeLabel } from '../sharing/sharing-format.ts';
import { useEndBreakGlass } from './queries.ts';
import styles from './BreakGlass.module.css';

/** "14:30", or "8 december 2026, 09:15" when it ends on another day than today (uses last up to 24 hours). */
export function untilLabel(endsAt: string, locale: string, now = new Date()): string {
  const time = timeLabel(endsAt, locale);
  return brusselsDay(endsAt) === brusselsDay(now.toISOString()) ? time : `${dateLabel(endsAt, locale)}, ${time}`;
}

/**
 * On every page of a family opened with emergency access: until when, the reason given, and a way
 * to stop now. It is a landmark of its own, so it is found and read before the page.
 */
export function EmergencyBanner({ familyId, emergency }: { familyId: string; emergency: { endsAt: string; reason: string } }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [confirming, setConfirming] = useState(false);
  const end = useEndBreakGlass(familyId);
  return (
    <aside aria-labelledby="emergency-banner-title" className={styles.banner}>
      <p id="emergency-banner-title" className={styles.bannerTitle}>
        {t('breakGlass.banner.until', { time: untilLabel(emergency.endsAt, locale) })}
      </p>
      <p className={styles.bannerReason}>{t('breakGlass.banner.reason', { reason: emergency.reason })}</p>
      <p>{t('breakGlass.banner.readOnly')}</p>
      <Button variant="secondary" onPress={() => setConfirming(true)}>{t('breakGlass.banner.end')}</Button>
      <ConfirmDialog
        isOpen={confirming}
        title={t('breakGlass.banner.endTitle')}
        confirmLabel={t('breakGlass.banner.endConfirm')}
        tone="primary"
        onConfirm={() => end.mutate(undefined, { onSuccess: () => setConfirming(false) })}
        onCancel={() => {
          setConfirming(false);
          end.reset();
        }}
        isPending={end.isPending}
        error={end.isError ? errorText(end.error, t) : null}
      >
        <p>{t('breakGlass.banner.endBody')}</p>
      </ConfirmDialog>
    </aside>
  );
}
