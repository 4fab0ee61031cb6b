import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Family } from '../../../shared/schemas/families.ts';
import { PriorInvolvementInput, type PriorInvolvement } from '../../../shared/schemas/sharing.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { errorText } from '../../components/error-text.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { formIds } from '../../components/form-ids.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import formStyles from '../../components/Form.module.css';
import { useLocale } from '../../i18n/i18n.ts';
import { useDeclarePrior, usePriorInvolvements, useRecordsDecision } from './queries.ts';
import { dateLabel } from './sharing-format.ts';
import familyStyles from '../families/Family.module.css';

/**
 * A coach who knew the family from their own organisation says so; nothing from that organisation's
 * records comes into the file unless a parent says yes.
 */
export function PriorInvolvementSection({ family }: { family: Family }) {
  const { t } = useTranslation();
  const priors = usePriorInvolvements(family.id, family.reach === 'full');
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState('');
  const isCoach = family.myRole === 'coach';
  if (family.reach !== 'full') return null;
  return (
    <section className={familyStyles.section} aria-labelledby="prior">
      <div className={familyStyles.sectionHead}>
        <h2 id="prior">{t('prior.title')}</h2>
        {isCoach && <Button onPress={() => setOpen(true)}>{t('prior.declare')}</Button>}
      </div>
      <p>{t('prior.intro')}</p>
      {done && <Alert tone="success">{done}</Alert>}
      {priors.isPending && <Loading />}
      {priors.isError && <ErrorState error={priors.error} onRetry={() => void priors.refetch()} isRetrying={priors.isFetching} />}
      {priors.data?.length === 0 && <p className={familyStyles.muted}>{t('prior.empty')}</p>}
      <ul className={familyStyles.items}>
        {priors.data?.map((p) => (
          <li key={p.id} className={familyStyles.item}>
            <PriorCard familyId={family.id} prior={p} mayDecide={family.myRole === 'parent'} />
          </li>
        ))}
      </ul>
      <FormDialog isOpen={open} onClose={() => setOpen(false)} title={t('prior.declare')}>
        <PriorForm familyId={family.id} onCancel={() => setOpen(false)} onDone={() => { setOpen(false); setDone(t('prior.saved')); }} />
      </FormDialog>
    </section>
  );
}

function PriorCard({ familyId, prior, mayDecide }: { familyId: string; prior: PriorInvolvement; mayDecide: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const decide = useRecordsDecision(familyId);
  return (
    <>
      <p className={familyStyles.itemText}>{t('prior.knew', { coach: prior.coachName, organisation: prior.organisationName })}</p>
      <p>{prior.description}</p>
      <p className={familyStyles.meta}>{t('prior.declaredOn', { date: dateLabel(prior.declaredAt, locale) })}</p>
      {prior.recordsConsent === 'not_asked' && <p>{t('prior.records.notAsked', { organisation: prior.organisationName })}</p>}
      {prior.recordsConsent === 'asked' && (
        <>
          <p><strong>{t('prior.records.asked', { coach: prior.coachName, organisation: prior.organisationName })}</strong></p>
          {decide.isError && <Alert tone="error">{errorText(decide.error, t)}</Alert>}
          {mayDecide ? (
            <div className={familyStyles.itemActions}>
              <Button variant="primary" isPending={decide.isPending && decide.variables.decision === 'given'} onPress={() => decide.mutate({ prior, decision: 'given' })}>
                {t('prior.records.yes')}
              </Button>
              <Button isPending={decide.isPending && decide.variables.decision === 'refused'} onPress={() => decide.mutate({ prior, decision: 'refused' })}>
                {t('prior.records.no')}
              </Button>
            </div>
          ) : (
            <p className={familyStyles.muted}>{t('prior.records.waiting')}</p>
          )}
        </>
      )}
      {(prior.recordsConsent === 'given' || prior.recordsConsent === 'refused') && (
        <p>
          <strong>{prior.recordsConsent === 'given' ? t('prior.records.given', { organisation: prior.organisationName }) : t('prior.records.refused', { organisation: prior.organisationName })}</strong>
          {prior.decidedByName && prior.decidedAt && <> {t('prior.records.decidedBy', { name: prior.decidedByName, date: dateLabel(prior.decidedAt, locale) })}</>}
        </p>
      )}
    </>
  );
}

const idFor = formIds('prior');
const FIELDS = ['organisationName', 'description', 'askRecords'] as const;

function PriorForm({ familyId, onDone, onCancel }: { familyId: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ organisationName: '', description: '', askRecords: false });
  const feedback = useFormFeedback(FIELDS);
  const declare = useDeclarePrior(familyId);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (declare.isPending) return;
    const body = feedback.validate(PriorInvolvementInput, v);
    if (body) declare.mutate(body, { onSuccess: onDone, onError: feedback.showError });
  };
  const label = (field: string) => t(`prior.fields.${field as (typeof FIELDS)[number]}`);
  return (
    <>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={label} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <TextField id={idFor('organisationName')} label={label('organisationName')} value={v.organisationName} onChange={(organisationName) => setV({ ...v, organisationName })} error={feedback.fieldErrors.organisationName} />
        <TextAreaField
          id={idFor('description')}
          label={label('description')}
          description={t('prior.descriptionHint')}
          value={v.description}
          onChange={(description) => setV({ ...v, description })}
          error={feedback.fieldErrors.description}
        />
        <CheckboxField
          id={idFor('askRecords')}
          label={label('askRecords')}
          description={t('prior.askRecordsHint')}
          checked={v.askRecords}
          onChange={(askRecords) => setV({ ...v, askRecords })}
          error={feedback.fieldErrors.askRecords}
        />
        <div className={formStyles.actions}>
          <Button type="submit" variant="primary" isPending={declare.isPending}>{t('common.save')}</Button>
          <Button onPress={onCancel}>{t('common.cancel')}</Button>
        </div>
      </form>
    </>
  );
}
