import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { HELP_KINDS, NETWORK_STATUSES, WEEKDAYS } from '../../../shared/network-constants.ts';
import { NetworkPersonInput, type NetworkPerson } from '../../../shared/schemas/network.ts';
import { Button } from '../../components/Button.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { CheckboxGroupField } from '../../components/CheckboxGroupField.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { formIds } from '../../components/form-ids.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import formStyles from '../../components/Form.module.css';
import { useSavePerson } from './queries.ts';
import styles from './Network.module.css';

interface Slot { weekday: string; startsAt: string; endsAt: string; helpKind: string }
const FIELDS = ['name', 'relation', 'ring', 'importance', 'roles', 'offers', 'callAnytime', 'status', 'availability.*', 'phone', 'email', 'address'];

/** Adds or changes a person of the network: who, which ring, what they offer, when, how to reach them. */
export function PersonForm({ familyId, person, onDone }: { familyId: string; person: NetworkPerson | null; onDone: () => void }) {
  const { t } = useTranslation();
  const idFor = formIds('person');
  const [v, setV] = useState({
    name: person?.name ?? '', relation: person?.relation ?? '', ring: String(person?.ring ?? 2), importance: person?.importance ? String(person.importance) : '',
    roles: person?.roles ?? [] as string[], offers: person?.offers ?? '', callAnytime: person?.callAnytime ?? false, status: person?.status ?? 'involved',
    phone: person?.contact?.phone ?? '', email: person?.contact?.email ?? '', address: person?.contact?.address ?? '',
  });
  const [slots, setSlots] = useState<Slot[]>(person?.availability.map((a) => ({ ...a, weekday: String(a.weekday), helpKind: a.helpKind ?? '' })) ?? []);
  const feedback = useFormFeedback(FIELDS);
  const save = useSavePerson(familyId);
  // Someone who may not read the contact details must not blank them by saving.
  const contactShown = person === null || person.contact !== null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const availability = slots.map((s) => ({ weekday: Number(s.weekday), startsAt: s.startsAt.trim().padStart(5, '0'), endsAt: s.endsAt.trim().padStart(5, '0'), helpKind: s.helpKind || null }));
    const { phone, email, address, ...rest } = v;
    const body = feedback.validate(NetworkPersonInput, {
      ...rest, ...(contactShown && { phone, email, address }), ring: Number(v.ring), importance: v.importance ? Number(v.importance) : null, availability,
    });
    if (body && !save.isPending) save.mutate({ person, body }, { onSuccess: onDone, onError: feedback.showError });
  };
  const label = (f: string) => t(`network.fields.${f.split('.')[0]}` as 'network.fields.name');
  const setSlot = (i: number, patch: Partial<Slot>) => setSlots(slots.map((s, k) => (k === i ? { ...s, ...patch } : s)));
  const helpOptions = HELP_KINDS.map((k) => ({ value: k, label: t(`network.helpKinds.${k}`) }));
  return (
    <>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={label} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <TextField id={idFor('name')} label={label('name')} value={v.name} onChange={(name) => setV({ ...v, name })} error={feedback.fieldErrors.name} />
        <TextField id={idFor('relation')} label={label('relation')} description={t('network.relationHint')} optional value={v.relation} onChange={(relation) => setV({ ...v, relation })} />
        <SelectField id={idFor('ring')} label={label('ring')} value={v.ring} onChange={(ring) => setV({ ...v, ring })} options={[1, 2, 3].map((r) => ({ value: String(r), label: t(`network.rings.${r as 1 | 2 | 3}`) }))} />
        <SelectField id={idFor('importance')} label={label('importance')} value={v.importance || null} onChange={(importance) => setV({ ...v, importance })}
          options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`network.importance.${n as 1 | 2 | 3 | 4 | 5}`) }))} />
        <CheckboxGroupField id={idFor('roles')} label={label('roles')} description={t('network.rolesHint')} value={v.roles} onChange={(roles) => setV({ ...v, roles })} options={helpOptions} />
        <TextAreaField id={idFor('offers')} label={label('offers')} optional rows={2} value={v.offers} onChange={(offers) => setV({ ...v, offers })} />
        <CheckboxField id={idFor('callAnytime')} label={label('callAnytime')} checked={v.callAnytime} onChange={(callAnytime) => setV({ ...v, callAnytime })} />
        <fieldset className={formStyles.section}>
          <legend className={formStyles.legend}>{t('network.availability')}</legend>
          {slots.length === 0 && <p className={styles.hint}>{t('network.noSlots')}</p>}
          {slots.map((s, i) => (
            <div key={i} className={styles.slot} role="group" aria-label={t('network.slotLabel', { n: i + 1 })}>
              <SelectField id={idFor(`availability.${i}.weekday`)} label={t('network.weekday')} value={s.weekday} onChange={(weekday) => setSlot(i, { weekday })}
                options={WEEKDAYS.map((d) => ({ value: String(d), label: t(`network.weekdays.${d}`) }))} />
              <TextField id={idFor(`availability.${i}.startsAt`)} label={t('network.from')} narrow inputMode="numeric" value={s.startsAt} onChange={(startsAt) => setSlot(i, { startsAt })} error={feedback.fieldErrors[`availability.${i}.startsAt`]} />
              <TextField id={idFor(`availability.${i}.endsAt`)} label={t('network.to')} narrow inputMode="numeric" value={s.endsAt} onChange={(endsAt) => setSlot(i, { endsAt })} error={feedback.fieldErrors[`availability.${i}.endsAt`]} />
              <SelectField id={idFor(`availability.${i}.helpKind`)} label={t('network.forWhat')} value={s.helpKind || 'any'} onChange={(helpKind) => setSlot(i, { helpKind: helpKind === 'any' ? '' : helpKind })}
                options={[{ value: 'any', label: t('network.anyHelp') }, ...helpOptions]} />
              <Button variant="quiet" aria-label={t('network.removeSlotLabel', { n: i + 1 })} onPress={() => setSlots(slots.filter((_, k) => k !== i))}>{t('common.remove')}</Button>
            </div>
          ))}
          <Button onPress={() => setSlots([...slots, { weekday: '1', startsAt: '08:00', endsAt: '09:00', helpKind: '' }])}>{t('network.addSlot')}</Button>
        </fieldset>
        <SelectField id={idFor('status')} label={label('status')} value={v.status} onChange={(status) => setV({ ...v, status: status as NetworkPerson['status'] })}
          options={NETWORK_STATUSES.map((s) => ({ value: s, label: t(`network.statuses.${s}`) }))} />
        {contactShown ? (
          <fieldset className={formStyles.section}>
            <legend className={formStyles.legend}>{t('network.contact')}</legend>
            <p className={styles.hint}>{t('network.contactHint')}</p>
            <TextField id={idFor('phone')} label={label('phone')} type="tel" inputMode="tel" optional value={v.phone} onChange={(phone) => setV({ ...v, phone })} error={feedback.fieldErrors.phone} />
            <TextField id={idFor('email')} label={label('email')} type="email" optional value={v.email} onChange={(email) => setV({ ...v, email })} error={feedback.fieldErrors.email} />
            <TextField id={idFor('address')} label={label('address')} optional value={v.address} onChange={(address) => setV({ ...v, address })} />
          </fieldset>
        ) : <p className={styles.hint}>{t('network.contactNotShared')}</p>}
        <div className={formStyles.actions}>
          <Button type="submit" variant="primary" isPending={save.isPending}>{t('common.save')}</Button>
          <Button onPress={onDone}>{t('common.cancel')}</Button>
        </div>
      </form>
    </>
  );
}
