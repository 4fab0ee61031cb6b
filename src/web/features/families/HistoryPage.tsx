import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PlanChange } from '../../../shared/schemas/plan.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFamilyContext } from './FamilyLayout.tsx';
import { useHistory } from './queries.ts';
import styles from './Family.module.css';

const textOf = (c: PlanChange) => {
  const data = c.after ?? c.before ?? {};
  // Plan items have a text; a grant names the person it is for, a prior involvement or service its organisation.
  const text = data.text ?? data.what ?? data.displayName ?? data.summary ?? data.label ?? data.participantName ?? data.organisationName ?? data.name ?? data.organisation;
  return typeof text === 'string' ? text : '';
};

/** Who led when: "Ann gaf de regie aan Jason", "Jason gave the lead back to the family coach". */
function leadSentence(c: PlanChange, t: TFunction): string {
  const holders = (c.after?.holderNames as string[] | undefined) ?? [];
  const who = c.changedByName ?? t('families.history.someone');
  return holders.length > 0 ? t('families.history.leadTo', { who, names: holders.join(', ') }) : t('families.history.leadBack', { who });
}

/** Every change to the file, newest first, as a sentence: who did what, on whose behalf, when. */
export function HistoryPage() {
  const { t } = useTranslation();
  const family = useFamilyContext();
  const history = useHistory(family.id);
  return (
    <>
      <PageHeader title={t('families.history.title')} context={family.displayName} intro={t('families.history.intro')} />
      {history.isPending && <Loading />}
      {history.isError && <ErrorState error={history.error} onRetry={() => void history.refetch()} isRetrying={history.isFetching} />}
      {history.data?.items.length === 0 && <EmptyState title={t('families.history.empty')} />}
      <ol className={styles.items}>
        {history.data?.items.map((c) => (
          <li key={c.id} className={styles.item}>
            <p>
              {c.itemType === 'lead' ? leadSentence(c, t) : t(`families.history.${c.action}`, { who: c.changedByName ?? t('families.history.someone'), what: t(`families.history.types.${c.itemType}`), text: textOf(c) })}
              {c.onBehalfOfName && ` ${t('families.history.onBehalf', { name: c.onBehalfOfName })}`}
            </p>
            <p className={styles.meta}>
              <time dateTime={c.at}>{new Date(c.at).toLocaleString()}</time>
              {c.action === 'update' && c.fields.length > 0 && <span>{t('families.history.fields', { fields: c.fields.join(', ') })}</span>}
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}
