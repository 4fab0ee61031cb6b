import type { Locale } from '../../../shared/locales.ts';
import type { PlanSectionKey } from '../../../shared/plan-constants.ts';
import type { Plan, PlanItem } from '../../../shared/schemas/plan.ts';
import type { Block, PlainDocument } from '../../pdf/render.ts';
import { STANDARD_SECTIONS } from './plan-read.ts';

/** The printed plan's words, in plain language (B1), per locale. */
const WORDS = {
  'nl-BE': {
    title: (name: string) => `Gezinsplan van ${name}`, subtitle: 'Ons plan: wat we willen bereiken en wie wat doet',
    date: 'Datum', version: 'Versie', none: 'nog niet bewaard', current: 'huidig plan',
    sections: { questions: 'Onze vraag', strengths: 'Wat goed gaat', worries: 'Waar we ons zorgen over maken', goals: 'Onze doelen', agreements: 'Wie doet wat', evaluations: 'Terugblik' },
    forWhom: 'Voor', why: 'Waarom', by: 'Tegen', progress: (n: number) => `Hoe ver: ${n} van 5`, empty: 'Nog niets.',
    status: { active: 'bezig', reached: 'bereikt', partly_reached: 'deels bereikt', not_reached: 'niet bereikt', dropped: 'gestopt' },
    agreement: { who: 'Wie', what: 'Wat', when: 'Tegen wanneer', state: 'Stand', open: 'nog te doen', done: 'gedaan', not_done: 'niet gedaan', late: 'te laat' },
    evaluation: (date: string) => `Terugblik van ${date}`, wentWell: 'Wat ging goed', gotStuck: 'Wat liep vast',
    onBehalf: (by: string, of: string) => `ingevuld door ${by} namens ${of}`,
  },
  en: {
    title: (name: string) => `Family plan of ${name}`, subtitle: 'Our plan: what we want to reach and who does what',
    date: 'Date', version: 'Version', none: 'not saved yet', current: 'current plan',
    sections: { questions: 'Our question', strengths: 'What goes well', worries: 'What worries us', goals: 'Our goals', agreements: 'Who does what', evaluations: 'Looking back' },
    forWhom: 'For', why: 'Why', by: 'By', progress: (n: number) => `How far: ${n} of 5`, empty: 'Nothing yet.',
    status: { active: 'in progress', reached: 'reached', partly_reached: 'partly reached', not_reached: 'not reached', dropped: 'stopped' },
    agreement: { who: 'Who', what: 'What', when: 'By when', state: 'State', open: 'to do', done: 'done', not_done: 'not done', late: 'late' },
    evaluation: (date: string) => `Looking back on ${date}`, wentWell: 'What went well', gotStuck: 'What got stuck',
    onBehalf: (by: string, of: string) => `written by ${by} for ${of}`,
  },
} as const;

const formatDate = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' }).format(new Date(`${iso}T12:00:00Z`));

/** The plan as a printable document: the family's words first, every section the template shows. */
export function planDocument(plan: Plan, locale: Locale, today: string): PlainDocument {
  const w = WORDS[locale];
  const names = new Map(plan.participants.map((p) => [p.id, p.displayName]));
  const domain = (id: string | null) => {
    const d = plan.lifeDomains.find((x) => x.id === id);
    return d ? (locale === 'en' ? d.labelEn : d.labelNl) : null;
  };
  const heading = (key: PlanSectionKey) => {
    const own = plan.template?.sections.find((s) => s.key === key);
    return (locale === 'en' ? own?.labelEn : own?.labelNl) || w.sections[key];
  };
  const line = (item: PlanItem) => {
    const parts = [item.text, domain(item.lifeDomainId) && `(${domain(item.lifeDomainId)})`, item.memberIds.length > 0 && `– ${w.forWhom}: ${item.memberIds.map((id) => names.get(id)).join(', ')}`];
    if (item.onBehalfOfName && item.authorName) parts.push(`[${w.onBehalf(item.authorName, item.onBehalfOfName)}]`);
    return parts.filter(Boolean).join(' ');
  };
  const list = (items: PlanItem[]): Block => (items.length > 0 ? { kind: 'list', items: items.map(line) } : { kind: 'paragraph', text: w.empty, italic: true });
  const goalBlocks = plan.goals.flatMap((g): Block[] => [
    { kind: 'heading', level: 2, text: `${g.text}${domain(g.lifeDomainId) ? ` – ${domain(g.lifeDomainId)}` : ''}` },
    {
      kind: 'keyValue',
      pairs: [
        ...(g.memberIds.length > 0 ? [{ label: w.forWhom, value: g.memberIds.map((id) => names.get(id)).join(', ') }] : []),
        ...(g.whyItMatters ? [{ label: w.why, value: g.whyItMatters }] : []),
        ...(g.targetDate ? [{ label: w.by, value: formatDate(g.targetDate, locale) }] : []),
        { label: w.agreement.state, value: [w.status[g.status], g.progress ? w.progress(g.progress) : null].filter(Boolean).join(' · ') },
      ],
    },
  ]);
  const agreementRows = plan.agreements.map((a) => [
    a.ownerName, a.what, a.dueDate ? formatDate(a.dueDate, locale) : '–',
    a.overdue ? `${w.agreement.open} (${w.agreement.late})` : w.agreement[a.status],
  ]);
  const [latest] = plan.evaluations;
  const sections: Record<PlanSectionKey, Block[]> = {
    questions: [list(plan.questions)],
    strengths: [list(plan.strengths)],
    worries: [list(plan.worries)],
    goals: plan.goals.length > 0 ? goalBlocks : [list([])],
    agreements: agreementRows.length > 0
      ? [{ kind: 'table', header: [w.agreement.who, w.agreement.what, w.agreement.when, w.agreement.state], rows: agreementRows, widths: ['auto', '*', 'auto', 'auto'] }]
      : [list([])],
    evaluations: latest
      ? [{ kind: 'heading', level: 2, text: w.evaluation(formatDate(latest.heldOn, locale)) }, ...(latest.summary ? [{ kind: 'paragraph', text: latest.summary } as Block] : []),
        ...latest.goals.map((g): Block => ({ kind: 'paragraph', text: `${g.goalText}: ${[g.wentWell && `${w.wentWell}: ${g.wentWell}`, g.gotStuck && `${w.gotStuck}: ${g.gotStuck}`].filter(Boolean).join('. ') || w.status[g.decision === 'continue' || g.decision === 'change' ? 'active' : g.decision]}` }))]
      : [list([])],
  };
  const shown = (plan.template?.sections ?? STANDARD_SECTIONS).filter((s) => s.visible);
  return {
    title: w.title(plan.displayName), subtitle: w.subtitle, language: locale,
    meta: [
      { label: w.date, value: formatDate(today, locale) },
      { label: w.version, value: plan.latestVersion ? `${plan.latestVersion.number} (${formatDate(plan.latestVersion.createdAt.slice(0, 10), locale)}) + ${w.current}` : w.none },
    ],
    blocks: shown.flatMap((s) => [{ kind: 'heading', level: 1, text: heading(s.key) } as Block, ...sections[s.key]]),
  };
}
