import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AssignCoaches,
  FIRST_CONTACT_METHODS,
  FirstContact,
  RegistrationOutcome,
  type Registration,
} from '../../../shared/schemas/registrations.ts';
import { isApiError, type ApiResult } from '../../app/api.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { CheckboxGroupField } from '../../components/CheckboxGroupField.tsx';
import { RadioGroupField } from '../../components/RadioGroupField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import { formIds } from '../../components/form-ids.ts';
import formStyles from '../../components/Form.module.css';
import { useCoachOptions, useRegistrationAction, type RegistrationAction } from './queries.ts';
import { todayIso } from './format.ts';

interface ActionFormProps {
  collaborationId: string;
  loaded: ApiResult<Registration>;
  onDone: (message: string) => void;
  onCancel: () => void;
  /** Someone else changed the registration in between (412). */
  onStale: () => void;
}

/** Sends one change; a 412 goes to the page (reload), anything else stays in the form. */
function useSubmit(props: ActionFormProps, feedback: ReturnType<typeof useFormFeedback>) {
  const action = useRegistrationAction(props.collaborationId, props.loaded);
  const send = (body: RegistrationAction, message: string) =>
    action.mutate(body, {
      onSuccess: () => props.onDone(message),
      onError: (error) => {
        if (isApiError(error, 'precondition_failed') || isApiError(error, 'registration_state')) props.onStale();
        else feedback.showError(error);
      },
    });
  return { send, isPending: action.isPending };
}

function Actions({ isPending, submitLabel, onCancel }: { isPending: boolean; submitLabel: string; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className={formStyles.actions}>
      <Button type="submit" variant="primary" isPending={isPending}>
        {isPending ? t('common.saving') : submitLabel}
      </Button>
      <Button onPress={onCancel} isDisabled={isPending}>
        {t('common.cancel')}
      </Button>
    </div>
  );
}

const assignIds = formIds('assign');

export function AssignCoachesForm(props: ActionFormProps) {
  const { t } = useTranslation();
  const options = useCoachOptions(props.collaborationId);
  const [coachIds, setCoachIds] = useState<string[]>(props.loaded.data.coaches.map((c) => c.userId));
  const feedback = useFormFeedback(['coachIds']);
  const { send, isPending } = useSubmit(props, feedback);
  const labels: Record<string, string> = { coachIds: t('registrationDetail.assign.label') };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (isPending) return;
    const body = feedback.validate(AssignCoaches, { coachIds });
    if (!body) return;
    const names = (options.data ?? []).filter((c) => body.coachIds.includes(c.userId)).map((c) => c.name).join(', ');
    send({ kind: 'coaches', body }, t('registrationDetail.assign.done', { names }));
  };

  if (options.isPending) return <Loading />;
  if (options.isError) return <ErrorState error={options.error} onRetry={() => void options.refetch()} isRetrying={options.isFetching} />;
  return (
    <>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={(f) => labels[f] ?? f} idFor={assignIds} />
      <form noValidate onSubmit={onSubmit}>
        <CheckboxGroupField
          id={assignIds('coachIds')}
          label={labels.coachIds}
          description={t('registrationDetail.assign.hint')}
          value={coachIds}
          onChange={setCoachIds}
          error={feedback.fieldErrors.coachIds}
          options={options.data.map((c) => ({
            value: c.userId,
            label: (
              <>
                <span>{c.name}</span>
                <span className="visually-hidden">, </span>
                <span style={{ display: 'block', fontWeight: 400 }}>
                  {[c.partnerOrganisationName, t('registrationDetail.assign.openFamilies', { count: c.openFamilies })].filter(Boolean).join(' · ')}
                </span>
              </>
            ),
          }))}
        />
        <Actions isPending={isPending} submitLabel={t('registrationDetail.assign.submit')} onCancel={props.onCancel} />
      </form>
    </>
  );
}

const contactIds = formIds('first-contact');

export function FirstContactForm(props: ActionFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<{ date: string; method: string | null }>({ date: todayIso(), method: null });
  const feedback = useFormFeedback(['date', 'method']);
  const { send, isPending } = useSubmit(props, feedback);
  const labels: Record<string, string> = { date: t('registrationDetail.firstContact.date'), method: t('registrationDetail.firstContact.method') };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (isPending) return;
    const body = feedback.validate(FirstContact, { date: values.date, method: values.method ?? undefined });
    if (body) send({ kind: 'first-contact', body }, t('registrationDetail.firstContact.done'));
  };

  return (
    <>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={(f) => labels[f] ?? f} idFor={contactIds} />
      <form noValidate onSubmit={onSubmit}>
        <TextField id={contactIds('date')} label={labels.date} type="date" value={values.date} onChange={(date) => setValues((v) => ({ ...v, date }))} error={feedback.fieldErrors.date} />
        <RadioGroupField
          id={contactIds('method')}
          label={labels.method}
          value={values.method}
          onChange={(method) => setValues((v) => ({ ...v, method }))}
          error={feedback.fieldErrors.method}
          options={FIRST_CONTACT_METHODS.map((m) => ({ value: m, label: t(`firstContactMethods.${m}`) }))}
        />
        <Actions isPending={isPending} submitLabel={t('registrationDetail.firstContact.submit')} onCancel={props.onCancel} />
      </form>
    </>
  );
}

const outcomeIds = formIds('outcome');
type OutcomeKind = RegistrationOutcome['outcome'];

export function OutcomeForm(props: ActionFormProps) {
  const { t } = useTranslation();
  const choices: OutcomeKind[] = props.loaded.data.kind === 'consultation' ? ['consultation_answered', 'not_started'] : ['trajectory_started', 'not_started'];
  const [values, setValues] = useState({ outcome: choices[0] as OutcomeKind, note: '', reason: '', warmReferralTo: '' });
  const feedback = useFormFeedback(['outcome', 'note', 'reason', 'warmReferralTo']);
  const { send, isPending } = useSubmit(props, feedback);
  const labels: Record<string, string> = {
    outcome: t('registrationDetail.outcome.label'),
    note: t('registrationDetail.outcome.note'),
    reason: t('registrationDetail.outcome.reason'),
    warmReferralTo: t('registrationDetail.outcome.warmReferralTo'),
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (isPending) return;
    const input =
      values.outcome === 'not_started'
        ? { outcome: values.outcome, reason: values.reason, warmReferralTo: values.warmReferralTo }
        : values.outcome === 'consultation_answered'
          ? { outcome: values.outcome, note: values.note }
          : { outcome: values.outcome };
    const body = feedback.validate(RegistrationOutcome, input);
    if (body) send({ kind: 'outcome', body }, t(`registrationDetail.outcome.done.${body.outcome}`));
  };

  return (
    <>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={(f) => labels[f] ?? f} idFor={outcomeIds} />
      <form noValidate onSubmit={onSubmit}>
        <RadioGroupField
          id={outcomeIds('outcome')}
          label={labels.outcome}
          value={values.outcome}
          onChange={(outcome) => setValues((v) => ({ ...v, outcome: outcome as OutcomeKind }))}
          error={feedback.fieldErrors.outcome}
          options={choices.map((c) => ({ value: c, label: t(`registrationDetail.outcome.choices.${c}`), description: t(`registrationDetail.outcome.hints.${c}`) }))}
        />
        {values.outcome === 'consultation_answered' && (
          <TextAreaField id={outcomeIds('note')} label={labels.note} optional value={values.note} onChange={(note) => setValues((v) => ({ ...v, note }))} error={feedback.fieldErrors.note} maxLength={2000} rows={3} />
        )}
        {values.outcome === 'not_started' && (
          <>
            <TextAreaField id={outcomeIds('reason')} label={labels.reason} value={values.reason} onChange={(reason) => setValues((v) => ({ ...v, reason }))} error={feedback.fieldErrors.reason} maxLength={2000} rows={3} />
            <TextField
              id={outcomeIds('warmReferralTo')}
              label={labels.warmReferralTo}
              description={t('registrationDetail.outcome.warmReferralHint')}
              optional
              value={values.warmReferralTo}
              onChange={(warmReferralTo) => setValues((v) => ({ ...v, warmReferralTo }))}
              error={feedback.fieldErrors.warmReferralTo}
              maxLength={200}
            />
          </>
        )}
        <Actions isPending={isPending} submitLabel={t('registrationDetail.outcome.submit')} onCancel={props.onCancel} />
      </form>
    </>
  );
}
