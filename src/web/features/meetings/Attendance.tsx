import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../shared/schemas/meetings.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { CheckboxGroupField } from '../../components/CheckboxGroupField.tsx';
import { errorText } from '../../components/error-text.ts';
import { useAttendance } from './queries.ts';

/** Who was there, per agenda item: whoever was there may read that item's notes. */
export function Attendance({ familyId, meeting, participants }: { familyId: string; meeting: Meeting; participants: { id: string; displayName: string }[] }) {
  const { t } = useTranslation();
  const save = useAttendance(familyId);
  const [present, setPresent] = useState<Record<string, string[]>>(() => Object.fromEntries(
    meeting.items.map((i) => [i.id, i.people.filter((p) => p.attended).map((p) => p.participantId)]),
  ));
  const options = participants.map((p) => ({ value: p.id, label: p.displayName }));
  const onSave = () => {
    const entries = meeting.items.flatMap((i) => participants.map((p) => ({ itemId: i.id, participantId: p.id, attended: (present[i.id] ?? []).includes(p.id) })))
      .filter((e) => e.attended || meeting.items.find((i) => i.id === e.itemId)!.people.some((p) => p.participantId === e.participantId));
    if (entries.length > 0) save.mutate({ meeting, entries });
  };
  return (
    <section aria-labelledby="attendance">
      <h2 id="attendance">{t('meetings.attendance.title')}</h2>
      <p>{t('meetings.attendance.intro')}</p>
      {meeting.items.map((i) => (
        <CheckboxGroupField key={i.id} id={`attendance-${i.id}`} label={t('meetings.attendance.item', { title: i.title })} options={options}
          value={present[i.id] ?? []} onChange={(ids) => setPresent((all) => ({ ...all, [i.id]: ids }))} />
      ))}
      <Button onPress={onSave} isPending={save.isPending}>{t('meetings.attendance.save')}</Button>
      {save.isSuccess && <Alert tone="success">{t('meetings.attendance.saved')}</Alert>}
      {save.isError && <Alert tone="error">{errorText(save.error, t)}</Alert>}
    </section>
  );
}
