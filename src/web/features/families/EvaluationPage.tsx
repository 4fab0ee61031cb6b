import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EVALUATION_DECISIONS, type EvaluationDecision } from '../../../shared/plan-constants.ts';
import { EvaluationInput } from '../../../shared/schemas/plan.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { formIds } from '../../components/form-ids.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RadioGroupField } from '../../components/RadioGroupField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useLocale } from '../../i18n/i18n.ts';
import { domainOf, domainsInOrder } from './plan-format.ts';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import formStyles from '../../components/Form.module.css';
import { useFamilyContext } from './FamilyLayout.tsx';
import { usePlan, useCreateEvaluation } from './queries.ts';
import styles from './Family.module.css';
import { brusselsDay } from '../../../shared/brussels-day.ts';

interface GoalReview { wentWell: string; gotStuck: string; decision: EvaluationDecision; newText: string }
const today = () => brusselsDay();

/** Looking back together: per goal what went well, what got stuck, and how it goes on. Saves a version. */
export function EvaluationPage() {
  const { t } = useTranslation();
  const family = useFamilyContext();
  const plan = usePlan(family.id);
  const create = useCreateEvaluation(family.id);
  const idFor = formIds('evaluation');
  const feedback = useFormFeedback(['heldOn', 'summary', 'goals', 'goals.*', 'newGoals.*']);
  const locale = useLocale();
  const [newGoals, setNewGoals] = useState<{ text: string; lifeDomainId: string | null }[]>([]);
  const [heldOn, setHeldOn] = useState(today);
  const [summary, setSummary] = useState('');
  const [reviews, setReviews] = useState<Record<string, GoalReview>>({});
  const [done, setDone] = useState(false);
  if (plan.isPending) return <Loading />;
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} isRetrying={plan.isFetching} />;
  const goals = plan.data.goals.filter((g) => g.status === 'active');
  const reviewOf = (id: string): GoalReview => reviews[id] ?? { wentWell: '', gotStuck: '', decision: 'continue', newText: '' };
  const setReview = (id: string, patch: Partial<GoalReview>) => setReviews((r) => ({ ...r, [id]: { ...reviewOf(id), ...patch } }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const body = feedback.validate(EvaluationInput, {
      heldOn, summary,
      newGoals: newGoals.filter((g) => g.text.trim()).map((g) => ({ text: g.text, lifeDomainId: g.lifeDomainId, memberIds: [], isPrivate: false, status: 'active' })),
      goals: goals.map((g) => ({ goalId: g.id, ...reviewOf(g.id), newText: reviewOf(g.id).decision === 'change' ? reviewOf(g.id).newText : null })),
    });
    if (body) create.mutate(body, { onSuccess: () => { setDone(true); setReviews({}); setSummary(''); setNewGoals([]); }, onError: feedback.showError });
  };

  return (
    <>
      <PageHeader title={t('families.evaluation.title')} context={plan.data.displayName} intro={t('families.evaluation.intro')} />
      {done && <Alert tone="success">{t('families.evaluation.done')}</Alert>}
      {goals.length === 0 ? <p>{t('families.evaluation.noGoals')}</p> : (
        <>
          <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={(f) => f} idFor={idFor} />
          <form noValidate onSubmit={onSubmit} className={formStyles.form}>
            <TextField id={idFor('heldOn')} label={t('families.evaluation.heldOn')} type="date" value={heldOn} onChange={setHeldOn} error={feedback.fieldErrors.heldOn} />
            {goals.map((g, index) => (
              <fieldset key={g.id} className={formStyles.section}>
                <legend className={formStyles.legend}>{g.text}</legend>
                <TextAreaField id={idFor(`goals.${index}.wentWell`)} label={t('families.evaluation.wentWell')} optional rows={2} value={reviewOf(g.id).wentWell} onChange={(wentWell) => setReview(g.id, { wentWell })} />
                <TextAreaField id={idFor(`goals.${index}.gotStuck`)} label={t('families.evaluation.gotStuck')} optional rows={2} value={reviewOf(g.id).gotStuck} onChange={(gotStuck) => setReview(g.id, { gotStuck })} />
                <RadioGroupField id={idFor(`goals.${index}.decision`)} label={t('families.evaluation.decision')} value={reviewOf(g.id).decision}
                  onChange={(decision) => setReview(g.id, { decision: decision as EvaluationDecision })}
                  options={EVALUATION_DECISIONS.map((d) => ({ value: d, label: t(`families.decision.${d}`) }))} />
                {reviewOf(g.id).decision === 'change' && (
                  <TextAreaField id={idFor(`goals.${index}.newText`)} label={t('families.evaluation.newText')} rows={2} value={reviewOf(g.id).newText} onChange={(newText) => setReview(g.id, { newText })} error={feedback.fieldErrors[`goals.${index}.newText`]} />
                )}
              </fieldset>
            ))}
            <fieldset className={formStyles.section}>
              <legend className={formStyles.legend}>{t('families.evaluation.newGoals')}</legend>
              {newGoals.map((g, index) => (
                <div key={index}>
                  <TextAreaField id={idFor(`newGoals.${index}.text`)} label={t('families.evaluation.newGoal', { n: index + 1 })} rows={2} value={g.text}
                    onChange={(text) => setNewGoals((all) => all.map((x, i) => (i === index ? { ...x, text } : x)))} error={feedback.fieldErrors[`newGoals.${index}.text`]} />
                  <SelectField id={idFor(`newGoals.${index}.lifeDomainId`)} label={t('families.item.lifeDomainId')} value={g.lifeDomainId} error={feedback.fieldErrors[`newGoals.${index}.lifeDomainId`]}
                    onChange={(lifeDomainId) => setNewGoals((all) => all.map((x, i) => (i === index ? { ...x, lifeDomainId } : x)))}
                    options={domainsInOrder(plan.data).map((d) => ({ value: d.id, label: domainOf(plan.data, d.id, locale)!.label, icon: domainOf(plan.data, d.id, locale)!.symbol }))} />
                </div>
              ))}
              <Button onPress={() => setNewGoals((all) => [...all, { text: '', lifeDomainId: null }])}>{t('families.evaluation.addNewGoal')}</Button>
            </fieldset>
            <TextAreaField id={idFor('summary')} label={t('families.evaluation.summary')} optional rows={3} value={summary} onChange={setSummary} />
            <div className={formStyles.actions}><Button type="submit" variant="primary" isPending={create.isPending}>{t('families.evaluation.submit')}</Button></div>
          </form>
        </>
      )}
      {plan.data.evaluations.length > 0 && (
        <section className={styles.section}>
          <h2>{t('families.evaluation.earlier')}</h2>
          <ul className={styles.items}>
            {plan.data.evaluations.map((e) => (
              <li key={e.id} className={styles.item}>
                <p><strong>{e.heldOn}</strong>{e.summary ? ` – ${e.summary}` : ''}</p>
                <ul>{e.goals.map((g) => <li key={g.goalId}>{g.goalText}: {t(`families.decision.${g.decision}`)}</li>)}</ul>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
