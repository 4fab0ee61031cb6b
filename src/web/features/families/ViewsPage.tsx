import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan, PlanItem } from '../../../shared/schemas/plan.ts';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useLocale } from '../../i18n/i18n.ts';
import { familyPaths } from './family-paths.ts';
import { useFamilyContext } from './FamilyLayout.tsx';
import { AgreementCard, ItemCard } from './PlanPage.tsx';
import { ProgressFaces } from './ProgressFaces.tsx';
import { domainOf, faceOf } from './plan-format.ts';
import { usePlan } from './queries.ts';
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
      </div>
      {family.reach === 'consented' && <SharedOnly plan={plan} />}
      {child ? <ChildGoals plan={plan} goals={plan.goals.filter((g) => g.memberIds.includes(child.id))} /> : <PlainPlan plan={plan} familyId={family.reach === 'full' ? family.id : undefined} />}
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

/** The plan in plain words; with `familyId`, the family can tap how far each goal is. */
export function PlainPlan({ plan, familyId }: { plan: Plan; familyId?: string }) {
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
