import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BreakGlassReview, type BreakGlassGrant } from '../../../shared/schemas/break-glass.ts';
import { isApiError } from '../../app/api.ts';
import { Alert } from '../../components/Alert.tsx';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { formIds } from '../../components/form-ids.ts';
import { RadioGroupField } from '../../components/RadioGroupField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import formStyles from '../../components/Form.module.css';
import { useLocale } from '../../i18n/i18n.ts';
import { dateLabel, timeLabel } from '../sharing/sharing-format.ts';
import { useReviewBreakGlass } from './queries.ts';
import styles from './BreakGlass.module.css';

const FIELDS = ['status', 'note'];
const when = (iso: string, locale: string) => `${dateLabel(iso, locale)} ${timeLabel(iso, locale)}`;

/** One use of emergency access: who, which file, why, how long, and the reviewer's judgement. */
interface GrantReviewProps {
  grant: BreakGlassGrant;
  collaborationId: string;
  /** Nobody judges their own use (the server refuses it too). */
  isOwn: boolean;
  onReviewed: (grant: BreakGlassGrant) => void;
}

export function GrantReview({ grant, collaborationId, isOwn, onReviewed }: GrantReviewProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [editing, setEditing] = useState(grant.reviewStatus === 'pending');
  const headingId = `grant-${grant.id}`;
  const family = grant.familyName ?? t('breakGlass.review.familyById', { id: grant.familyId.slice(0, 8) });
  return (
    <article aria-labelledby={headingId} className={styles.card}>
      <h3 id={headingId}>{t('breakGlass.review.cardTitle', { person: grant.userName, family })}</h3>
      <p className={styles.meta}>
        {t(`breakGlass.review.role.${grant.role}`)} · {t('breakGlass.review.period', { from: when(grant.startedAt, locale), to: when(grant.endedAt ?? grant.endsAt, locale) })}
        {grant.endedAt && <> · {t('breakGlass.review.endedEarly')}</>}
      </p>
      <p><strong>{t('breakGlass.review.reason')}</strong> {grant.reason}</p>
      <p>
        <Badge tone={grant.reviewStatus === 'not_justified' ? 'warning' : grant.reviewStatus === 'pending' ? 'neutral' : 'muted'}>
          {t(`breakGlass.review.status.${grant.reviewStatus}`)}
        </Badge>
        {grant.reviewerName && grant.reviewedAt && <> {t('breakGlass.review.judgedBy', { name: grant.reviewerName, when: when(grant.reviewedAt, locale) })}</>}
      </p>
      {grant.reviewNote && <p><strong>{t('breakGlass.review.note')}:</strong> {grant.reviewNote}</p>}
      {isOwn ? <p>{t('breakGlass.review.own')}</p> : editing
        ? <ReviewForm grant={grant} collaborationId={collaborationId} onDone={(result) => {
          setEditing(false);
          onReviewed(result);
        }} />
        : <Button onPress={() => setEditing(true)}>{t('breakGlass.review.change')}</Button>}
    </article>
  );
}

function ReviewForm({ grant, collaborationId, onDone }: { grant: BreakGlassGrant; collaborationId: string; onDone: (result: BreakGlassGrant) => void }) {
  const { t } = useTranslation();
  const idFor = formIds(`review-${grant.id}`);
  const [status, setStatus] = useState<string | null>(grant.reviewStatus === 'pending' ? null : grant.reviewStatus);
  const [note, setNote] = useState(grant.reviewNote ?? '');
  const [stale, setStale] = useState(false);
  const feedback = useFormFeedback(FIELDS);
  const review = useReviewBreakGlass(collaborationId);
  const labelFor = (field: string) => (field === 'status' ? t('breakGlass.review.verdict') : t('breakGlass.review.note'));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = feedback.validate(BreakGlassReview, { status: status ?? undefined, note });
    if (!body) return;
    setStale(false);
    review.mutate({ grant, review: body }, {
      onSuccess: onDone,
      onError: (error) => (isApiError(error, 'precondition_failed') ? setStale(true) : feedback.showError(error)),
    });
  };

  return (
    <>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={labelFor} idFor={idFor} />
      {stale && <Alert tone="error">{t('breakGlass.review.stale')}</Alert>}
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <RadioGroupField
          id={idFor('status')}
          label={t('breakGlass.review.verdict')}
          value={status}
          onChange={setStatus}
          error={feedback.fieldErrors.status}
          options={[
            { value: 'justified', label: t('breakGlass.review.status.justified') },
            { value: 'not_justified', label: t('breakGlass.review.status.not_justified') },
          ]}
        />
        <TextAreaField id={idFor('note')} label={t('breakGlass.review.note')} description={t('breakGlass.review.noteHint')} value={note} onChange={setNote} error={feedback.fieldErrors.note} rows={3} />
        <div className={formStyles.actions}>
          <Button type="submit" variant="primary" isPending={review.isPending}>{t('breakGlass.review.save')}</Button>
        </div>
      </form>
    </>
  );
}
