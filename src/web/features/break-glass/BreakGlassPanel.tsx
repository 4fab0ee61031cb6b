import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BREAK_GLASS_REASON_MAX, BREAK_GLASS_REASON_MIN } from '../../../shared/break-glass-constants.ts';
import { BreakGlassOpen } from '../../../shared/schemas/break-glass.ts';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { errorText } from '../../components/error-text.ts';
import { formIds } from '../../components/form-ids.ts';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import formStyles from '../../components/Form.module.css';
import { useOpenBreakGlass } from './queries.ts';
import styles from './BreakGlass.module.css';

const idFor = formIds('break-glass');
const FIELDS = ['reason'];

interface BreakGlassPanelProps {
  familyId: string;
  /** The family's name when the asker may know it (a coordinator); null for a file they cannot see at all. */
  familyName: string | null;
  /** How long one use lasts in this collaboration; null when not known (then the text says "a few hours"). */
  hours: number | null;
}

/**
 * Emergency access for someone outside the family's circle: what happens, why it must be stated,
 * and a confirmation before the file opens. The server decides whether it may.
 */
export function BreakGlassPanel({ familyId, familyName, hours }: BreakGlassPanelProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const feedback = useFormFeedback(FIELDS);
  const open = useOpenBreakGlass(familyId);
  const length = reason.trim().length;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (feedback.validate(BreakGlassOpen, { reason })) setConfirming(true);
  };

  const onConfirm = () => {
    open.mutate(reason, { onError: () => undefined });
  };

  return (
    <section aria-labelledby="break-glass-title" className={styles.panel}>
      <h2 id="break-glass-title">{t('breakGlass.open.title')}</h2>
      <p>{t('breakGlass.open.intro')}</p>
      <ul className={styles.facts}>
        <li>{hours ? t('breakGlass.open.factHours', { count: hours }) : t('breakGlass.open.factHoursUnknown')}</li>
        <li>{t('breakGlass.open.factLogged')}</li>
        <li>{t('breakGlass.open.factParents')}</li>
        <li>{t('breakGlass.open.factReview')}</li>
        <li>{t('breakGlass.open.factPrivate')}</li>
      </ul>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={() => t('breakGlass.open.reason')} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <TextAreaField
          id={idFor('reason')}
          label={t('breakGlass.open.reason')}
          description={t('breakGlass.open.reasonHint', { min: BREAK_GLASS_REASON_MIN, typed: length })}
          value={reason}
          onChange={(value) => {
            setReason(value);
            open.reset();
          }}
          error={feedback.fieldErrors.reason}
          maxLength={BREAK_GLASS_REASON_MAX}
        />
        <div className={formStyles.actions}>
          <Button type="submit" variant="danger">{t('breakGlass.open.submit')}</Button>
        </div>
      </form>
      <ConfirmDialog
        isOpen={confirming}
        title={t('breakGlass.open.confirmTitle')}
        confirmLabel={t('breakGlass.open.confirm')}
        onConfirm={onConfirm}
        onCancel={() => {
          setConfirming(false);
          open.reset();
        }}
        isPending={open.isPending}
        error={open.isError ? errorText(open.error, t) : null}
      >
        <p>{familyName ? t('breakGlass.open.confirmBodyNamed', { name: familyName }) : t('breakGlass.open.confirmBody')}</p>
        <p>{t('breakGlass.open.confirmReason')}</p>
        <blockquote className={styles.reason}>{reason.trim()}</blockquote>
      </ConfirmDialog>
    </section>
  );
}
