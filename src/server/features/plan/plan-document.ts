import type { Locale } from '../../../shared/locales.ts';
import type { PlanSectionKey } from '../../../shared/plan-constants.ts';
import type { Plan, PlanItem } from '../../../shared/schemas/plan.ts';
import type { Block, PlainDocument } from '../../pdf/render.ts';
import { STANDARD_SECTIONS } from './plan-read.ts';
import { longDate, translator } from '../../i18n/translate.ts';
import { domainLabel, ownLabel } from '../../../shared/i18n/labels.ts';

const formatDate = (iso: string, locale: Locale) => longDate(iso, locale);

/** The plan as a printable document: the family's words first, every section the template shows. */
export function planDocument(plan: Plan, locale: Locale, today: string): PlainDocument {
  const t = translator(locale);
  const names = new Map(plan.participants.map((p) => [p.id, p.displayName]));
  const domain = (id: string | null) => {
    const d = plan.lifeDomains.find((x) => x.id === id);
    return d ? domainLabel(d, locale) : null;
  };
  const heading = (key: PlanSectionKey) => {
    const own = plan.template?.sections.find((s) => s.key === key);
    return (own && ownLabel(own, locale)) || t(`pdf.plan.sections.${key}`);
  };
  const line = (item: PlanItem) => {
    const parts = [item.text, domain(item.lifeDomainId) && `(${domain(item.lifeDomainId)})`, item.memberIds.length > 0 && `– ${t('pdf.plan.forWhom')}: ${item.memberIds.map((id) => names.get(id)).join(', ')}`];
    if (item.onBehalfOfName && item.authorName) parts.push(`[${t('pdf.plan.onBehalf', { by: item.authorName, of: item.onBehalfOfName })}]`);
    return parts.filter(Boolean).join(' ');
  };
  const list = (items: PlanItem[]): Block => (items.length > 0 ? { kind: 'list', items: items.map(line) } : { kind: 'paragraph', text: t('pdf.plan.empty'), italic: true });
  const goalBlocks = plan.goals.flatMap((g): Block[] => [
    { kind: 'heading', level: 2, text: `${g.text}${domain(g.lifeDomainId) ? ` – ${domain(g.lifeDomainId)}` : ''}` },
    {
      kind: 'keyValue',
      pairs: [
        ...(g.memberIds.length > 0 ? [{ label: t('pdf.plan.forWhom'), value: g.memberIds.map((id) => names.get(id)).join(', ') }] : []),
        ...(g.whyItMatters ? [{ label: t('pdf.plan.why'), value: g.whyItMatters }] : []),
        ...(g.targetDate ? [{ label: t('pdf.plan.by'), value: formatDate(g.targetDate, locale) }] : []),
        { label: t('pdf.plan.agreement.state'), value: [t(`pdf.plan.status.${g.status}`), g.progress ? t('pdf.plan.progress', { n: g.progress }) : null].filter(Boolean).join(' · ') },
      ],
    },
  ]);
  const agreementRows = plan.agreements.map((a) => [
    a.ownerName, a.what, a.dueDate ? formatDate(a.dueDate, locale) : '–',
    a.overdue ? `${t('pdf.plan.agreement.open')} (${t('pdf.plan.agreement.late')})` : t(`pdf.plan.agreement.${a.status}`),
  ]);
  const [latest] = plan.evaluations;
  const sections: Record<PlanSectionKey, Block[]> = {
    questions: [list(plan.questions)],
    strengths: [list(plan.strengths)],
    worries: [list(plan.worries)],
    goals: plan.goals.length > 0 ? goalBlocks : [list([])],
    agreements: agreementRows.length > 0
      ? [{ kind: 'table', header: [t('pdf.plan.agreement.who'), t('pdf.plan.agreement.what'), t('pdf.plan.agreement.when'), t('pdf.plan.agreement.state')], rows: agreementRows, widths: ['auto', '*', 'auto', 'auto'] }]
      : [list([])],
    evaluations: latest
      ? [{ kind: 'heading', level: 2, text: t('pdf.plan.evaluation', { date: formatDate(latest.heldOn, locale) }) }, ...(latest.summary ? [{ kind: 'paragraph', text: latest.summary } as Block] : []),
        ...latest.goals.map((g): Block => ({ kind: 'paragraph', text: `${g.goalText}: ${[g.wentWell && `${t('pdf.plan.wentWell')}: ${g.wentWell}`, g.gotStuck && `${t('pdf.plan.gotStuck')}: ${g.gotStuck}`].filter(Boolean).join('. ') || t(`pdf.plan.status.${g.decision === 'continue' || g.decision === 'change' ? 'active' : g.decision}`)}` }))]
      : [list([])],
  };
  const shown = (plan.template?.sections ?? STANDARD_SECTIONS).filter((s) => s.visible);
  return {
    title: t('pdf.plan.title', { name: plan.displayName }), subtitle: t('pdf.plan.subtitle'), language: locale,
    meta: [
      { label: t('pdf.plan.date'), value: formatDate(today, locale) },
      { label: t('pdf.plan.version'), value: plan.latestVersion ? `${plan.latestVersion.number} (${formatDate(plan.latestVersion.createdAt.slice(0, 10), locale)}) + ${t('pdf.plan.current')}` : t('pdf.plan.none') },
    ],
    blocks: shown.flatMap((s) => [{ kind: 'heading', level: 1, text: heading(s.key) } as Block, ...sections[s.key]]),
  };
}
