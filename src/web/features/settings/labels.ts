import { useTranslation } from 'react-i18next';

/** Names a settings field in the error summary, with the row number for list rows. */
export function useSettingsFieldLabel() {
  const { t } = useTranslation();
  return (field: string): string => {
    const [list, index, column] = field.split('.');
    const row = Number(index) + 1;
    if (list === 'postcodes' && column) {
      const columnLabel = column === 'postcode' ? t('settings.postcodes.postcode') : t('settings.postcodes.municipality');
      return t('settings.postcodes.rowField', { row, field: columnLabel });
    }
    if (list === 'lifeDomains' && column) {
      const columns: Record<string, string> = {
        labelNl: t('settings.lifeDomains.labelNl'),
        labelEn: t('settings.lifeDomains.labelEn'),
        pictogram: t('settings.lifeDomains.pictogram'),
      };
      return t('settings.lifeDomains.rowField', { row, field: columns[column] ?? column });
    }
    const plain: Record<string, string> = {
      name: t('settings.name'),
      contactEmail: t('settings.contactEmail'),
      contactPhone: t('settings.contactPhone'),
      firstContactTargetDays: t('settings.firstContactTargetDays'),
      warningThresholdDays: t('settings.warningThresholdDays'),
      evaluationIntervalMonths: t('settings.evaluationIntervalMonths'),
      breakGlassHours: t('settings.breakGlass.hours'),
      breakGlassCoaches: t('settings.breakGlass.coaches'),
      retentionYears: t('settings.retentionYears'),
      languages: t('settings.languages'),
      postcodes: t('settings.postcodes.title'),
      lifeDomains: t('settings.lifeDomains.title'),
    };
    return plain[field] ?? field;
  };
}
