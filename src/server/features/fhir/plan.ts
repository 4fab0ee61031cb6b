import type * as R4 from 'fhir/r4';
import type { Agreement, PlanItem } from '../../../shared/schemas/plan.ts';
import { SCALE_MAX } from '../../../shared/plan-constants.ts';
import { concept, HL7, identifier } from './codes.ts';
import type { People } from './people.ts';
import type { FhirSource } from './source.ts';

/*
 * The plan: the CarePlan (the family's question, status, period, activities), a Goal per goal with
 * its life domain and the progress scale (1 = not yet … 5 = there) as target and achievement, an
 * Observation per progress measurement in the history, strengths and worries as Observations, the
 * own-strength reflections as Observations over time, and each agreement a Task.
 */

export function lifeDomains(source: FhirSource) {
  const byId = new Map(source.file.plan.lifeDomains.map((d) => [d.id, d]));
  return (id: string | null): R4.CodeableConcept | undefined => {
    const d = id ? byId.get(id) : undefined;
    return d ? concept('life-domain', d.pictogram, d.labelNl, d.labelNl) : undefined;
  };
}

const GOAL_LIFECYCLE: Record<PlanItem['status'], R4.Goal['lifecycleStatus']> = {
  active: 'active', reached: 'completed', partly_reached: 'completed', not_reached: 'completed', dropped: 'cancelled',
};
const GOAL_ACHIEVEMENT: Record<PlanItem['status'], string> = {
  active: 'in-progress', reached: 'achieved', partly_reached: 'improving', not_reached: 'not-achieved', dropped: 'not-attainable',
};
const TASK_STATUS: Record<Agreement['status'], R4.Task['status']> = { open: 'in-progress', done: 'completed', not_done: 'failed' };

const annotation = (text: string, author?: R4.Reference, time?: string): R4.Annotation =>
  ({ text, ...(author?.reference ? { authorReference: author } : author?.display ? { authorString: author.display } : {}), ...(time ? { time } : {}) });

/** The goal's progress measurements: every change of the scale in the history the asker may see. */
function progressMeasurements(source: FhirSource) {
  return source.file.history
    .filter((h) => h.itemType === 'goal' && h.after && typeof h.after.progress === 'number' && h.after.progress !== h.before?.progress)
    .map((h) => ({ id: h.id, goalId: h.itemId, at: h.at, value: h.after!.progress as number, by: h.changedByName, version: Number(h.after!.version ?? 0) }))
    // Changes made in one transaction share their time; the item's version orders them.
    .sort((a, b) => a.at.localeCompare(b.at) || a.version - b.version);
}

export function planResources(source: FhirSource, people: People) {
  const { file } = source;
  const { plan } = file;
  const domain = lifeDomains(source);
  const subject = people.family;
  const measurements = progressMeasurements(source);

  const progress: R4.Observation[] = measurements.map((m) => ({
    resourceType: 'Observation', id: m.id, status: 'final', code: concept('plan-item', 'progress', 'Voortgang op het doel'),
    subject, focus: [{ reference: `Goal/${m.goalId}` }], effectiveDateTime: m.at, issued: m.at, valueInteger: m.value,
    ...(m.by ? { performer: [{ display: m.by }] } : {}),
  }));

  const goals: R4.Goal[] = plan.goals.map((g) => {
    const category = domain(g.lifeDomainId);
    const expressedBy = people.ref(g.onBehalfOfParticipantId ?? g.authorParticipantId, g.onBehalfOfName ?? g.authorName);
    const outcomes = measurements.filter((m) => m.goalId === g.id).map((m) => ({ reference: `Observation/${m.id}` }));
    return {
      resourceType: 'Goal', id: g.id, identifier: [identifier('goal', g.id)],
      lifecycleStatus: GOAL_LIFECYCLE[g.status],
      achievementStatus: { coding: [{ system: HL7.goalAchievement, code: GOAL_ACHIEVEMENT[g.status] }, concept('plan-item', `goal-${g.status}`).coding![0]!] },
      ...(category ? { category: [category] } : {}),
      description: { text: g.text }, subject, startDate: g.createdAt.slice(0, 10),
      target: [{
        measure: concept('plan-item', 'progress', 'Voortgang op het doel'), detailInteger: SCALE_MAX,
        ...(g.targetDate ? { dueDate: g.targetDate } : {}),
      }],
      statusDate: g.updatedAt.slice(0, 10),
      ...(expressedBy ? { expressedBy } : {}),
      ...(g.whyItMatters ? { note: [annotation(g.whyItMatters)] } : {}),
      ...(outcomes.length > 0 ? { outcomeReference: outcomes } : {}),
    };
  });

  const aboutMembers = (item: PlanItem) => item.memberIds.map((id) => people.ref(id)).filter((r): r is R4.Reference => r?.reference !== undefined);
  const strengthsAndWorries: R4.Observation[] = [...plan.strengths, ...plan.worries].map((item) => {
    const category = domain(item.lifeDomainId);
    const about = aboutMembers(item);
    return {
      resourceType: 'Observation', id: item.id, identifier: [identifier(item.kind, item.id)], status: 'final',
      ...(category ? { category: [category] } : {}),
      code: concept('plan-item', item.kind, item.kind === 'strength' ? 'Kracht' : 'Zorg'), subject,
      ...(about.length > 0 ? { focus: about } : {}),
      effectiveDateTime: item.createdAt, issued: item.updatedAt, valueString: item.text,
      ...(item.size !== null ? { component: [{ code: concept('plan-item', 'size', item.kind === 'strength' ? 'Hoe sterk' : 'Hoe zwaar'), valueInteger: item.size }] } : {}),
      ...(people.ref(item.authorParticipantId, item.authorName) ? { performer: [people.ref(item.authorParticipantId, item.authorName)!] } : {}),
    };
  });

  const reflections: R4.Observation[] = file.reflections.map((r) => {
    const notes = [r.note, r.competenceNote && `competence: ${r.competenceNote}`, r.motivationNote && `motivation: ${r.motivationNote}`, r.socialNote && `social: ${r.socialNote}`]
      .filter((n): n is string => Boolean(n));
    const author = people.ref(r.authorParticipantId, r.authorName);
    return {
      resourceType: 'Observation', id: r.id, identifier: [identifier('reflection', r.id)], status: 'final',
      category: [{ coding: [{ system: HL7.observationCategory, code: 'survey', display: 'Survey' }] }],
      code: concept('own-strength', 'reflection', 'Eigen kracht'),
      subject: r.subjectParticipantId ? people.ref(r.subjectParticipantId, r.subjectName) ?? subject : subject,
      effectiveDateTime: r.reflectedOn, issued: r.createdAt,
      ...(author ? { performer: [author] } : {}),
      component: (['competence', 'motivation', 'social'] as const).map((dimension) => ({ code: concept('own-strength', dimension), valueInteger: r[dimension] })),
      ...(notes.length > 0 ? { note: notes.map((n) => annotation(n)) } : {}),
    };
  });

  const goalIds = new Set(plan.goals.map((g) => g.id));
  const tasks: R4.Task[] = plan.agreements.map((a) => {
    const reason = domain(a.lifeDomainId);
    const owner = people.ref(a.ownerParticipantId, a.ownerName);
    const requester = people.ref(a.onBehalfOfParticipantId ?? a.authorParticipantId, a.onBehalfOfName ?? a.authorName);
    return {
      resourceType: 'Task', id: a.id, identifier: [identifier('agreement', a.id)], status: TASK_STATUS[a.status], intent: 'plan',
      code: concept('plan-item', 'agreement', 'Afspraak'), description: a.what,
      basedOn: [{ reference: `CarePlan/${source.scope.familyId}` }],
      ...(a.goalId && goalIds.has(a.goalId) ? { focus: { reference: `Goal/${a.goalId}` } } : {}),
      for: subject, authoredOn: a.createdAt, lastModified: a.updatedAt,
      ...(owner ? { owner } : {}), ...(requester ? { requester } : {}),
      ...(reason ? { reasonCode: reason } : {}),
      ...(a.dueDate ? { restriction: { period: { end: a.dueDate } } } : {}),
    };
  });

  return { goals, progress, strengthsAndWorries, reflections, tasks };
}

export function carePlan(source: FhirSource, people: People, parts: { goals: R4.Goal[]; tasks: R4.Task[]; appointments: R4.Appointment[]; supportingInfo: R4.Observation[] }): R4.CarePlan {
  const { file } = source;
  const domain = lifeDomains(source);
  const status: R4.CarePlan['status'] = file.family.status === 'closed' ? 'completed' : file.family.status === 'registered' ? 'draft' : 'active';
  const starts = [...file.versions.map((v) => v.createdAt), ...file.plan.questions.map((q) => q.createdAt)].sort();
  const closedAt = (file.closures ?? []).filter((c) => !c.reopenedAt).map((c) => c.closedAt).sort().at(-1);
  const services: R4.CarePlanActivity[] = file.services.map((s) => {
    const code = domain(s.lifeDomainId);
    return {
      detail: {
        kind: 'ServiceRequest', status: s.status === 'ended' ? 'completed' : s.status === 'waiting' ? 'not-started' : 'in-progress',
        ...(code ? { code } : {}), description: [s.organisation, s.kindOfHelp].filter(Boolean).join(': '),
        ...(s.since ? { scheduledPeriod: { start: s.since, ...(s.endedOn ? { end: s.endedOn } : {}) } } : {}),
      },
    };
  });
  return {
    resourceType: 'CarePlan', id: source.scope.familyId, identifier: [identifier('family', source.scope.familyId)],
    status, intent: 'plan', title: file.plan.displayName,
    category: [concept('plan-item', 'family-plan', 'Gezinsplan')],
    ...(file.plan.questions.length > 0 ? { description: file.plan.questions.map((q) => q.text).join('\n') } : {}),
    subject: people.family,
    ...(starts[0] ? { period: { start: starts[0], ...(status === 'completed' && closedAt ? { end: closedAt } : {}) } } : {}),
    careTeam: [{ reference: `CareTeam/${source.scope.familyId}` }],
    ...(parts.supportingInfo.length > 0 ? { supportingInfo: parts.supportingInfo.map((o) => ({ reference: `Observation/${o.id}` })) } : {}),
    ...(parts.goals.length > 0 ? { goal: parts.goals.map((g) => ({ reference: `Goal/${g.id}` })) } : {}),
    ...(parts.tasks.length + parts.appointments.length + services.length > 0 ? { activity: [
      ...parts.tasks.map((t) => ({ reference: { reference: `Task/${t.id}` } })),
      ...parts.appointments.map((a) => ({ reference: { reference: `Appointment/${a.id}` } })),
      ...services,
    ] } : {}),
    ...(file.plan.questions.length > 0 ? { note: file.plan.questions.map((q) => annotation(q.text, people.ref(q.onBehalfOfParticipantId ?? q.authorParticipantId, q.onBehalfOfName ?? q.authorName), q.createdAt)) } : {}),
  };
}
