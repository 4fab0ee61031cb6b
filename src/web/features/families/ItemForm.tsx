import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GOAL_STATUSES, type PlanItemKind } from '../../../shared/plan-constants.ts';
import { MEMBER_ROLES } from '../../../shared/roles.ts';
import { GoalInput, QuestionInput, StrengthInput, type Plan, type PlanItem } from '../../../shared/schemas/plan.ts';
import { isApiError } from '../../app/api.ts';
import { Button } from '../../components/Button.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { CheckboxGroupField } from '../../components/CheckboxGroupField.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { formIds } from '../../components/form-ids.ts';
import { RadioGroupField } from '../../components/RadioGroupField.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import formStyles from '../../components/Form.module.css';
import { useLocale } from '../../i18n/i18n.ts';
import { domainOf, domainsInOrder, faceOf } from './plan-format.ts';
import { fetchItem, useSaveItem } from './queries.ts';
import styles from './Family.module.css';

const SCHEMAS = { question: QuestionInput, strength: StrengthInput, worry: StrengthInput, goal: GoalInput } as const;
const FIELDS = ['text', 'lifeDomainId', 'memberIds', 'size', 'whyItMatters', 'targetDate', 'progress', 'status', 'onBehalfOfParticipantId'];
const ME = 'me';

interface Values {
  text: string; lifeDomainId: string | null; memberIds: string[]; size: string | null; whyItMatters: string;
  targetDate: string; progress: string | null; status: string; isPrivate: boolean; onBehalfOf: string;
}

const valuesOf = (item: PlanItem | null): Values => ({
  text: item?.text ?? '', lifeDomainId: item?.lifeDomainId ?? null, memberIds: item?.memberIds ?? [], size: item?.size ? String(item.size) : null,
  whyItMatters: item?.whyItMatters ?? '', targetDate: item?.targetDate ?? '', progress: item?.progress ? String(item.progress) : null,
  status: item?.status ?? 'active', isPrivate: item?.isPrivate ?? false, onBehalfOf: ME,
});

interface ItemFormProps {
  familyId: string;
  plan: Plan;
  kind: PlanItemKind;
  item: PlanItem | null;
  /** Coaches may write down what a family member says, on their behalf. */
  canActOnBehalf: boolean;
  /**
   * For someone outside the family who may "also add": only these life domains (preselected when
   * there is one), and nothing private (the family reads what they write).
   */
  lifeDomainIds?: readonly string[] | undefined;
  onDone: (item: PlanItem) => void;
  onCancel: () => void;
}

/**
 * Adds or changes one item of the plan. When someone else saved the same item in the meantime
 * (412), it shows their newer text beside this one and lets the person choose or combine: nothing
 * is overwritten silently.
 */
export function ItemForm({ familyId, plan, kind, item, canActOnBehalf, lifeDomainIds, onDone, onCancel }: ItemFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const idFor = formIds(`item-${kind}`);
  const [values, setValues] = useState(() => {
    const start = valuesOf(item);
    return !item && lifeDomainIds?.length === 1 ? { ...start, lifeDomainId: lifeDomainIds[0]! } : start;
  });
  const domains = domainsInOrder(plan).filter((d) => !lifeDomainIds || lifeDomainIds.includes(d.id));
  const [base, setBase] = useState(item);
  const [newer, setNewer] = useState<PlanItem | null>(null);
  const feedback = useFormFeedback(FIELDS);
  const save = useSaveItem(familyId, kind);
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));
  const labelFor = (field: string) => t(`families.item.${field}` as 'families.item.text', { defaultValue: field });
  const members = plan.participants.filter((p) => (MEMBER_ROLES as readonly string[]).includes(p.role));
  const sized = kind === 'strength' || kind === 'worry';

  const submit = (against: PlanItem | null) => {
    const body = feedback.validate(SCHEMAS[kind], {
      text: values.text, memberIds: values.memberIds, isPrivate: values.isPrivate,
      ...(values.lifeDomainId || kind !== 'question' ? { lifeDomainId: values.lifeDomainId } : {}),
      ...(sized && { size: values.size ? Number(values.size) : null }),
      ...(kind === 'goal' && { whyItMatters: values.whyItMatters, targetDate: values.targetDate || null, progress: values.progress ? Number(values.progress) : null, status: values.status }),
      ...(values.onBehalfOf !== ME && { onBehalfOfParticipantId: values.onBehalfOf }),
    });
    if (!body) return;
    save.mutate({ item: against, body }, {
      onSuccess: ({ data }) => onDone(data),
      onError: (error) => {
        if (against && isApiError(error, 'precondition_failed')) void fetchItem(familyId, kind, against.id).then(setNewer, feedback.showError);
        else feedback.showError(error);
      },
    });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!save.isPending) submit(base);
  };

  return (
    <>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={labelFor} idFor={idFor} />
      {newer && (
        <div className={styles.merge} role="alert">
          <p><strong>{t('families.merge.title', { name: newer.authorName ?? '' })}</strong></p>
          <div className={styles.newer}>
            <p className={styles.muted}>{t('families.merge.theirs')}</p>
            <p>{newer.text}</p>
          </div>
          <p>{t('families.merge.explain')}</p>
          <div className={formStyles.actions}>
            <Button variant="primary" onPress={() => { setBase(newer); setNewer(null); submit(newer); }}>{t('families.merge.keepMine')}</Button>
            <Button onPress={() => { setBase(newer); setValues({ ...valuesOf(newer), onBehalfOf: values.onBehalfOf }); setNewer(null); }}>{t('families.merge.takeTheirs')}</Button>
          </div>
        </div>
      )}
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <TextAreaField id={idFor('text')} label={t(`families.item.textOf.${kind}`)} description={t('families.item.textHint')} value={values.text} onChange={(text) => set({ text })} error={feedback.fieldErrors.text} maxLength={2000} rows={3} />
        <SelectField
          id={idFor('lifeDomainId')} label={labelFor('lifeDomainId')} value={values.lifeDomainId} onChange={(lifeDomainId) => set({ lifeDomainId })} error={feedback.fieldErrors.lifeDomainId}
          options={domains.map((d) => ({ value: d.id, label: domainOf(plan, d.id, locale)!.label, icon: domainOf(plan, d.id, locale)!.symbol }))}
        />
        {members.length > 0 && (
          <CheckboxGroupField id={idFor('memberIds')} label={t(`families.item.membersOf.${kind}`)} value={values.memberIds} onChange={(memberIds) => set({ memberIds })} error={feedback.fieldErrors.memberIds} options={members.map((m) => ({ value: m.id, label: m.displayName }))} />
        )}
        {sized && (
          <RadioGroupField id={idFor('size')} label={t(`families.item.sizeOf.${kind}`)} value={values.size} onChange={(size) => set({ size })} error={feedback.fieldErrors.size}
            options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`families.scale.${kind === 'worry' ? 'worry' : 'strength'}.${n}` as 'families.scale.worry.1') }))} />
        )}
        {kind === 'goal' && (
          <>
            <TextAreaField id={idFor('whyItMatters')} label={labelFor('whyItMatters')} optional value={values.whyItMatters} onChange={(whyItMatters) => set({ whyItMatters })} error={feedback.fieldErrors.whyItMatters} rows={2} />
            <TextField id={idFor('targetDate')} label={labelFor('targetDate')} optional type="date" value={values.targetDate} onChange={(targetDate) => set({ targetDate })} error={feedback.fieldErrors.targetDate} />
            <RadioGroupField id={idFor('progress')} label={labelFor('progress')} value={values.progress} onChange={(progress) => set({ progress })} error={feedback.fieldErrors.progress}
              options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${faceOf(n)} ${t(`families.scale.progress.${n}` as 'families.scale.progress.1')}` }))} />
            <SelectField id={idFor('status')} label={labelFor('status')} value={values.status} onChange={(status) => set({ status })} options={GOAL_STATUSES.map((s) => ({ value: s, label: t(`families.goalStatus.${s}`) }))} />
          </>
        )}
        {canActOnBehalf && members.length > 0 && (
          <SelectField id={idFor('onBehalfOfParticipantId')} label={labelFor('onBehalfOfParticipantId')} value={values.onBehalfOf} onChange={(onBehalfOf) => set({ onBehalfOf })} error={feedback.fieldErrors.onBehalfOfParticipantId}
            options={[{ value: ME, label: t('families.item.myself') }, ...members.map((m) => ({ value: m.id, label: t('families.item.onBehalfOfName', { name: m.displayName }) }))]} />
        )}
        {!lifeDomainIds && <CheckboxField id={idFor('isPrivate')} label={labelFor('isPrivate')} description={t('families.item.privateHint')} checked={values.isPrivate} onChange={(isPrivate) => set({ isPrivate })} />}
        <div className={formStyles.actions}>
          <Button type="submit" variant="primary" isPending={save.isPending}>{t('common.save')}</Button>
          <Button onPress={onCancel} isDisabled={save.isPending}>{t('common.cancel')}</Button>
        </div>
      </form>
    </>
  );
}
