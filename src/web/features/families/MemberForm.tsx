import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_ROLES } from '../../../shared/roles.ts';
import { MemberInput, type Member } from '../../../shared/schemas/families.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { CheckboxGroupField } from '../../components/CheckboxGroupField.tsx';
import { errorText } from '../../components/error-text.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { formIds } from '../../components/form-ids.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import formStyles from '../../components/Form.module.css';
import { useCreateHome, useHomes, useSaveMember } from './queries.ts';
import styles from './Family.module.css';

/** Adds or changes a family member: who, what matters to them, and which home(s) they live in. */
export function MemberForm({ familyId, member, onDone }: { familyId: string; member: Member | null; onDone: () => void }) {
  const { t } = useTranslation();
  const idFor = formIds('member');
  const homes = useHomes(familyId).data ?? [];
  const [v, setV] = useState({
    role: member?.role ?? 'child', displayName: member?.displayName ?? '', relation: member?.relation ?? '', dateOfBirth: member?.dateOfBirth ?? '',
    languages: member?.languages.join(', ') ?? '', importantToMe: member?.importantToMe ?? '', homeIds: member?.homes.map((h) => h.homeId) ?? [],
    arrangement: member?.homes.find((h) => h.arrangement)?.arrangement ?? '',
  });
  const feedback = useFormFeedback(['role', 'displayName', 'relation', 'dateOfBirth', 'languages', 'importantToMe', 'homes']);
  const save = useSaveMember(familyId);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const languages = v.languages.split(',').map((l) => l.trim()).filter(Boolean);
    const homesBody = v.homeIds.map((homeId) => ({ homeId, arrangement: v.arrangement.trim() || null }));
    const body = feedback.validate(MemberInput, { ...v, languages, homes: homesBody, dateOfBirth: v.dateOfBirth || null });
    if (body && !save.isPending) save.mutate({ member, body }, { onSuccess: onDone, onError: feedback.showError });
  };
  const label = (f: string) => t(`families.members.fields.${f}` as 'families.members.fields.role');
  return (
    <>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={label} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <SelectField id={idFor('role')} label={label('role')} value={v.role} onChange={(role) => setV({ ...v, role: role as Member['role'] })} options={MEMBER_ROLES.map((r) => ({ value: r, label: t(`families.roles.${r}`) }))} />
        <TextField id={idFor('displayName')} label={label('displayName')} value={v.displayName} onChange={(displayName) => setV({ ...v, displayName })} error={feedback.fieldErrors.displayName} />
        <TextField id={idFor('relation')} label={label('relation')} optional value={v.relation} onChange={(relation) => setV({ ...v, relation })} />
        <TextField id={idFor('dateOfBirth')} label={label('dateOfBirth')} optional type="date" value={v.dateOfBirth} onChange={(dateOfBirth) => setV({ ...v, dateOfBirth })} error={feedback.fieldErrors.dateOfBirth} />
        <TextField id={idFor('languages')} label={label('languages')} description={t('families.members.languagesHint')} optional value={v.languages} onChange={(languages) => setV({ ...v, languages })} error={feedback.fieldErrors.languages} />
        <TextAreaField id={idFor('importantToMe')} label={label('importantToMe')} optional rows={2} value={v.importantToMe} onChange={(importantToMe) => setV({ ...v, importantToMe })} />
        {homes.length > 0 && (
          <>
            <CheckboxGroupField id={idFor('homes')} label={t('families.homes.whichHomes')} value={v.homeIds} onChange={(homeIds) => setV({ ...v, homeIds })} error={feedback.fieldErrors.homes} options={homes.map((h) => ({ value: h.id, label: h.label }))} />
            {v.homeIds.length > 1 && <TextField id={idFor('arrangement')} label={t('families.homes.arrangement')} optional value={v.arrangement} onChange={(arrangement) => setV({ ...v, arrangement })} />}
          </>
        )}
        <div className={formStyles.actions}>
          <Button type="submit" variant="primary" isPending={save.isPending}>{t('common.save')}</Button>
          <Button onPress={onDone}>{t('common.cancel')}</Button>
        </div>
      </form>
    </>
  );
}

/** The homes of the family ("bij mama", "bij papa"), so a child can live in two. */
export function HomesSection({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  const homes = useHomes(familyId);
  const create = useCreateHome(familyId);
  const [label, setLabel] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (label.trim() && !create.isPending) create.mutate(label.trim(), { onSuccess: () => setLabel('') });
  };
  return (
    <section className={styles.section} aria-labelledby="homes">
      <h2 id="homes">{t('families.homes.heading')}</h2>
      {homes.data?.length === 0 && <p className={styles.muted}>{t('families.homes.empty')}</p>}
      <ul>{homes.data?.map((h) => <li key={h.id}>{h.label}</li>)}</ul>
      {create.isError && <Alert tone="error">{errorText(create.error, t)}</Alert>}
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <TextField id="home-label" label={t('families.homes.label')} description={t('families.homes.hint')} value={label} onChange={setLabel} maxLength={80} />
        <div className={formStyles.actions}><Button type="submit" isPending={create.isPending}>{t('families.homes.add')}</Button></div>
      </form>
    </section>
  );
}
