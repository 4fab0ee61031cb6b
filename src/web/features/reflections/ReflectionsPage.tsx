import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { MEMBER_ROLES } from '../../../shared/roles.ts';
import { OWN_STRENGTH_DIMENSIONS, Reflection, ReflectionInput, type OwnStrengthDimension } from '../../../shared/schemas/reflections.ts';
import { apiRequest } from '../../app/api.ts';
import { randomUuid } from '../../app/uuid.ts';
import { Button } from '../../components/Button.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { CheckboxGroupField } from '../../components/CheckboxGroupField.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { formIds } from '../../components/form-ids.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RadioGroupField } from '../../components/RadioGroupField.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import formStyles from '../../components/Form.module.css';
import { useFamilyContext } from '../families/FamilyLayout.tsx';
import { familyKey, usePlan } from '../families/queries.ts';
import { StrengthChart } from './StrengthChart.tsx';
import { brusselsDay } from '../../../shared/brussels-day.ts';

const reflectionsKey = (familyId: string) => [...familyKey(familyId), 'reflections'] as const;

function useReflections(familyId: string) {
  return useQuery({ queryKey: reflectionsKey(familyId), queryFn: async () => (await apiRequest(`/families/${familyId}/reflections`, { schema: z.object({ items: z.array(Reflection) }) })).data.items });
}

/** Own strength (Gilsing): how competence, motivation and social strength grow or shrink over time. */
export function ReflectionsPage() {
  const { t } = useTranslation();
  const family = useFamilyContext();
  const reflections = useReflections(family.id);
  const [subject, setSubject] = useState('family');
  const [adding, setAdding] = useState(false);
  const isCoach = family.myRole === 'coach' && family.status !== 'closed';
  const plan = usePlan(family.id);
  const members = (plan.data?.participants ?? []).filter((p) => (MEMBER_ROLES as readonly string[]).includes(p.role));
  const shown = (reflections.data ?? []).filter((r) => (subject === 'family' ? r.subjectParticipantId === null : r.subjectParticipantId === subject));
  return (
    <>
      <PageHeader title={t('reflections.title')} context={family.displayName} intro={t('reflections.intro')}
        actions={isCoach && !adding ? <Button variant="primary" onPress={() => setAdding(true)}>{t('reflections.add')}</Button> : undefined} />
      {adding && plan.data && <ReflectionForm familyId={family.id} members={members} onDone={() => setAdding(false)} />}
      {reflections.isPending && <Loading />}
      {reflections.isError && <ErrorState error={reflections.error} onRetry={() => void reflections.refetch()} isRetrying={reflections.isFetching} />}
      {reflections.data && reflections.data.length === 0 && <EmptyState title={t('reflections.empty.title')}>{t('reflections.empty.body')}</EmptyState>}
      {reflections.data && reflections.data.length > 0 && (
        <>
          <SelectField id="reflections-subject" label={t('reflections.forWhom')} value={subject} onChange={setSubject}
            options={[{ value: 'family', label: t('reflections.wholeFamily') }, ...members.map((m) => ({ value: m.id, label: m.displayName }))]} />
          {shown.length === 0 ? <p>{t('reflections.noneForWhom')}</p> : <StrengthChart reflections={shown} />}
        </>
      )}
    </>
  );
}

const FIELDS = ['reflectedOn', 'subjectParticipantId', 'competence', 'competenceNote', 'motivation', 'motivationNote', 'social', 'socialNote', 'note', 'withFamily', 'presentParticipantIds'] as const;

function ReflectionForm({ familyId, members, onDone }: { familyId: string; members: { id: string; displayName: string }[]; onDone: () => void }) {
  const { t } = useTranslation();
  const idFor = formIds('reflection');
  const feedback = useFormFeedback(FIELDS);
  const queryClient = useQueryClient();
  const [v, setV] = useState({
    reflectedOn: brusselsDay(), subjectParticipantId: 'family', competence: '', motivation: '', social: '',
    competenceNote: '', motivationNote: '', socialNote: '', note: '', withFamily: false, presentParticipantIds: [] as string[],
  });
  const save = useMutation({
    mutationFn: async (body: unknown) => (await apiRequest(`/families/${familyId}/reflections`, { method: 'POST', body, idempotencyKey: randomUuid(), schema: Reflection })).data,
    onSettled: () => queryClient.invalidateQueries({ queryKey: familyKey(familyId) }),
  });
  const label = (f: string) => t(`reflections.fields.${f}` as 'reflections.fields.note');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const num = (s: string) => (s === '' ? undefined : Number(s));
    const body = feedback.validate(ReflectionInput, {
      ...v, subjectParticipantId: v.subjectParticipantId === 'family' ? null : v.subjectParticipantId,
      competence: num(v.competence), motivation: num(v.motivation), social: num(v.social),
    });
    if (body && !save.isPending) save.mutate(body, { onSuccess: onDone, onError: feedback.showError });
  };
  const scale = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n} – ${t(`reflections.scale.${n}` as 'reflections.scale.1')}` }));
  const dimension = (d: OwnStrengthDimension) => (
    <fieldset key={d} className={formStyles.form}>
      <legend>{t(`reflections.dimensions.${d}`)}</legend>
      <p>{t(`reflections.explain.${d}`)}</p>
      <RadioGroupField id={idFor(d)} label={label(d)} options={scale} value={v[d] || null} onChange={(value) => setV({ ...v, [d]: value })} error={feedback.fieldErrors[d]} />
      <TextField id={idFor(`${d}Note`)} label={label(`${d}Note`)} optional value={v[`${d}Note`]} onChange={(value) => setV({ ...v, [`${d}Note`]: value })} error={feedback.fieldErrors[`${d}Note`]} />
    </fieldset>
  );
  return (
    <section aria-labelledby="reflection-form-title">
      <h2 id="reflection-form-title">{t('reflections.add')}</h2>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={label} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <TextField id={idFor('reflectedOn')} type="date" label={label('reflectedOn')} value={v.reflectedOn} onChange={(reflectedOn) => setV({ ...v, reflectedOn })} error={feedback.fieldErrors.reflectedOn} />
        <SelectField id={idFor('subjectParticipantId')} label={label('subjectParticipantId')} value={v.subjectParticipantId} onChange={(subjectParticipantId) => setV({ ...v, subjectParticipantId })}
          options={[{ value: 'family', label: t('reflections.wholeFamily') }, ...members.map((m) => ({ value: m.id, label: m.displayName }))]} error={feedback.fieldErrors.subjectParticipantId} />
        {OWN_STRENGTH_DIMENSIONS.map(dimension)}
        <TextAreaField id={idFor('note')} label={label('note')} optional rows={3} value={v.note} onChange={(note) => setV({ ...v, note })} error={feedback.fieldErrors.note} />
        <CheckboxField id={idFor('withFamily')} label={label('withFamily')} checked={v.withFamily} onChange={(withFamily) => setV({ ...v, withFamily })} />
        {v.withFamily && <CheckboxGroupField id={idFor('presentParticipantIds')} label={label('presentParticipantIds')} value={v.presentParticipantIds}
          onChange={(presentParticipantIds) => setV({ ...v, presentParticipantIds })} options={members.map((m) => ({ value: m.id, label: m.displayName }))} error={feedback.fieldErrors.presentParticipantIds} />}
        <div className={formStyles.actions}>
          <Button type="submit" variant="primary" isPending={save.isPending}>{t('common.save')}</Button>
          <Button onPress={onDone}>{t('common.cancel')}</Button>
        </div>
      </form>
    </section>
  );
}
