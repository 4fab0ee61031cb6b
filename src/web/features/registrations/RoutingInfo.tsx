import { useTranslation } from 'react-i18next';
import type { CollaborationContact } from '../../../shared/schemas/registrations.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { RadioGroupField } from '../../components/RadioGroupField.tsx';
import { errorText } from '../../components/error-text.ts';
import { isPostcode, usePostcodeRouting, useRoutingCollaborations } from './queries.ts';

export interface RoutingChoice {
  /** Still looking the postcode up. */
  isLoading: boolean;
  error: unknown;
  retry: () => void;
  /** The one collaboration the postcode goes to. */
  target: CollaborationContact | null;
  /** The municipality of the postcode, when there is exactly one. */
  municipality: string | null;
  /** The postcode is unknown (or shared): the person must choose. */
  needsChoice: boolean;
  unknown: boolean;
  choices: (CollaborationContact & { municipality?: string })[];
}

/** Where a registration from this postcode goes, and what the person must choose when that is not clear. */
export function useRoutingChoice(postcode: string): RoutingChoice {
  const routing = usePostcodeRouting(postcode);
  const known = isPostcode(postcode) ? routing.data : undefined;
  const unknown = known === null;
  const collaborations = useRoutingCollaborations(unknown);
  const matches = known ? known.matches.filter((m, i, all) => all.findIndex((o) => o.id === m.id) === i) : [];
  const shared = matches.length > 1;
  return {
    isLoading: isPostcode(postcode) && (routing.isPending || (unknown && collaborations.isPending)),
    error: isPostcode(postcode) ? (routing.error ?? collaborations.error) : null,
    retry: () => void (routing.isError ? routing.refetch() : collaborations.refetch()),
    target: matches.length === 1 ? (matches[0] ?? null) : null,
    municipality: known && known.matches.length === 1 ? (known.matches[0]?.municipality ?? null) : null,
    needsChoice: unknown || shared,
    unknown,
    choices: unknown ? (collaborations.data ?? []) : shared ? matches : [],
  };
}

function contactLine(c: CollaborationContact): string {
  return [c.contactEmail, c.contactPhone].filter(Boolean).join(' · ');
}

interface RoutingInfoProps {
  routing: RoutingChoice;
  postcode: string;
  id: string;
  value: string | null;
  onChange: (collaborationId: string) => void;
  error: string | undefined;
}

export function RoutingInfo({ routing, postcode, id, value, onChange, error }: RoutingInfoProps) {
  const { t } = useTranslation();
  if (!isPostcode(postcode)) return null;
  if (routing.isLoading) return <Loading label={t('register.where.looking')} />;
  if (routing.error) {
    return (
      <Alert tone="error" actions={<Button onPress={routing.retry}>{t('common.retry')}</Button>}>
        {t('register.where.lookupFailed')} {errorText(routing.error, t)}
      </Alert>
    );
  }
  if (routing.target) {
    const contact = contactLine(routing.target);
    return (
      <Alert tone="info">
        {t('register.where.goesTo', { name: routing.target.name })}
        {contact && (
          <>
            {' '}
            {t('register.where.contact', { contact })}
          </>
        )}
      </Alert>
    );
  }
  return (
    <>
      <Alert tone="warning">{routing.unknown ? t('register.where.unknown', { postcode: postcode.trim() }) : t('register.where.shared')}</Alert>
      <RadioGroupField
        id={id}
        label={t('register.where.choose')}
        value={value}
        onChange={onChange}
        error={error}
        options={routing.choices.map((c) => ({
          value: c.id,
          label: c.municipality ? `${c.municipality}: ${c.name}` : c.name,
          description: contactLine(c) || undefined,
        }))}
      />
    </>
  );
}
