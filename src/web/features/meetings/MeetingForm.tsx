import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MeetingInput } from '../../../shared/schemas/meetings.ts';
import type { Plan } from '../../../shared/schemas/plan.ts';
import { Button } from '../../components/Button.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { CheckboxGroupField } from '../../components/CheckboxGroupField.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { formIds } from '../../components/form-ids.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import formStyles from '../../components/Form.module.css';
import { useLocale } from '../../i18n/i18n.ts';
import { brusselsInstant } from './format.ts';
import { useCreateMeeting } from './queries.ts';
import styles from './Meetings.module.css';

interface ItemRow { key: number; title: string; topic: string; from: string; to: string; invitees: string[] }
const NO_CHAIR = 'none';
let nextKey = 0;
/** "18:30" plus half an hour; a time that does not read as hh:mm stays as it is for the person to fix. */
function halfHourAfter(time: string): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!match) return time;
  const minutes = Math.min(Number(match[1]) * 60 + Number(match[2]) + 30, 23 * 60 + 59);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
const newItem = (from = '18:00'): ItemRow => ({ key: ++nextKey, title: '', topic: '', from, to: halfHourAfter(from), invitees: [] });

/** Plan a round table: when, where, who chairs, and the agenda with who is invited per item. */
export function MeetingForm({ familyId, plan, kind, onDone, onCancel }: {
  familyId: string; plan: Plan; kind: 'round_table' | 'evaluation'; onDone: (id: string) => void; onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const idFor = formIds('meeting');
  const create = useCreateMeeting(familyId);
  const feedback = useFormFeedback(['title', 'place', 'videoUrl', 'chairParticipantId', 'items.*']);
  const [values, setValues] = useState({
    title: kind === 'evaluation' ? t('meetings.form.evaluationTitle') : t('meetings.form.defaultTitle'),
    day: '', place: '', videoUrl: '', chair: NO_CHAIR, chairAtFamilyRequest: false,
  });
  const [items, setItems] = useState<ItemRow[]>([newItem()]);
  const set = (patch: Partial<typeof values>) => setValues((v) => ({ ...v, ...patch }));
  const setItem = (key: number, patch: Partial<ItemRow>) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  const domainLabel = (d: Plan['lifeDomains'][number]) => (locale === 'en' ? d.labelEn : d.labelNl);
  const topics = [
    ...plan.goals.map((g) => ({ value: `goal:${g.id}`, label: t('meetings.form.goalTopic', { text: g.text }) })),
    ...plan.lifeDomains.map((d) => ({ value: `domain:${d.id}`, label: domainLabel(d) })),
  ];
  const people = plan.participants.map((p) => ({ value: p.id, label: p.relation ? `${p.displayName} (${p.relation})` : p.displayName }));
  const chairs = [{ value: NO_CHAIR, label: t('meetings.form.noChair') }, ...people];
  const chairIsCoach = plan.participants.find((p) => p.id === values.chair)?.role === 'coach';
  const labelFor = (field: string) => t(`meetings.form.${field}` as 'meetings.form.title', { defaultValue: field });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const body = feedback.validate(MeetingInput, {
      title: values.title, kind, place: values.place, videoUrl: values.videoUrl.trim() === '' ? null : values.videoUrl.trim(),
      chairParticipantId: values.chair === NO_CHAIR ? null : values.chair, chairAtFamilyRequest: chairIsCoach && values.chairAtFamilyRequest,
      items: items.map((i) => ({
        title: i.title,
        goalId: i.topic.startsWith('goal:') ? i.topic.slice(5) : null,
        lifeDomainId: i.topic.startsWith('domain:') ? i.topic.slice(7) : null,
        startsAt: brusselsInstant(values.day, i.from), endsAt: brusselsInstant(values.day, i.to), inviteeIds: i.invitees,
      })),
    });
    if (body) create.mutate(body, { onSuccess: (m) => onDone(m.id), onError: feedback.showError });
  };

  return (
    <>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={labelFor} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form} aria-label={labelFor('heading')}>
        <TextField id={idFor('title')} label={labelFor('title')} value={values.title} onChange={(title) => set({ title })} error={feedback.fieldErrors.title} />
        <TextField id={idFor('day')} label={labelFor('day')} type="date" value={values.day} onChange={(day) => set({ day })} description={t('meetings.form.dayHint')} />
        <TextField id={idFor('place')} label={labelFor('place')} optional value={values.place} onChange={(place) => set({ place })} error={feedback.fieldErrors.place} />
        <TextField id={idFor('videoUrl')} label={labelFor('videoUrl')} optional value={values.videoUrl} onChange={(videoUrl) => set({ videoUrl })} error={feedback.fieldErrors.videoUrl} description={t('meetings.form.videoUrlHint')} />
        <SelectField id={idFor('chairParticipantId')} label={labelFor('chairParticipantId')} value={values.chair} onChange={(chair) => set({ chair })} options={chairs} error={feedback.fieldErrors.chairParticipantId} description={t('meetings.form.chairHint')} />
        {chairIsCoach && (
          <CheckboxField id={idFor('chairAtFamilyRequest')} label={t('meetings.form.chairAtFamilyRequest')} checked={values.chairAtFamilyRequest} onChange={(chairAtFamilyRequest) => set({ chairAtFamilyRequest })} />
        )}
        <fieldset className={formStyles.section}>
          <legend className={formStyles.legend}>{t('meetings.form.agenda')}</legend>
          <p>{t('meetings.form.agendaIntro')}</p>
          {items.map((item, index) => (
            <div key={item.key} className={styles.agendaItem} role="group" aria-label={t('meetings.form.itemLabel', { n: index + 1 })}>
              <TextField id={idFor(`items.${index}.title`)} label={t('meetings.form.itemTitle', { n: index + 1 })} value={item.title} onChange={(title) => setItem(item.key, { title })} error={feedback.fieldErrors[`items.${index}.title`]} />
              <SelectField id={idFor(`items.${index}.topic`)} label={t('meetings.form.topic')} value={item.topic || null} onChange={(topic) => setItem(item.key, { topic })} options={topics} placeholder={t('meetings.form.topicPlaceholder')} />
              <div className={styles.times}>
                <TextField id={idFor(`items.${index}.startsAt`)} narrow label={t('meetings.form.from')} value={item.from} onChange={(from) => setItem(item.key, { from })} error={feedback.fieldErrors[`items.${index}.startsAt`]} description={t('meetings.form.timeHint')} />
                <TextField id={idFor(`items.${index}.endsAt`)} narrow label={t('meetings.form.to')} value={item.to} onChange={(to) => setItem(item.key, { to })} error={feedback.fieldErrors[`items.${index}.endsAt`]} />
              </div>
              <CheckboxGroupField id={idFor(`items.${index}.inviteeIds`)} label={t('meetings.form.invitees')} description={t('meetings.form.inviteesHint')} options={people} value={item.invitees} onChange={(invitees) => setItem(item.key, { invitees })} />
              {items.length > 1 && <Button onPress={() => setItems((all) => all.filter((i) => i.key !== item.key))}>{t('meetings.form.removeItem', { n: index + 1 })}</Button>}
            </div>
          ))}
          <Button onPress={() => setItems((all) => [...all, newItem(all.at(-1)?.to ?? '18:30')])}>{t('meetings.form.addItem')}</Button>
        </fieldset>
        <div className={formStyles.actions}>
          <Button type="submit" variant="primary" isPending={create.isPending}>{t('meetings.form.save')}</Button>
          <Button onPress={onCancel} isDisabled={create.isPending}>{t('common.cancel')}</Button>
        </div>
      </form>
    </>
  );
}
