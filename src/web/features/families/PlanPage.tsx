import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanItemKind } from '../../../shared/plan-constants.ts';
import type { Agreement, Plan, PlanItem } from '../../../shared/schemas/plan.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { errorText } from '../../components/error-text.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLocale } from '../../i18n/i18n.ts';
import { AgreementForm } from './AgreementForm.tsx';
import { useFamilyContext } from './FamilyLayout.tsx';
import { ItemForm } from './ItemForm.tsx';
import { domainOf, faceOf, isSectionVisible, moved, namesOf, sectionLabel } from './plan-format.ts';
import { ITEM_PATHS, useDeleteFromPlan, usePlan, useReorder } from './queries.ts';
import styles from './Family.module.css';

const SECTIONS = [
  { key: 'questions', kind: 'question' }, { key: 'strengths', kind: 'strength' }, { key: 'worries', kind: 'worry' }, { key: 'goals', kind: 'goal' },
] as const;

type Editing = { kind: PlanItemKind; item: PlanItem | null } | { kind: 'agreement'; agreement: Agreement | null } | null;

/** The coach's working view: every part of the plan, editable, in the family's words and order. */
export function PlanPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const family = useFamilyContext();
  const plan = usePlan(family.id);
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<{ path: string; version: number; text: string } | null>(null);
  const [announce, setAnnounce] = useState('');
  const remove = useDeleteFromPlan(family.id);
  const reorder = useReorder(family.id);

  if (plan.isPending) return <Loading />;
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} isRetrying={plan.isFetching} />;
  const p = plan.data;

  const move = (kind: 'worry' | 'goal', list: PlanItem[], index: number, delta: -1 | 1) => {
    const ids = moved(list.map((i) => i.id), index, delta);
    reorder.mutate({ kind, ids, revision: p.revision }, {
      onSuccess: () => setAnnounce(t('families.plan.movedTo', { text: list[index]!.text, position: index + delta + 1, count: list.length })),
    });
  };

  return (
    <>
      <PageHeader title={t('families.plan.title')} context={p.displayName} intro={t('families.plan.intro')} />
      <p className="visually-hidden" aria-live="polite">{announce}</p>
      {reorder.isError && <Alert tone="error">{errorText(reorder.error, t)}</Alert>}
      {SECTIONS.filter((s) => isSectionVisible(p, s.key)).map(({ key, kind }) => {
        const list = p[key];
        const orderable = kind === 'worry' || kind === 'goal';
        const heading = sectionLabel(p, key, locale, t(`families.sections.${key}`));
        return (
          <section key={key} className={styles.section} aria-labelledby={`section-${key}`}>
            <div className={styles.sectionHead}>
              <h2 id={`section-${key}`}>{heading}</h2>
              <Button onPress={() => setEditing({ kind, item: null })}>{t(`families.plan.add.${kind}`)}</Button>
            </div>
            {list.length === 0 && <p className={styles.muted}>{t(`families.plan.empty.${kind}`)}</p>}
            <ol className={styles.items}>
              {list.map((item, index) => (
                <li key={item.id} className={styles.item}>
                  <ItemCard plan={p} item={item} />
                  <div className={styles.itemActions}>
                    <Button variant="quiet" aria-label={`${t('common.edit')}: ${item.text}`} onPress={() => setEditing({ kind, item })}>{t('common.edit')}</Button>
                    {orderable && (
                      <>
                        <Button variant="quiet" aria-label={`${t('families.plan.up')}: ${item.text}`} isDisabled={index === 0 || reorder.isPending} onPress={() => move(kind, list, index, -1)}>{t('families.plan.up')}</Button>
                        <Button variant="quiet" aria-label={`${t('families.plan.down')}: ${item.text}`} isDisabled={index === list.length - 1 || reorder.isPending} onPress={() => move(kind, list, index, 1)}>{t('families.plan.down')}</Button>
                      </>
                    )}
                    <Button variant="quiet" aria-label={`${t('common.remove')}: ${item.text}`} onPress={() => setRemoving({ path: `${ITEM_PATHS[kind]}/${item.id}`, version: item.version, text: item.text })}>{t('common.remove')}</Button>
                  </div>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
      {isSectionVisible(p, 'agreements') && (
        <section className={styles.section} aria-labelledby="section-agreements">
          <div className={styles.sectionHead}>
            <h2 id="section-agreements">{sectionLabel(p, 'agreements', locale, t('families.sections.agreements'))}</h2>
            <Button onPress={() => setEditing({ kind: 'agreement', agreement: null })}>{t('families.plan.add.agreement')}</Button>
          </div>
          {p.agreements.length === 0 && <p className={styles.muted}>{t('families.plan.empty.agreement')}</p>}
          <ul className={styles.items}>
            {p.agreements.map((a) => (
              <li key={a.id} className={styles.item}>
                <AgreementCard agreement={a} />
                <div className={styles.itemActions}>
                  <Button variant="quiet" aria-label={`${t('common.edit')}: ${a.what}`} onPress={() => setEditing({ kind: 'agreement', agreement: a })}>{t('common.edit')}</Button>
                  <Button variant="quiet" aria-label={`${t('common.remove')}: ${a.what}`} onPress={() => setRemoving({ path: `agreements/${a.id}`, version: a.version, text: a.what })}>{t('common.remove')}</Button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}

      <FormDialog isOpen={editing !== null} onClose={() => setEditing(null)} title={editing ? t(`families.plan.dialog.${editing.kind}`) : ''}>
        {editing && editing.kind !== 'agreement' && (
          <ItemForm familyId={family.id} plan={p} kind={editing.kind} item={editing.item} canActOnBehalf={family.myRole === 'coach'} onDone={() => setEditing(null)} onCancel={() => setEditing(null)} />
        )}
        {editing?.kind === 'agreement' && <AgreementForm familyId={family.id} plan={p} agreement={editing.agreement} onDone={() => setEditing(null)} onCancel={() => setEditing(null)} />}
      </FormDialog>
      <ConfirmDialog
        isOpen={removing !== null} title={t('families.plan.removeTitle')} confirmLabel={t('common.remove')}
        onConfirm={() => removing && remove.mutate(removing, { onSuccess: () => setRemoving(null) })}
        onCancel={() => { remove.reset(); setRemoving(null); }} isPending={remove.isPending} error={remove.isError ? errorText(remove.error, t) : null}
      >
        <p>{t('families.plan.removeBody', { text: removing?.text ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}

/** One item as text the family recognises: their words, the domain with its pictogram, for whom, how far. */
export function ItemCard({ plan, item }: { plan: Plan; item: PlanItem }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const domain = domainOf(plan, item.lifeDomainId, locale);
  return (
    <>
      <p className={styles.itemText}>{item.text}</p>
      <p className={styles.meta}>
        {domain && <span><span aria-hidden="true">{domain.symbol} </span>{domain.label}</span>}
        {item.memberIds.length > 0 && <span>{t('families.plan.forWhom', { names: namesOf(plan, item.memberIds) })}</span>}
        {item.size !== null && <span>{t(`families.scale.${item.kind === 'worry' ? 'worry' : 'strength'}.${item.size}` as 'families.scale.worry.1')}</span>}
        {item.progress !== null && <span><span aria-hidden="true" className={styles.faces}>{faceOf(item.progress)} </span>{t('families.plan.progress', { n: item.progress })}</span>}
        {item.kind === 'goal' && <span>{t(`families.goalStatus.${item.status}`)}</span>}
        {item.targetDate && <span>{t('families.plan.targetDate', { date: item.targetDate })}</span>}
        {item.isPrivate && <span>{t('families.plan.private')}</span>}
        {item.onBehalfOfName && item.authorName && <span>{t('families.plan.onBehalf', { by: item.authorName, of: item.onBehalfOfName })}</span>}
        {!item.onBehalfOfName && item.authorName && isFromOutside(plan, item) && <span>{t('families.view.contribute.byName', { name: item.authorName })}</span>}
      </p>
      {item.whyItMatters && <p>{t('families.plan.why', { text: item.whyItMatters })}</p>}
    </>
  );
}

/** Written by someone the family let "also add" (network, outside professional), not the family or a coach. */
function isFromOutside(plan: Plan, item: PlanItem): boolean {
  const author = plan.participants.find((p) => p.id === item.authorParticipantId);
  return item.authorParticipantId !== null && (author === undefined || author.role === 'network_member' || author.role === 'outside_professional');
}

export function AgreementCard({ agreement: a }: { agreement: Agreement }) {
  const { t } = useTranslation();
  return (
    <>
      <p className={styles.itemText}><strong>{a.ownerName}</strong>: <span>{a.what}</span></p>
      <p className={styles.meta}>
        {a.dueDate && <span>{t('families.plan.due', { date: a.dueDate })}</span>}
        {a.overdue
          ? <span className={styles.late}><span aria-hidden="true">⚠️ </span>{t('families.agreementStatus.late')}</span>
          : <span>{t(`families.agreementStatus.${a.status}`)}</span>}
      </p>
    </>
  );
}
