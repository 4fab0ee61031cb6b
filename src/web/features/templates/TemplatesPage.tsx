import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PLAN_SECTION_KEYS } from '../../../shared/plan-constants.ts';
import { PlanTemplate, PlanTemplateInput } from '../../../shared/schemas/plan.ts';
import { apiRequest, etagFor } from '../../app/api.ts';
import { useCollaborationId } from '../../app/guards.tsx';
import { randomUuid } from '../../app/uuid.ts';
import { Alert } from '../../components/Alert.tsx';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { CheckboxGroupField } from '../../components/CheckboxGroupField.tsx';
import { PICTOGRAMS } from '../../../shared/pictograms.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { useSettings } from '../settings/queries.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { formIds } from '../../components/form-ids.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import formStyles from '../../components/Form.module.css';

const Items = z.object({ items: z.array(PlanTemplate) });
const standard = () => PLAN_SECTION_KEYS.map((key) => ({ key, visible: true, labelNl: '', labelEn: '' }));

/** How this collaboration lays out its family plans: which parts, under which names. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const collaborationId = useCollaborationId();
  const base = `/collaborations/${collaborationId}/plan-templates`;
  const templates = useQuery({ queryKey: ['collaborations', collaborationId, 'plan-templates'], queryFn: async () => (await apiRequest(base, { schema: Items })).data.items });
  const [editing, setEditing] = useState<PlanTemplate | 'new' | null>(null);
  const [notice, setNotice] = useState('');
  return (
    <>
      <PageHeader title={t('templates.title')} intro={t('templates.intro')} actions={<Button onPress={() => setEditing('new')}>{t('templates.add')}</Button>} />
      {notice && <Alert tone="success">{notice}</Alert>}
      {templates.isPending && <Loading />}
      {templates.isError && <ErrorState error={templates.error} onRetry={() => void templates.refetch()} isRetrying={templates.isFetching} />}
      <ul>
        {templates.data?.map((tpl) => (
          <li key={tpl.id}>
            <strong>{tpl.name}</strong> {tpl.isDefault && <Badge>{t('templates.default')}</Badge>}{' '}
            <Button variant="quiet" aria-label={`${t('common.edit')}: ${tpl.name}`} onPress={() => setEditing(tpl)}>{t('common.edit')}</Button>
          </li>
        ))}
      </ul>
      {editing && (
        <TemplateForm key={editing === 'new' ? 'new' : editing.id} base={base} collaborationId={collaborationId} template={editing === 'new' ? null : editing}
          onDone={(name) => { setEditing(null); setNotice(t('templates.saved', { name })); }} onCancel={() => setEditing(null)} />
      )}
    </>
  );
}

function TemplateForm({ base, collaborationId, template, onDone, onCancel }: {
  base: string; collaborationId: string; template: PlanTemplate | null; onDone: (name: string) => void; onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const idFor = formIds('template');
  const [name, setName] = useState(template?.name ?? '');
  const [isDefault, setIsDefault] = useState(template?.isDefault ?? false);
  const domains = useSettings(collaborationId).data?.data.lifeDomains ?? [];
  const locale = useLocale();
  const [lifeDomainIds, setLifeDomainIds] = useState(template?.lifeDomainIds ?? []);
  const [sections, setSections] = useState(() => template?.sections.map((s) => ({ ...s, labelNl: s.labelNl ?? '', labelEn: s.labelEn ?? '' })) ?? standard());
  const feedback = useFormFeedback(['name', 'sections']);
  const save = useMutation({
    mutationFn: (body: z.input<typeof PlanTemplateInput>) => template
      ? apiRequest(`${base}/${template.id}`, { method: 'PATCH', body, ifMatch: etagFor(template.version), schema: PlanTemplate })
      : apiRequest(base, { method: 'POST', body, idempotencyKey: randomUuid(), schema: PlanTemplate }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['collaborations', collaborationId, 'plan-templates'] }),
  });
  const setSection = (index: number, patch: Partial<(typeof sections)[number]>) => setSections((all) => all.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = feedback.validate(PlanTemplateInput, { name, isDefault, lifeDomainIds, sections: sections.map((s) => ({ ...s, labelNl: s.labelNl || null, labelEn: s.labelEn || null })) });
    if (body && !save.isPending) save.mutate(body, { onSuccess: ({ data }) => onDone(data.name), onError: feedback.showError });
  };
  return (
    <section aria-labelledby="template-form">
      <h2 id="template-form">{template ? template.name : t('templates.add')}</h2>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={(f) => t(`templates.fields.${f === 'name' ? 'name' : 'sections'}`)} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <TextField id={idFor('name')} label={t('templates.fields.name')} value={name} onChange={setName} error={feedback.fieldErrors.name} />
        <CheckboxField id={idFor('isDefault')} label={t('templates.fields.isDefault')} checked={isDefault} onChange={setIsDefault} />
        {sections.map((s, index) => (
          <fieldset key={s.key} className={formStyles.section}>
            <legend className={formStyles.legend}>{t(`families.sections.${s.key}`)}</legend>
            <CheckboxField id={idFor(`sections.${index}.visible`)} label={t('templates.fields.visible')} checked={s.visible} onChange={(visible) => setSection(index, { visible })} />
            <TextField id={idFor(`sections.${index}.labelNl`)} label={t('templates.fields.labelNl')} optional value={s.labelNl} onChange={(labelNl) => setSection(index, { labelNl })} maxLength={80} />
            <TextField id={idFor(`sections.${index}.labelEn`)} label={t('templates.fields.labelEn')} optional value={s.labelEn} onChange={(labelEn) => setSection(index, { labelEn })} maxLength={80} />
          </fieldset>
        ))}
        {domains.length > 0 && (
          <CheckboxGroupField id={idFor('lifeDomainIds')} label={t('templates.fields.lifeDomainIds')} description={t('templates.fields.lifeDomainIdsHint')} value={lifeDomainIds} onChange={setLifeDomainIds}
            options={domains.map((d) => ({ value: d.id, label: `${PICTOGRAMS[d.pictogram]} ${locale === 'en' ? d.labelEn : d.labelNl}` }))} />
        )}
        <div className={formStyles.actions}>
          <Button type="submit" variant="primary" isPending={save.isPending}>{t('common.save')}</Button>
          <Button onPress={onCancel} isDisabled={save.isPending}>{t('common.cancel')}</Button>
        </div>
      </form>
    </section>
  );
}
