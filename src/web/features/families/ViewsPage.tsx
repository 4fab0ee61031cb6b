import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanItemKind } from '../../../shared/plan-constants.ts';
import type { Family } from '../../../shared/schemas/families.ts';
import type { Plan, PlanItem } from '../../../shared/schemas/plan.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { errorText } from '../../components/error-text.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { RadioGroupField } from '../../components/RadioGroupField.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useLocale } from '../../i18n/i18n.ts';
import { familyPaths } from './family-paths.ts';
import { useFamilyContext } from './FamilyLayout.tsx';
import { ItemForm } from './ItemForm.tsx';
import { AgreementCard, ItemCard } from './PlanPage.tsx';
import { ProgressFaces } from './ProgressFaces.tsx';
import { domainOf, faceOf } from './plan-format.ts';
import { ITEM_PATHS, useDeleteFromPlan, usePlan } from './queries.ts';
import styles from './Family.module.css';

const EVERYONE = 'all';

function usePlanOrState() {
  const family = useFamilyContext();
  const plan = usePlan(family.id);
  const state = plan.isPending ? <Loading /> : plan.isError ? <ErrorState error={plan.error} onRetry={() => void plan.refetch()} isRetrying={plan.isFetching} /> : null;
  return { family, plan: plan.data, state };
}

/**
 * The family's own view: plain words, pictograms, big type, phone first. With one child chosen it
 * becomes the child's view: only that child's goals, a picture and a short sentence each.
 */
export function FamilyViewPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { family, plan, state } = usePlanOrState();
  const [forWhom, setForWhom] = useState(EVERYONE);
  if (!plan) return state;
  const children = plan.participants.filter((p) => p.role === 'child' || p.role === 'young_person');
  const child = children.find((c) => c.id === forWhom);
  return (
    <div className={styles.plain}>
      <PageHeader title={child ? t('families.view.childTitle', { name: child.displayName }) : t('families.view.title')} context={plan.displayName} />
      <div className={`${styles.sectionHead} ${styles.noPrint}`}>
        {children.length > 0 && (
          <SelectField id="view-for" label={t('families.view.forWhom')} value={forWhom} onChange={setForWhom}
            options={[{ value: EVERYONE, label: t('families.view.everyone') }, ...children.map((c) => ({ value: c.id, label: c.displayName }))]} />
        )}
        <Button onPress={() => window.print()}>{t('families.view.print')}</Button>
        <a href={familyPaths.pdf(family.id, locale)} download>{t('families.view.pdf')}</a>
        <a href={familyPaths.json(family.id)} download>{t('families.view.json')}</a>
        <a href={familyPaths.fhir(family.id)} download>{t('families.view.fhir')}</a>
      </div>
      {family.reach === 'consented' && family.contributeLifeDomainIds.length > 0 && !child
        ? <Contribute family={family} plan={plan} />
        : (
          <>
            {family.reach === 'consented' && <SharedOnly plan={plan} />}
            {child ? <ChildGoals plan={plan} goals={plan.goals.filter((g) => g.memberIds.includes(child.id))} /> : <PlainPlan plan={plan} familyId={family.reach === 'full' ? family.id : undefined} />}
          </>
        )}
    </div>
  );
}

/** Someone outside the family sees what the family shared with them, and is told so. */
function SharedOnly({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const nothing = [plan.questions, plan.goals, plan.strengths, plan.worries, plan.agreements].every((list) => list.length === 0);
  return nothing
    ? <EmptyState title={t('families.view.sharedNothing.title')}>{t('families.view.sharedNothing.body')}</EmptyState>
    : <p>{t('families.view.sharedOnly')}</p>;
}

const CONTRIBUTE_KINDS = ['worry', 'strength', 'goal'] as const satisfies readonly PlanItemKind[];
type Editing = { kind: PlanItemKind; item: PlanItem | null } | null;

/**
 * Someone outside the family the family lets "also add" to some life domains: they add a worry,
 * something that goes well or a goal there, and change or remove only what they wrote themselves.
 */
function Contribute({ family, plan }: { family: Family; plan: Plan }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<PlanItem | null>(null);
  const [said, setSaid] = useState('');
  const remove = useDeleteFromPlan(family.id);
  const nothing = [plan.questions, plan.goals, plan.strengths, plan.worries, plan.agreements].every((list) => list.length === 0);
  const domains = family.contributeLifeDomainIds.map((id) => domainOf(plan, id, locale)?.label).filter(Boolean).join(', ');
  const isMine = (item: PlanItem) => family.myParticipantId !== null && item.authorParticipantId === family.myParticipantId;
  const close = () => setEditing(null);

  return (
    <>
      <section className={`${styles.section} ${styles.noPrint}`} aria-labelledby="contribute-title">
        <h2 id="contribute-title" className="visually-hidden">{t('families.view.contribute.title')}</h2>
        <p>{t('families.view.sharedOnly')} {domains && t('families.view.contribute.addHint', { domains })}</p>
        <Button variant="primary" onPress={() => { setSaid(''); setEditing({ kind: 'worry', item: null }); }}>{t('families.view.contribute.add')}</Button>
        {said && <Alert tone="success">{said}</Alert>}
      </section>
      {nothing && <EmptyState title={t('families.view.contribute.emptyTitle')}>{t('families.view.contribute.emptyBody')}</EmptyState>}
      <PlainPlan plan={plan} actions={(item) => isMine(item) && item.kind !== 'question' && (
        <div className={styles.itemActions}>
          <p className={styles.muted}>{t('families.view.contribute.mine')}</p>
          <Button variant="quiet" aria-label={`${t('families.view.contribute.edit')}: ${item.text}`} onPress={() => { setSaid(''); setEditing({ kind: item.kind, item }); }}>{t('families.view.contribute.edit')}</Button>
          <Button variant="quiet" aria-label={`${t('families.view.contribute.remove')}: ${item.text}`} onPress={() => { setSaid(''); setRemoving(item); }}>{t('families.view.contribute.remove')}</Button>
        </div>
      )} />

      <FormDialog isOpen={editing !== null} onClose={close}
        title={editing?.item ? t('families.view.contribute.editTitle', { kind: t(`families.plan.dialog.${editing.kind}`) }) : t('families.view.contribute.title')}>
        {editing && (
          <>
            <p>{t('families.view.contribute.intro')}</p>
            {!editing.item && (
              <RadioGroupField id="contribute-kind" label={t('families.view.contribute.what')} value={editing.kind}
                onChange={(kind) => setEditing({ kind: kind as PlanItemKind, item: null })}
                options={CONTRIBUTE_KINDS.map((k) => ({ value: k, label: t(`families.plan.dialog.${k}`) }))} />
            )}
            <ItemForm key={editing.item?.id ?? editing.kind} familyId={family.id} plan={plan} kind={editing.kind} item={editing.item}
              canActOnBehalf={false} lifeDomainIds={family.contributeLifeDomainIds}
              onDone={() => { close(); setSaid(t('families.view.contribute.saved')); }} onCancel={close} />
          </>
        )}
      </FormDialog>
      <ConfirmDialog
        isOpen={removing !== null} title={t('families.plan.removeTitle')} confirmLabel={t('families.view.contribute.remove')}
        onConfirm={() => removing && remove.mutate({ path: `${ITEM_PATHS[removing.kind]}/${removing.id}`, version: removing.version }, {
          onSuccess: () => { setRemoving(null); setSaid(t('families.view.contribute.removed')); },
        })}
        onCancel={() => { remove.reset(); setRemoving(null); }} isPending={remove.isPending} error={remove.isError ? errorText(remove.error, t) : null}
      >
        <p>{t('families.plan.removeBody', { text: removing?.text ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}

/**
 * The plan in plain words; with `familyId`, the family can tap how far each goal is; with
 * `actions`, what someone may do with one item.
 */
export function PlainPlan({ plan, familyId, actions }: { plan: Plan; familyId?: string | undefined; actions?: (item: PlanItem) => ReactNode }) {
  const { t } = useTranslation();
  const part = (title: string, items: PlanItem[], empty: string) => (
    <section className={styles.section}>
      <h2>{title}</h2>
      {items.length === 0 ? <p className={styles.muted}>{empty}</p> : (
        <ul className={styles.items}>
          {items.map((i) => (
            <li key={i.id} className={styles.item}>
              <ItemCard plan={plan} item={i} />
              {familyId && i.kind === 'goal' && i.status === 'active' && <ProgressFaces familyId={familyId} goal={i} />}
              {actions?.(i)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
  return (
    <>
      {part(t('families.view.question'), plan.questions, t('families.view.nothingYet'))}
      {part(t('families.view.goals'), plan.goals, t('families.view.nothingYet'))}
      {part(t('families.view.strengths'), plan.strengths, t('families.view.nothingYet'))}
      {part(t('families.view.worries'), plan.worries, t('families.view.nothingYet'))}
      <section className={styles.section}>
        <h2>{t('families.view.agreements')}</h2>
        {plan.agreements.length === 0 ? <p className={styles.muted}>{t('families.view.nothingYet')}</p> : (
          <ul className={styles.items}>{plan.agreements.map((a) => <li key={a.id} className={styles.item}><AgreementCard agreement={a} /></li>)}</ul>
        )}
      </section>
    </>
  );
}

function ChildGoals({ plan, goals }: { plan: Plan; goals: PlanItem[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (goals.length === 0) return <p>{t('families.view.childEmpty')}</p>;
  return (
    <ul className={styles.items}>
      {goals.map((g) => {
        const domain = domainOf(plan, g.lifeDomainId, locale);
        return (
          <li key={g.id} className={styles.item}>
            <p className={styles.faces} aria-hidden="true">{domain?.symbol ?? '⭐'}</p>
            <p className={styles.itemText}>{g.text}</p>
            {g.progress !== null && <p><span aria-hidden="true" className={styles.faces}>{faceOf(g.progress)} </span>{t('families.plan.progress', { n: g.progress })}</p>}
          </li>
        );
      })}
    </ul>
  );
}

/** The three-column plan: what worries us, what goes well, what needs to happen. */
export function ColumnsPage() {
  const { t } = useTranslation();
  const { plan, state } = usePlanOrState();
  if (!plan) return state;
  const column = (title: string, body: React.ReactNode) => <section className={styles.card}><h2>{title}</h2>{body}</section>;
  const list = (items: PlanItem[]) => <ul className={styles.items}>{items.map((i) => <li key={i.id}><ItemCard plan={plan} item={i} /></li>)}</ul>;
  return (
    <>
      <PageHeader title={t('families.columns.title')} context={plan.displayName} />
      <div className={styles.columns}>
        {column(t('families.columns.worries'), list(plan.worries))}
        {column(t('families.columns.strengths'), list(plan.strengths))}
        {column(t('families.columns.todo'), (
          <>
            {list(plan.goals.filter((g) => g.status === 'active'))}
            <ul className={styles.items}>{plan.agreements.filter((a) => a.status === 'open').map((a) => <li key={a.id}><AgreementCard agreement={a} /></li>)}</ul>
          </>
        ))}
      </div>
    </>
  );
}
