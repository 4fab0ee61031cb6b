import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Me } from '../../../shared/schemas/auth.ts';
import {
  FAMILY_LANGUAGES,
  REFERRER_TYPES,
  REGISTRATION_REASONS,
  RegistrationCreate,
  type ReferrerType,
  type RegistrationReceipt,
} from '../../../shared/schemas/registrations.ts';
import { TextField } from '../../components/TextField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { RadioGroupField } from '../../components/RadioGroupField.tsx';
import { CheckboxGroupField } from '../../components/CheckboxGroupField.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import { formIds } from '../../components/form-ids.ts';
import { focusSoon } from '../../components/focus.ts';
import { withContext } from '../../components/with-context.ts';
import formStyles from '../../components/Form.module.css';
import { RoutingInfo, useRoutingChoice } from './RoutingInfo.tsx';
import { useCreateRegistration } from './queries.ts';
import styles from './Registrations.module.css';

const idFor = formIds('register');
const FIELDS = [
  'kind', 'referrer.type', 'referrer.name', 'referrer.organisation', 'referrer.email', 'referrer.phone',
  'family.name', 'family.email', 'family.phone', 'family.language', 'postcode', 'municipality', 'collaborationId',
  'children', 'children.*', 'reasons', 'question', 'helpersInvolved', 'networkInvolved', 'urgent', 'familyConsent',
];

interface ChildRow {
  key: string;
  firstName: string;
  birthYear: string;
}

let lastKey = 0;
const newKey = () => `child-${(lastKey += 1)}`;

interface Values {
  kind: 'family' | 'consultation';
  referrerType: ReferrerType | null;
  referrerName: string;
  referrerOrganisation: string;
  referrerEmail: string;
  referrerPhone: string;
  familyName: string;
  familyEmail: string;
  familyPhone: string;
  familyLanguage: string;
  postcode: string;
  municipality: string;
  /** Whether the person typed the municipality themselves (else the one of the postcode is used). */
  municipalityTyped: boolean;
  collaborationId: string | null;
  children: ChildRow[];
  reasons: string[];
  question: string;
  helpersInvolved: string;
  networkInvolved: string;
  urgent: boolean;
  familyConsent: boolean;
}

function initialValues(me: Me | null): Values {
  return {
    kind: 'family',
    referrerType: null,
    referrerName: me?.user.name ?? '',
    referrerOrganisation: '',
    referrerEmail: me?.user.email ?? '',
    referrerPhone: '',
    familyName: '',
    familyEmail: '',
    familyPhone: '',
    familyLanguage: 'nl',
    postcode: '',
    municipality: '',
    municipalityTyped: false,
    collaborationId: null,
    children: [{ key: newKey(), firstName: '', birthYear: '' }],
    reasons: [],
    question: '',
    helpersInvolved: '',
    networkInvolved: '',
    urgent: false,
    familyConsent: false,
  };
}

interface RegistrationFormProps {
  me: Me | null;
  onDone: (receipt: RegistrationReceipt) => void;
}

export function RegistrationForm({ me, onDone }: RegistrationFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(() => initialValues(me));
  const feedback = useFormFeedback(FIELDS, { postcode_unknown: 'postcode' });
  const create = useCreateRegistration();
  const routing = useRoutingChoice(values.postcode);
  const update = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));
  const municipality = values.municipalityTyped ? values.municipality : values.municipality || routing.municipality || '';
  const childField = (index: number, column: 'firstName' | 'birthYear') => `children.${index}.${column}`;

  const labels: Record<string, string> = {
    kind: t('register.kind.label'),
    'referrer.type': t('register.referrer.type'),
    'referrer.name': t('register.referrer.name'),
    'referrer.organisation': t('register.referrer.organisation'),
    'referrer.email': t('register.referrer.email'),
    'referrer.phone': t('register.referrer.phone'),
    'family.name': t('register.family.name'),
    'family.email': t('register.family.email'),
    'family.phone': t('register.family.phone'),
    'family.language': t('register.family.language'),
    postcode: t('register.where.postcode'),
    municipality: t('register.where.municipality'),
    collaborationId: t('register.where.choose'),
    children: t('register.children.title'),
    reasons: t('register.why.reasons'),
    question: t('register.why.question'),
    helpersInvolved: t('register.network.helpers'),
    networkInvolved: t('register.network.informal'),
    urgent: t('register.urgent.label'),
    familyConsent: t('register.consent.label'),
  };
  const labelFor = (field: string) => {
    const row = /^children\.(\d+)\.(firstName|birthYear)$/.exec(field);
    if (row) return t('register.children.rowField', { row: Number(row[1]) + 1, field: t(`register.children.${row[2] as 'firstName' | 'birthYear'}`) });
    return labels[field] ?? field;
  };

  // "Choose one" is the shared message for a box that must be ticked; say what it is about.
  const fieldErrors = { ...feedback.fieldErrors };
  if (fieldErrors.familyConsent) fieldErrors.familyConsent = t('register.consent.required');
  const problems = { ...feedback.problems, fieldErrors };

  const addChild = () => {
    update({ children: [...values.children, { key: newKey(), firstName: '', birthYear: '' }] });
    focusSoon(idFor(childField(values.children.length, 'firstName')));
  };
  const removeChild = (index: number) => {
    const rest = values.children.filter((_, i) => i !== index);
    update({ children: rest });
    focusSoon(rest.length === 0 ? idFor('children') : idFor(childField(Math.min(index, rest.length - 1), 'firstName')));
  };
  const setChild = (index: number, patch: Partial<ChildRow>) =>
    update({ children: values.children.map((c, i) => (i === index ? { ...c, ...patch } : c)) });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const choices = routing.choices.map((c) => c.id);
    // When the postcode does not say where to go, the person must choose a collaboration.
    const schema = routing.needsChoice && choices.length > 0
      ? RegistrationCreate.extend({ collaborationId: z.enum(choices as [string, ...string[]]) })
      : RegistrationCreate;
    const body = feedback.validate(schema, {
      kind: values.kind,
      collaborationId: routing.needsChoice ? (values.collaborationId ?? undefined) : undefined,
      referrer: {
        type: values.referrerType ?? undefined,
        name: values.referrerName,
        organisation: values.referrerOrganisation,
        email: values.referrerEmail,
        phone: values.referrerPhone,
      },
      family: {
        name: values.familyName,
        email: values.familyEmail.trim() === '' ? null : values.familyEmail,
        phone: values.familyPhone,
        language: values.familyLanguage,
      },
      postcode: values.postcode,
      municipality,
      children: values.children
        .filter((c) => c.firstName.trim() !== '' || c.birthYear.trim() !== '')
        .map((c) => ({ firstName: c.firstName, birthYear: c.birthYear.trim() === '' ? Number.NaN : Number(c.birthYear) })),
      reasons: values.reasons,
      question: values.question,
      helpersInvolved: values.helpersInvolved,
      networkInvolved: values.networkInvolved,
      urgent: values.urgent,
      familyConsent: values.familyConsent,
    });
    if (!body) return;
    create.mutate(body, { onSuccess: ({ data }) => onDone(data), onError: feedback.showError });
  };

  const isConsultation = values.kind === 'consultation';

  return (
    <>
      <ErrorSummary problems={problems} attempt={feedback.attempt} labelFor={labelFor} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <fieldset className={formStyles.section}>
          <legend className={formStyles.legend}>{t('register.kind.legend')}</legend>
          <RadioGroupField
            id={idFor('kind')}
            label={labels.kind}
            value={values.kind}
            onChange={(kind) => update({ kind: kind as Values['kind'] })}
            error={fieldErrors.kind}
            options={[
              { value: 'family', label: t('register.kind.family'), description: t('register.kind.familyHint') },
              { value: 'consultation', label: t('register.kind.consultation'), description: t('register.kind.consultationHint') },
            ]}
          />
        </fieldset>

        <fieldset className={formStyles.section}>
          <legend className={formStyles.legend}>{t('register.referrer.legend')}</legend>
          <SelectField
            id={idFor('referrer.type')}
            label={labels['referrer.type']}
            options={REFERRER_TYPES.map((type) => ({ value: type, label: t(`referrerTypes.${type}`) }))}
            value={values.referrerType}
            onChange={(type) => update({ referrerType: type as ReferrerType })}
            error={fieldErrors['referrer.type']}
          />
          <TextField id={idFor('referrer.name')} label={labels['referrer.name']} value={values.referrerName} onChange={(referrerName) => update({ referrerName })} error={fieldErrors['referrer.name']} autoComplete="name" />
          <TextField id={idFor('referrer.organisation')} label={labels['referrer.organisation']} optional value={values.referrerOrganisation} onChange={(referrerOrganisation) => update({ referrerOrganisation })} error={fieldErrors['referrer.organisation']} autoComplete="organization" />
          <TextField id={idFor('referrer.email')} label={labels['referrer.email']} description={t('register.referrer.emailHint')} type="email" value={values.referrerEmail} onChange={(referrerEmail) => update({ referrerEmail })} error={fieldErrors['referrer.email']} autoComplete="email" />
          <TextField id={idFor('referrer.phone')} label={labels['referrer.phone']} optional type="tel" value={values.referrerPhone} onChange={(referrerPhone) => update({ referrerPhone })} error={fieldErrors['referrer.phone']} autoComplete="tel" />
        </fieldset>

        <fieldset className={formStyles.section}>
          <legend className={formStyles.legend}>{t('register.family.legend')}</legend>
          <TextField id={idFor('family.name')} label={labels['family.name']} description={t('register.family.nameHint')} value={values.familyName} onChange={(familyName) => update({ familyName })} error={fieldErrors['family.name']} autoComplete="off" />
          <TextField id={idFor('family.email')} label={labels['family.email']} optional type="email" value={values.familyEmail} onChange={(familyEmail) => update({ familyEmail })} error={fieldErrors['family.email']} autoComplete="off" />
          <TextField id={idFor('family.phone')} label={labels['family.phone']} optional type="tel" value={values.familyPhone} onChange={(familyPhone) => update({ familyPhone })} error={fieldErrors['family.phone']} autoComplete="off" />
          <SelectField
            id={idFor('family.language')}
            label={labels['family.language']}
            options={FAMILY_LANGUAGES.map((language) => ({ value: language, label: t(`familyLanguages.${language}`) }))}
            value={values.familyLanguage}
            onChange={(familyLanguage) => update({ familyLanguage })}
            error={fieldErrors['family.language']}
          />
        </fieldset>

        <fieldset className={formStyles.section}>
          <legend className={formStyles.legend}>{t('register.where.legend')}</legend>
          <p>{t('register.where.intro')}</p>
          <TextField
            id={idFor('postcode')}
            label={labels.postcode}
            value={values.postcode}
            onChange={(postcode) => update({ postcode, collaborationId: null })}
            error={fieldErrors.postcode}
            inputMode="numeric"
            maxLength={4}
            narrow
            autoComplete="postal-code"
          />
          <RoutingInfo
            routing={routing}
            postcode={values.postcode}
            id={idFor('collaborationId')}
            value={values.collaborationId}
            onChange={(collaborationId) => update({ collaborationId })}
            error={fieldErrors.collaborationId}
          />
          <TextField
            id={idFor('municipality')}
            label={labels.municipality}
            value={municipality}
            onChange={(text) => update({ municipality: text, municipalityTyped: true })}
            error={fieldErrors.municipality}
            autoComplete="address-level2"
          />
        </fieldset>

        <fieldset className={formStyles.section}>
          <legend className={formStyles.legend}>{labels.children}</legend>
          <p>{isConsultation ? t('register.children.introConsultation') : t('register.children.intro')}</p>
          <ul className={styles.rows}>
            {values.children.map((child, index) => (
              <li key={child.key}>
                <fieldset className={styles.childRow}>
                  <legend className="visually-hidden">{t('register.children.row', { row: index + 1 })}</legend>
                  <TextField
                    id={idFor(childField(index, 'firstName'))}
                    label={t('register.children.firstName')}
                    value={child.firstName}
                    onChange={(firstName) => setChild(index, { firstName })}
                    error={fieldErrors[childField(index, 'firstName')]}
                    autoComplete="off"
                  />
                  <TextField
                    id={idFor(childField(index, 'birthYear'))}
                    label={t('register.children.birthYear')}
                    value={child.birthYear}
                    onChange={(birthYear) => setChild(index, { birthYear })}
                    error={fieldErrors[childField(index, 'birthYear')]}
                    inputMode="numeric"
                    maxLength={4}
                    narrow
                    autoComplete="off"
                  />
                  <Button
                    variant="quiet"
                    className={styles.rowButton}
                    onPress={() => removeChild(index)}
                    aria-label={withContext(t('common.remove'), t('register.children.row', { row: index + 1 }))}
                  >
                    {t('common.remove')}
                  </Button>
                </fieldset>
              </li>
            ))}
          </ul>
          {fieldErrors.children && <p className={styles.listError}>{fieldErrors.children}</p>}
          <Button id={idFor('children')} onPress={addChild}>
            <span aria-hidden="true">+</span> {t('register.children.add')}
          </Button>
        </fieldset>

        <fieldset className={formStyles.section}>
          <legend className={formStyles.legend}>{t('register.why.legend')}</legend>
          <CheckboxGroupField
            id={idFor('reasons')}
            label={labels.reasons}
            description={t('register.why.reasonsHint')}
            options={REGISTRATION_REASONS.map((reason) => ({ value: reason, label: t(`registrationReasons.${reason}`) }))}
            value={values.reasons}
            onChange={(reasons) => update({ reasons })}
            error={fieldErrors.reasons}
          />
          <TextAreaField
            id={idFor('question')}
            label={isConsultation ? t('register.why.consultationQuestion') : labels.question}
            description={isConsultation ? t('register.why.consultationQuestionHint') : t('register.why.questionHint')}
            value={values.question}
            onChange={(question) => update({ question })}
            error={fieldErrors.question}
            maxLength={4000}
          />
        </fieldset>

        <fieldset className={formStyles.section}>
          <legend className={formStyles.legend}>{t('register.network.legend')}</legend>
          <TextAreaField id={idFor('helpersInvolved')} label={labels.helpersInvolved} description={t('register.network.helpersHint')} optional value={values.helpersInvolved} onChange={(helpersInvolved) => update({ helpersInvolved })} error={fieldErrors.helpersInvolved} maxLength={2000} rows={3} />
          <TextAreaField id={idFor('networkInvolved')} label={labels.networkInvolved} description={t('register.network.informalHint')} optional value={values.networkInvolved} onChange={(networkInvolved) => update({ networkInvolved })} error={fieldErrors.networkInvolved} maxLength={2000} rows={3} />
        </fieldset>

        <fieldset className={formStyles.section}>
          <legend className={formStyles.legend}>{t('register.finish.legend')}</legend>
          <CheckboxField id={idFor('urgent')} label={labels.urgent} description={t('register.urgent.hint')} checked={values.urgent} onChange={(urgent) => update({ urgent })} error={fieldErrors.urgent} />
          <CheckboxField id={idFor('familyConsent')} label={labels.familyConsent} description={t('register.consent.hint')} checked={values.familyConsent} onChange={(familyConsent) => update({ familyConsent })} error={fieldErrors.familyConsent} isRequired />
        </fieldset>

        <div className={formStyles.actions}>
          <Button type="submit" variant="primary" isPending={create.isPending}>
            {create.isPending ? t('common.sending') : t('register.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
