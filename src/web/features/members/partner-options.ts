import type { TFunction } from 'i18next';
import type { PartnerOrganisation } from '../../../shared/schemas/partners.ts';
import type { SelectOption } from '../../components/SelectField.tsx';

/** A select needs a key for "none"; no partner organisation id can look like this. */
export const NO_PARTNER = 'none';

/** Active organisations to choose from, plus the current one even when it was deactivated since. */
export function partnerOptions(partners: readonly PartnerOrganisation[], current: string | null, t: TFunction): SelectOption[] {
  const usable = partners.filter((p) => p.active || p.id === current);
  return [{ value: NO_PARTNER, label: t('members.noPartner') }, ...usable.map((p) => ({ value: p.id, label: p.name }))];
}

export function toPartnerId(value: string): string | null {
  return value === NO_PARTNER ? null : value;
}
