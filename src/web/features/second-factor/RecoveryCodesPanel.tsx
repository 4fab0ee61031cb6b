import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import styles from './SecondFactor.module.css';

/** The ten recovery codes, shown this once: copy, download or print them, then say they are kept. */
export function RecoveryCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState(false);
  const text = codes.join('\n');
  const download = () => {
    const url = URL.createObjectURL(new Blob([`${t('secondFactor.codes.fileTitle')}\n\n${text}\n`], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'gezinsplan-herstelcodes.txt';
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <section aria-labelledby="recovery-codes-title" className={styles.section}>
      <h2 id="recovery-codes-title">{t('secondFactor.codes.title')}</h2>
      <p>{t('secondFactor.codes.intro')}</p>
      <ul className={styles.codes} aria-label={t('secondFactor.codes.title')} data-testid="recovery-codes">
        {codes.map((c) => <li key={c}>{c}</li>)}
      </ul>
      <div className={`${styles.row} ${styles.noPrint}`}>
        <Button onPress={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true))}>{t('secondFactor.codes.copy')}</Button>
        <Button onPress={download}>{t('secondFactor.codes.download')}</Button>
        <Button onPress={() => window.print()}>{t('secondFactor.codes.print')}</Button>
      </div>
      {copied && <Alert tone="success">{t('secondFactor.codes.copied')}</Alert>}
      <div className={styles.noPrint}>
        <CheckboxField id="recovery-codes-saved" label={t('secondFactor.codes.saved')} checked={saved} onChange={setSaved} />
        <div className={styles.row}>
          <Button variant="primary" isDisabled={!saved} onPress={onDone}>{t('secondFactor.codes.continue')}</Button>
        </div>
      </div>
    </section>
  );
}
