import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SERVICE_STATUSES } from '../../../shared/network-constants.ts';
import { MEMBER_ROLES } from '../../../shared/roles.ts';
import type { Plan } from '../../../shared/schemas/plan.ts';
import { ServiceInput, type Service } from '../../../shared/schemas/services.ts';
import { Button } from '../../components/Button.tsx';
import { CheckboxGroupField } from '../../components/CheckboxGroupField.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { formIds } from '../../components/form-ids.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import formStyles from '../../components/Form.module.css';
import { useLocale } from '../../i18n/i18n.ts';
import { useSaveService } from '../network/queries.ts';
import { useSocialMap } from '../social-map/queries.ts';

const FIELDS = ['organisation', 'kindOfHelp', 'memberIds', 'lifeDomainId', 'since', 'contactPerson', 'contactPhone', 'status', 'waitingSince', 'expected', 'bridging', 'endedOn', 'familyExpects', 'socialMapEntryId'] as const;
type TextKey = Exclude<(typeof FIELDS)[number], 'memberIds'>;
type Values = Record<TextKey, string> & { memberIds: string[] };

/** Adds or changes one service of the help overview; "waiting" asks where the family waits and who bridges. */
interface ServiceFormProps { familyId: string; collaborationId: string; isCoach: boolean; plan: Plan; service: Service | null; onDone: () => void }

export function ServiceForm({ familyId, collaborationId, isCoach, plan, service, onDone }: ServiceFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const idFor = formIds('service');
  const [v, setV] = useState<Values>(() => {
    const init = Object.fromEntries(FIELDS.filter((f) => f !== 'memberIds').map((f) => [f, String(service?.[f] ?? '')])) as Record<TextKey, string>;
    return { ...init, status: service?.status ?? 'active', memberIds: service?.memberIds ?? [] };
  });
  const feedback = useFormFeedback(FIELDS);
  const save = useSaveService(familyId);
  const members = plan.participants.filter((p) => (MEMBER_ROLES as readonly string[]).includes(p.role));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const nullable = (s: string) => (s.trim() === '' ? null : s);
    const body = feedback.validate(ServiceInput, {
      ...v, lifeDomainId: nullable(v.lifeDomainId), socialMapEntryId: nullable(v.socialMapEntryId), since: nullable(v.since), waitingSince: nullable(v.waitingSince), endedOn: nullable(v.endedOn),
    });
    if (body && !save.isPending) save.mutate({ service, body }, { onSuccess: onDone, onError: feedback.showError });
  };
  const label = (f: string) => t(`services.fields.${f}` as 'services.fields.organisation');
  const text = (f: TextKey, extra: { optional?: boolean; type?: 'date' | 'tel' } = {}) => (
    <TextField id={idFor(f)} label={label(f)} optional={extra.optional ?? true} type={extra.type} value={v[f]} onChange={(value) => setV({ ...v, [f]: value })} error={feedback.fieldErrors[f]} />
  );
  return (
    <>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={label} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        {text('organisation', { optional: false })}
        {text('kindOfHelp', { optional: false })}
        {members.length > 0 && <CheckboxGroupField id={idFor('memberIds')} label={label('memberIds')} value={v.memberIds} onChange={(memberIds) => setV({ ...v, memberIds })}
          options={members.map((m) => ({ value: m.id, label: m.displayName }))} error={feedback.fieldErrors.memberIds} />}
        <SelectField id={idFor('lifeDomainId')} label={label('lifeDomainId')} value={v.lifeDomainId || null} onChange={(lifeDomainId) => setV({ ...v, lifeDomainId })}
          options={plan.lifeDomains.map((d) => ({ value: d.id, label: locale === 'en' ? d.labelEn : d.labelNl }))} error={feedback.fieldErrors.lifeDomainId} />
        <SelectField id={idFor('status')} label={label('status')} value={v.status} onChange={(status) => setV({ ...v, status })}
          options={SERVICE_STATUSES.map((s) => ({ value: s, label: t(`services.statuses.${s}`) }))} />
        {v.status === 'waiting' ? (
          <>{text('waitingSince', { type: 'date' })}{text('expected')}{text('bridging')}</>
        ) : text('since', { type: 'date' })}
        {v.status === 'ended' && text('endedOn', { type: 'date' })}
        {isCoach && <SocialMapChoice collaborationId={collaborationId} organisation={v.organisation} value={v.socialMapEntryId} onChange={(socialMapEntryId) => setV({ ...v, socialMapEntryId })} />}
        {text('contactPerson')}
        {text('contactPhone', { type: 'tel' })}
        <TextAreaField id={idFor('familyExpects')} label={label('familyExpects')} optional rows={2} value={v.familyExpects} onChange={(familyExpects) => setV({ ...v, familyExpects })} />
        <div className={formStyles.actions}>
          <Button type="submit" variant="primary" isPending={save.isPending}>{t('common.save')}</Button>
          <Button onPress={onDone}>{t('common.cancel')}</Button>
        </div>
      </form>
    </>
  );
}

/** Coaches can link the service to the social map, found by the organisation's name. */
function SocialMapChoice({ collaborationId, organisation, value, onChange }: { collaborationId: string; organisation: string; value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const found = useSocialMap(collaborationId, { q: organisation, lifeDomainId: '', postcode: '' });
  const options = (found.data?.pages.flatMap((p) => p.items) ?? []).slice(0, 20).map((e) => ({ value: e.id, label: `${e.organisation}: ${e.service}` }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: t('services.linkedEntry') });
  return (
    <SelectField id="service-socialMapEntryId" label={t('services.fields.socialMapEntryId')} description={t('services.socialMapHint')} value={value || 'none'}
      onChange={(id) => onChange(id === 'none' ? '' : id)} options={[{ value: 'none', label: t('services.notLinked') }, ...options]} />
  );
}
