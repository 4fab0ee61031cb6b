import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CollaborationSettingsPatch, type CollaborationSettings } from '../../../shared/schemas/collaborations.ts';
import { LOCALES, OWN_NAMES, type Locale } from '../../../shared/locales.ts';
import { isApiError, type ApiResult } from '../../app/api.ts';
import { TextField } from '../../components/TextField.tsx';
import { CheckboxGroupField } from '../../components/CheckboxGroupField.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { Button } from '../../components/Button.tsx';
import { Alert } from '../../components/Alert.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import { formIds } from '../../components/form-ids.ts';
import formStyles from '../../components/Form.module.css';
import { fromSettings, toPatchInput, type SettingsFormValues } from './settings-form.ts';
import { ifMatchOf, useSaveSettings } from './queries.ts';
import { PostcodesEditor } from './PostcodesEditor.tsx';
import { LifeDomainsEditor } from './LifeDomainsEditor.tsx';
import { useSettingsFieldLabel } from './labels.ts';
import styles from './Settings.module.css';

const idFor = formIds('settings');
const FIELDS = [
  'name', 'contactEmail', 'contactPhone', 'firstContactTargetDays', 'warningThresholdDays', 'evaluationIntervalMonths', 'breakGlassHours', 'breakGlassCoaches', 'retentionYears', 'languages',
  'postcodes', 'postcodes.*', 'lifeDomains', 'lifeDomains.*',
];
const LANGUAGE_NAMES: Record<Locale, string> = OWN_NAMES;

interface SettingsFormProps {
  collaborationId: string;
  loaded: ApiResult<CollaborationSettings>;
  reload: () => Promise<ApiResult<CollaborationSettings> | undefined>;
}

export function SettingsForm({ collaborationId, loaded, reload }: SettingsFormProps) {
  const { t } = useTranslation();
  // The form keeps the version it started from, even when the cache refreshes behind it.
  const [base, setBase] = useState(loaded);
  const [values, setValues] = useState<SettingsFormValues>(() => fromSettings(loaded.data));
  const [saved, setSaved] = useState(false);
  const [stale, setStale] = useState(false);
  const feedback = useFormFeedback(FIELDS, { postcode_taken: 'postcodes' });
  const save = useSaveSettings(collaborationId);
  const labelFor = useSettingsFieldLabel();

  const update = (patch: Partial<SettingsFormValues>) => {
    setSaved(false);
    setValues((current) => ({ ...current, ...patch }));
  };

  const startFrom = (result: ApiResult<CollaborationSettings>) => {
    setBase(result);
    setValues(fromSettings(result.data));
    setStale(false);
    feedback.reset();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    setSaved(false);
    const patch = feedback.validate(CollaborationSettingsPatch, toPatchInput(values));
    if (!patch) return;
    save.mutate(
      { patch, ifMatch: ifMatchOf(base) },
      {
        onSuccess: (result) => {
          startFrom(result);
          setSaved(true);
        },
        onError: (error) => {
          if (isApiError(error, 'precondition_failed')) setStale(true);
          else feedback.showError(error);
        },
      },
    );
  };

  const onReload = async () => {
    const fresh = await reload();
    if (fresh) startFrom(fresh);
  };

  const text = (field: keyof SettingsFormValues, props: { label: string; optional?: boolean; type?: 'email' | 'tel'; description?: string; numeric?: boolean }) => (
    <TextField
      id={idFor(field)}
      label={props.label}
      value={values[field] as string}
      onChange={(value) => update({ [field]: value })}
      error={feedback.fieldErrors[field]}
      optional={props.optional}
      type={props.type}
      description={props.description}
      inputMode={props.numeric ? 'numeric' : undefined}
      narrow={props.numeric}
      autoComplete="off"
    />
  );

  return (
    <>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={labelFor} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={styles.form}>
        <fieldset className={formStyles.section}>
          <legend className={formStyles.legend}>{t('settings.general')}</legend>
          {text('name', { label: t('settings.name') })}
          {text('contactEmail', { label: t('settings.contactEmail'), optional: true, type: 'email' })}
          {text('contactPhone', { label: t('settings.contactPhone'), optional: true, type: 'tel' })}
        </fieldset>

        <fieldset className={formStyles.section}>
          <legend className={formStyles.legend}>{t('settings.deadlines')}</legend>
          <p>{t('settings.deadlinesIntro')}</p>
          {text('firstContactTargetDays', { label: t('settings.firstContactTargetDays'), description: t('settings.firstContactTargetDaysHint'), numeric: true })}
          {text('warningThresholdDays', { label: t('settings.warningThresholdDays'), description: t('settings.warningThresholdDaysHint'), numeric: true })}
          {text('evaluationIntervalMonths', { label: t('settings.evaluationIntervalMonths'), description: t('settings.evaluationIntervalMonthsHint'), numeric: true })}
          {text('retentionYears', { label: t('settings.retentionYears'), description: t('settings.retentionYearsHint'), numeric: true })}
        </fieldset>

        <fieldset className={formStyles.section}>
          <legend className={formStyles.legend}>{t('settings.breakGlass.title')}</legend>
          <p>{t('settings.breakGlass.intro')}</p>
          {text('breakGlassHours', { label: t('settings.breakGlass.hours'), description: t('settings.breakGlass.hoursHint'), numeric: true })}
          <CheckboxField
            id={idFor('breakGlassCoaches')}
            label={t('settings.breakGlass.coaches')}
            description={t('settings.breakGlass.coachesHint')}
            checked={values.breakGlassCoaches}
            onChange={(breakGlassCoaches) => update({ breakGlassCoaches })}
            error={feedback.fieldErrors.breakGlassCoaches}
          />
        </fieldset>

        <div className={formStyles.section}>
          <h2 className={formStyles.legend}>{t('settings.languages')}</h2>
          <CheckboxGroupField
            id={idFor('languages')}
            label={t('settings.languagesLabel')}
            options={LOCALES.map((locale) => ({ value: locale, label: LANGUAGE_NAMES[locale], lang: locale }))}
            value={values.languages}
            onChange={(languages) => update({ languages: languages as Locale[] })}
            error={feedback.fieldErrors.languages}
          />
        </div>

        <PostcodesEditor rows={values.postcodes} onChange={(postcodes) => update({ postcodes })} errors={feedback.fieldErrors} idFor={idFor} />
        <LifeDomainsEditor rows={values.lifeDomains} onChange={(lifeDomains) => update({ lifeDomains })} errors={feedback.fieldErrors} idFor={idFor} />

        {saved && <Alert tone="success">{t('settings.saved')}</Alert>}
        {stale && (
          <Alert
            tone="error"
            actions={
              <Button variant="primary" onPress={() => void onReload()}>
                {t('settings.reload')}
              </Button>
            }
          >
            {t('settings.staleMessage')}
          </Alert>
        )}
        <div className={formStyles.actions}>
          <Button type="submit" variant="primary" isPending={save.isPending}>
            {save.isPending ? t('common.saving') : t('settings.save')}
          </Button>
        </div>
      </form>
    </>
  );
}
