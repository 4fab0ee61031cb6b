import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../shared/schemas/plan.ts';
import type { Service } from '../../../shared/schemas/services.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { errorText } from '../../components/error-text.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useLocale } from '../../i18n/i18n.ts';
import { useFamilyContext } from '../families/FamilyLayout.tsx';
import { usePlan } from '../families/queries.ts';
import { useDeleteService, useReorderServices, useServices } from '../network/queries.ts';
import { ServiceForm } from './ServiceForm.tsx';
import styles from '../network/Network.module.css';

type View = 'priority' | 'member' | 'domain';

/** The overview of all help: what, for whom, on which life domain, since when, and what the family waits for. */
export function ServicesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const family = useFamilyContext();
  const services = useServices(family.id);
  const plan = usePlan(family.id);
  const reorder = useReorderServices(family.id);
  const remove = useDeleteService(family.id);
  const [view, setView] = useState<View>('priority');
  const [editing, setEditing] = useState<Service | 'new' | null>(null);
  const [removing, setRemoving] = useState<Service | null>(null);
  const [announce, setAnnounce] = useState('');
  const canWrite = family.reach === 'full';
  const list = services.data ?? [];
  const waiting = list.filter((s) => s.status === 'waiting');
  const name = (id: string) => plan.data?.participants.find((p) => p.id === id)?.displayName ?? '?';
  const domain = (id: string | null) => {
    const d = plan.data?.lifeDomains.find((x) => x.id === id);
    return d ? (locale === 'en' ? d.labelEn : d.labelNl) : t('services.noDomain');
  };
  const moveBy = (s: Service, by: -1 | 1) => {
    const ids = list.map((x) => x.id);
    const from = ids.indexOf(s.id);
    const to = from + by;
    if (!plan.data || to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    reorder.mutate({ ids, revision: plan.data.revision }, { onSuccess: () => setAnnounce(t('services.moved', { name: s.organisation, place: to + 1 })) });
  };
  const groups: { key: string; title: string | null; items: Service[] }[] = view === 'priority'
    ? [{ key: 'all', title: null, items: list }]
    : view === 'member'
      ? [...new Set(list.flatMap((s) => s.memberIds))].map((id) => ({ key: id, title: name(id), items: list.filter((s) => s.memberIds.includes(id)) }))
        .concat(list.some((s) => s.memberIds.length === 0) ? [{ key: 'family', title: t('services.wholeFamily'), items: list.filter((s) => s.memberIds.length === 0) }] : [])
      : [...new Set(list.map((s) => s.lifeDomainId))].map((id) => ({ key: id ?? 'none', title: domain(id), items: list.filter((s) => s.lifeDomainId === id) }));

  const card = (s: Service, index: number) => (
    <li key={s.id} className={`${styles.card} ${s.status === 'waiting' ? styles.waiting : ''} ${s.status === 'ended' ? styles.ended : ''}`}>
      <h3>{view === 'priority' && `${index + 1}. `}{s.organisation}: {s.kindOfHelp}</h3>
      <p className={styles.meta}>
        <span><strong>{t(`services.statuses.${s.status}`)}</strong>{s.status === 'waiting' && s.waitingSince && ` ${t('services.sinceDate', { date: s.waitingSince })}`}</span>
        <span>{domain(s.lifeDomainId)}</span>
        <span>{s.memberIds.length > 0 ? t('services.forWhom', { names: s.memberIds.map(name).join(', ') }) : t('services.wholeFamily')}</span>
        {s.since && s.status !== 'waiting' && <span>{t('services.sinceDate', { date: s.since })}</span>}
        {s.endedOn && <span>{t('services.endedOn', { date: s.endedOn })}</span>}
      </p>
      {s.status === 'waiting' && s.expected && <p>{t('services.expectedText', { text: s.expected })}</p>}
      {s.status === 'waiting' && s.bridging && <p>{t('services.bridgingText', { text: s.bridging })}</p>}
      {s.contactPerson && <p>{t('services.contactText', { name: s.contactPerson })}{s.contactPhone && <> – <a href={`tel:${s.contactPhone.replace(/[^\d+]/g, '')}`}>{s.contactPhone}</a></>}</p>}
      {s.familyExpects && <p>{t('services.expectsText', { text: s.familyExpects })}</p>}
      {s.socialMapEntryId && <p className={styles.hint}>{t('services.onSocialMap')}</p>}
      {canWrite && (
        <div className={styles.actions}>
          {view === 'priority' && <Button variant="quiet" isDisabled={index === 0} aria-label={t('services.upLabel', { name: s.organisation })} onPress={() => moveBy(s, -1)}>{t('services.up')}</Button>}
          {view === 'priority' && <Button variant="quiet" isDisabled={index === list.length - 1} aria-label={t('services.downLabel', { name: s.organisation })} onPress={() => moveBy(s, 1)}>{t('services.down')}</Button>}
          <Button variant="quiet" aria-label={`${t('common.edit')}: ${s.organisation}`} onPress={() => setEditing(s)}>{t('common.edit')}</Button>
          <Button variant="quiet" aria-label={`${t('common.remove')}: ${s.organisation}`} onPress={() => setRemoving(s)}>{t('common.remove')}</Button>
        </div>
      )}
    </li>
  );

  return (
    <div className={styles.printHide}>
      <PageHeader title={t('services.title')} context={family.displayName} intro={t('services.intro')}
        actions={<>
          {canWrite && plan.data && <Button variant="primary" onPress={() => setEditing('new')}>{t('services.add')}</Button>}
          {list.length > 0 && <Button onPress={() => window.print()}>{t('services.print')}</Button>}
        </>} />
      <p className="visually-hidden" aria-live="polite">{announce}</p>
      {(services.isPending || plan.isPending) && <Loading />}
      {services.isError && <ErrorState error={services.error} onRetry={() => void services.refetch()} isRetrying={services.isFetching} />}
      {reorder.isError && <Alert tone="error">{errorText(reorder.error, t)}</Alert>}
      {services.data && list.length === 0 && <EmptyState title={t('services.empty')}>{t('services.emptyHint')}</EmptyState>}
      {waiting.length > 0 && (
        <section className={styles.section} aria-labelledby="waiting">
          <h2 id="waiting">{t('services.waitingTitle', { count: waiting.length })}</h2>
          <ul>{waiting.map((s) => <li key={s.id}>{t('services.waitingLine', { where: s.organisation, who: s.memberIds.length > 0 ? s.memberIds.map(name).join(', ') : t('services.wholeFamily'), since: s.waitingSince ?? '?' })}</li>)}</ul>
        </section>
      )}
      {list.length > 0 && (
        <div className={styles.views}>
          <SelectField id="services-view" label={t('services.view')} value={view} onChange={(next) => setView(next as View)}
            options={(['priority', 'member', 'domain'] as const).map((k) => ({ value: k, label: t(`services.views.${k}`) }))} />
        </div>
      )}
      {groups.map((g) => (
        <section key={g.key} className={styles.section} aria-label={g.title ?? t('services.views.priority')}>
          {g.title && <h2>{g.title}</h2>}
          <ul className={styles.cards}>{g.items.map(card)}</ul>
        </section>
      ))}
      <ConfirmDialog isOpen={removing !== null} title={t('services.removeTitle')} confirmLabel={t('common.remove')}
        onConfirm={() => removing && remove.mutate(removing, { onSuccess: () => setRemoving(null) })}
        onCancel={() => { remove.reset(); setRemoving(null); }} isPending={remove.isPending} error={remove.isError ? errorText(remove.error, t) : null}>
        <p>{t('services.removeText', { name: removing?.organisation ?? '' })}</p>
      </ConfirmDialog>
      <FormDialog isOpen={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('services.add') : editing?.organisation ?? ''}>
        {editing !== null && plan.data && <ServiceForm familyId={family.id} collaborationId={family.collaborationId} isCoach={family.myRole === 'coach'} plan={plan.data as Plan} service={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </FormDialog>
    </div>
  );
}
