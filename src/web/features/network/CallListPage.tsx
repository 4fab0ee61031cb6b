import { useTranslation } from 'react-i18next';
import { HELP_KINDS, type HelpKind } from '../../../shared/network-constants.ts';
import type { NetworkPerson } from '../../../shared/schemas/network.ts';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFamilyContext } from '../families/FamilyLayout.tsx';
import { availabilityText } from './format.ts';
import { useNetwork } from './queries.ts';
import styles from './Network.module.css';

/** "Who can we call?": per need, the people who said yes, when they can, and a number to tap. One page for the fridge. */
export function CallListPage() {
  const { t } = useTranslation();
  const family = useFamilyContext();
  const network = useNetwork(family.id);
  const involved = network.data?.people.filter((p) => p.status === 'involved') ?? [];
  const groups = HELP_KINDS.map((kind) => ({ kind, people: involved.filter((p) => p.roles.includes(kind)) })).filter((g) => g.people.length > 0);
  return (
    <div className={styles.callList}>
      <PageHeader title={t('network.call.title')} context={family.displayName} intro={t('network.call.intro')}
        actions={groups.length > 0 && <Button onPress={() => window.print()}>{t('network.call.print')}</Button>} />
      {network.isPending && <Loading />}
      {network.isError && <ErrorState error={network.error} onRetry={() => void network.refetch()} isRetrying={network.isFetching} />}
      {network.data && groups.length === 0 && <EmptyState title={t('network.call.empty')}>{t('network.call.emptyHint')}</EmptyState>}
      <div className={styles.groups}>
        {groups.map(({ kind, people }) => (
          <section key={kind} className={styles.group} aria-labelledby={`need-${kind}`}>
            <h2 id={`need-${kind}`}>{t(`network.helpKinds.${kind}`)}</h2>
            <ul className={styles.callPeople}>
              {people.map((p) => <CallPerson key={p.id} person={p} kind={kind} />)}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}

function CallPerson({ person, kind }: { person: NetworkPerson; kind: HelpKind }) {
  const { t } = useTranslation();
  const slots = person.availability.filter((s) => s.helpKind === null || s.helpKind === kind);
  const phone = person.contact?.phone;
  return (
    <li>
      <strong>{person.name}</strong>{person.relation && <span className={styles.muted}> ({person.relation})</span>}
      {slots.length > 0 && <div>{availabilityText(slots, t)}</div>}
      {person.callAnytime && <div>{t('network.callAnytime')}</div>}
      {phone ? (
        <div><a className={styles.tel} href={`tel:${phone.replace(/[^\d+]/g, '')}`} aria-label={t('network.call.callLabel', { name: person.name, phone })}>{phone}</a></div>
      ) : <div className={styles.muted}>{person.contact ? t('network.call.noPhone') : t('network.contactNotShared')}</div>}
    </li>
  );
}
