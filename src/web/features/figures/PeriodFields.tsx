import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { brusselsDay, brusselsMonthStart } from '../../../shared/brussels-day.ts';

type Preset = 'last12Months' | 'lastYear' | 'thisYear' | 'custom';
const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

/** Periods in Brussels calendar days, as the server counts them. */
export function periodOf(preset: Exclude<Preset, 'custom'>, now = new Date()) {
  const today = brusselsDay(now);
  const year = Number(today.slice(0, 4));
  if (preset === 'thisYear') return { from: `${year}-01-01`, to: today };
  if (preset === 'lastYear') return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  return { from: brusselsMonthStart(now, 11), to: today };
}

export function usePeriod() {
  const [preset, setPreset] = useState<Preset>('last12Months');
  const [range, setRange] = useState(() => periodOf('last12Months'));
  const valid = isDate(range.from) && isDate(range.to) && range.from <= range.to;
  return { preset, setPreset, ...range, setRange, valid };
}

/** The period: a few usual choices, or two dates. */
export function PeriodFields({ period, idPrefix }: { period: ReturnType<typeof usePeriod>; idPrefix: string }) {
  const { t } = useTranslation();
  const presets: Exclude<Preset, 'custom'>[] = ['last12Months', 'thisYear', 'lastYear'];
  return (
    <>
      <SelectField
        id={`${idPrefix}-preset`} label={t('figures.period')} value={period.preset}
        onChange={(value) => {
          period.setPreset(value as Preset);
          if (value !== 'custom') period.setRange(periodOf(value as Exclude<Preset, 'custom'>));
        }}
        options={[...presets.map((p) => ({ value: p, label: t(`figures.presets.${p}`) })), { value: 'custom', label: t('figures.presets.custom') }]}
      />
      <TextField
        id={`${idPrefix}-from`} label={t('figures.from')} type="date" value={period.from}
        onChange={(from) => { period.setPreset('custom'); period.setRange({ from, to: period.to }); }}
        error={period.valid || !isDate(period.from) ? undefined : t('figures.fromAfterTo')}
      />
      <TextField
        id={`${idPrefix}-to`} label={t('figures.to')} type="date" value={period.to}
        onChange={(to) => { period.setPreset('custom'); period.setRange({ from: period.from, to }); }}
      />
    </>
  );
}
