import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { errorText } from '../../components/error-text.ts';
import { useFeedInfo, useMakeFeed, useStopFeed } from './queries.ts';
import styles from '../meetings/Meetings.module.css';

/**
 * The private calendar address: made, copied, renewed or stopped here. Only its hash is kept, so
 * the address is shown once, right after it is made; renewing gives a new one and stops the old.
 */
export function FeedSettings() {
  const { t } = useTranslation();
  const info = useFeedInfo();
  const make = useMakeFeed();
  const stop = useStopFeed();
  const [copied, setCopied] = useState(false);
  const [confirmStop, setConfirmStop] = useState(false);
  const url = make.data?.url ?? null;
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <section aria-labelledby="feed-title">
      <h2 id="feed-title">{t('agenda.feed.title')}</h2>
      <p>{t('agenda.feed.intro')}</p>
      {url ? (
        <>
          <p id="feed-url-label">{t('agenda.feed.yourUrl')}</p>
          <p className={styles.feedUrl} aria-labelledby="feed-url-label" data-testid="feed-url">{url}</p>
          <Button variant="primary" onPress={() => void copy()}>{t('agenda.feed.copy')}</Button>
          {copied && <Alert tone="success">{t('agenda.feed.copied')}</Alert>}
          <Alert tone="warning">{t('agenda.feed.secret')}</Alert>
        </>
      ) : info.data?.active ? (
        <p>{t('agenda.feed.active')}</p>
      ) : (
        <p>{t('agenda.feed.none')}</p>
      )}
      <div className={styles.replies}>
        <Button variant={url ? 'secondary' : 'primary'} onPress={() => make.mutate()} isPending={make.isPending}>
          {info.data?.active || url ? t('agenda.feed.renew') : t('agenda.feed.make')}
        </Button>
        {(info.data?.active || url) && <Button variant="danger" onPress={() => setConfirmStop(true)}>{t('agenda.feed.stop')}</Button>}
      </div>
      {make.isError && <Alert tone="error">{errorText(make.error, t)}</Alert>}
      <h3>{t('agenda.feed.howTitle')}</h3>
      <ol>
        <li>{t('agenda.feed.how1')}</li>
        <li>{t('agenda.feed.how2')}</li>
        <li>{t('agenda.feed.how3')}</li>
      </ol>
      <p>{t('agenda.feed.howApps')}</p>
      <ConfirmDialog isOpen={confirmStop} onCancel={() => setConfirmStop(false)} title={t('agenda.feed.stopTitle')} tone="danger" isPending={stop.isPending}
        confirmLabel={t('agenda.feed.stop')} onConfirm={() => { stop.mutate(undefined, { onSuccess: () => { make.reset(); setConfirmStop(false); } }); }}>
        {t('agenda.feed.stopText')}
      </ConfirmDialog>
    </section>
  );
}
