import { z } from 'zod';
import { GOAL_STATUSES, SCALE_MAX, type AgreementStatus, type GoalStatus } from '../../../shared/plan-constants.ts';
import { HELP_KINDS, NETWORK_STATUSES, type HelpKind, type NetworkStatus } from '../../../shared/network-constants.ts';
import { MEMBER_ROLES, type MemberRole } from '../../../shared/roles.ts';
import type { FhirImportPreview, FhirImportProblem } from '../../../shared/schemas/fhir-import.ts';
import { codeSystem, type OurCodeSystem } from '../fhir/codes.ts';
import { FHIR_RELATION_EXTENSION, FHIR_ROLE_EXTENSION } from '../fhir/people.ts';

/*
 * Reads the subset of a FHIR R4 Bundle this system writes (docs/fhir.md): zod over each resource we
 * take in, strict about the values we map and lenient about elements we do not need. Anything not
 * understood becomes a problem (type, path, reason); types we know but do not take over are counted.
 */

const Coding = z.object({ system: z.string().optional(), code: z.string().optional(), display: z.string().optional() });
const Concept = z.object({ coding: z.array(Coding).optional(), text: z.string().optional() });
const Reference = z.object({ reference: z.string().optional(), display: z.string().optional() });
const Extension = z.object({ url: z.string(), valueCoding: Coding.optional(), valueString: z.string().optional() });
const FhirDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

const Patient = z.object({
  resourceType: z.literal('Patient'), id: z.string(),
  name: z.array(z.object({ text: z.string().min(1) })).min(1),
  birthDate: FhirDate.optional(), extension: z.array(Extension).optional(),
});
const RelatedPerson = z.object({
  resourceType: z.literal('RelatedPerson'), id: z.string(),
  name: z.array(z.object({ text: z.string().min(1) })).min(1), relationship: z.array(Concept).optional(),
});
const Goal = z.object({
  resourceType: z.literal('Goal'), id: z.string(),
  description: z.object({ text: z.string().min(1) }), category: z.array(Concept).optional(),
  achievementStatus: Concept.optional(), lifecycleStatus: z.enum(['proposed', 'planned', 'accepted', 'active', 'on-hold', 'completed', 'cancelled', 'entered-in-error', 'rejected']),
  target: z.array(z.object({ dueDate: FhirDate.optional() })).optional(), note: z.array(z.object({ text: z.string() })).optional(),
  expressedBy: Reference.optional(),
});
const Task = z.object({
  resourceType: z.literal('Task'), id: z.string(), description: z.string().min(1),
  status: z.enum(['in-progress', 'completed', 'failed']), owner: Reference.optional(), focus: Reference.optional(),
  reasonCode: Concept.optional(), restriction: z.object({ period: z.object({ end: FhirDate.optional() }).optional() }).optional(),
});
const CarePlan = z.object({ resourceType: z.literal('CarePlan'), id: z.string(), title: z.string().min(1).optional() });
const Group = z.object({ resourceType: z.literal('Group'), id: z.string(), name: z.string().min(1).optional() });
const Consent = z.object({ resourceType: z.literal('Consent'), id: z.string(), status: z.string() });
const Observation = z.object({
  resourceType: z.literal('Observation'), id: z.string(), code: Concept,
  focus: z.array(Reference).optional(), valueInteger: z.number().int().optional(), effectiveDateTime: z.string().optional(),
});

/** Kept in the source system: the new collaboration plans its own meetings, sharing and log. */
const LEFT_OUT = new Set(['CareTeam', 'Practitioner', 'Appointment', 'Communication', 'AuditEvent', 'Consent', 'Provenance', 'Composition']);

const codeIn = (c: z.infer<typeof Concept> | undefined, system: OurCodeSystem) => c?.coding?.find((x) => x.system === codeSystem(system))?.code;
const codesIn = (cs: z.infer<typeof Concept>[] | undefined, system: OurCodeSystem) => (cs ?? []).map((c) => codeIn(c, system)).filter((x): x is string => Boolean(x));
const oneOf = <T extends string>(list: readonly T[], v: string | undefined): T | undefined => (list as readonly string[]).includes(v ?? '') ? v as T : undefined;

export interface ImportedMember { ref: string; name: string; role: MemberRole; relation: string | null; birthDate: string | null }
export interface ImportedNetworkPerson { name: string; relation: string | null; ring: number; roles: HelpKind[]; status: NetworkStatus }
export interface ImportedGoal { ref: string; text: string; lifeDomain: string | null; status: GoalStatus; progress: number | null; targetDate: string | null; whyItMatters: string | null; expressedBy: string | null }
export interface ImportedAgreement { what: string; ownerRef: string | null; ownerName: string | null; status: AgreementStatus; dueDate: string | null; goalRef: string | null; lifeDomain: string | null }
export interface ImportedFile {
  familyName: string; members: ImportedMember[]; network: ImportedNetworkPerson[]; goals: ImportedGoal[]; agreements: ImportedAgreement[];
  leftOut: Map<string, number>; problems: FhirImportProblem[];
}

const TASK_STATUS: Record<z.infer<typeof Task>['status'], AgreementStatus> = { 'in-progress': 'open', completed: 'done', failed: 'not_done' };
const LIFECYCLE_STATUS: Partial<Record<z.infer<typeof Goal>['lifecycleStatus'], GoalStatus>> = { active: 'active', completed: 'reached', cancelled: 'dropped', accepted: 'active', planned: 'active', proposed: 'active', 'on-hold': 'active' };

export function parseBundle(input: Record<string, unknown>): ImportedFile {
  const out: ImportedFile = { familyName: '', members: [], network: [], goals: [], agreements: [], leftOut: new Map(), problems: [] };
  const problem = (resourceType: string, path: string, reason: string) => out.problems.push({ resourceType, path, reason });
  const bundle = z.object({ resourceType: z.literal('Bundle'), type: z.enum(['collection', 'document', 'searchset']), entry: z.array(z.object({ resource: z.record(z.string(), z.unknown()) })).min(1) }).safeParse(input);
  if (!bundle.success) {
    for (const issue of bundle.error.issues) problem('Bundle', issue.path.join('.') || '(bundle)', issue.code === 'invalid_value' ? 'invalid_value' : 'not_a_bundle');
    return out;
  }
  const progress = new Map<string, { at: string; value: number }>();
  let carePlanTitle: string | undefined; let groupName: string | undefined;
  bundle.data.entry.forEach(({ resource }, i) => {
    const type = typeof resource.resourceType === 'string' ? resource.resourceType : '(none)';
    const at = `entry[${i}].resource`;
    const read = <S extends z.ZodType>(schema: S): z.infer<S> | undefined => {
      const r = schema.safeParse(resource);
      if (r.success) return r.data;
      for (const issue of r.error.issues) problem(type, [at, ...issue.path].join('.'), issue.code === 'invalid_type' && issue.input === undefined ? 'missing_value' : 'invalid_value');
      return undefined;
    };
    if (type === 'Patient') {
      const p = read(Patient); if (!p) return;
      const role = oneOf(MEMBER_ROLES, p.extension?.find((e) => e.url === FHIR_ROLE_EXTENSION)?.valueCoding?.code) ?? 'parent';
      out.members.push({ ref: `Patient/${p.id}`, name: p.name[0]!.text, role, relation: p.extension?.find((e) => e.url === FHIR_RELATION_EXTENSION)?.valueString ?? null, birthDate: p.birthDate ?? null });
    } else if (type === 'RelatedPerson') {
      const p = read(RelatedPerson); if (!p) return;
      // Without a network status it is someone of the circle with a sign-in there: they are invited again here.
      if (codesIn(p.relationship, 'network-status').length === 0) { out.leftOut.set(type, (out.leftOut.get(type) ?? 0) + 1); return; }
      const ringConcept = p.relationship?.find((c) => codeIn(c, 'ring'));
      const ring = Number(codeIn(ringConcept, 'ring') ?? 2);
      if (![1, 2, 3].includes(ring)) { problem(type, `${at}.relationship`, 'invalid_value'); return; }
      out.network.push({
        name: p.name[0]!.text, relation: ringConcept?.text ?? null, ring,
        roles: codesIn(p.relationship, 'help-kind').filter((k): k is HelpKind => oneOf(HELP_KINDS, k) !== undefined),
        status: oneOf(NETWORK_STATUSES, codesIn(p.relationship, 'network-status')[0]) ?? 'involved',
      });
    } else if (type === 'Goal') {
      const g = read(Goal); if (!g) return;
      const ours = g.achievementStatus?.coding?.find((c) => c.system === codeSystem('plan-item') && c.code?.startsWith('goal-'))?.code?.slice(5);
      const status = oneOf(GOAL_STATUSES, ours) ?? LIFECYCLE_STATUS[g.lifecycleStatus];
      if (!status) { problem(type, `${at}.lifecycleStatus`, 'invalid_value'); return; }
      out.goals.push({
        ref: `Goal/${g.id}`, text: g.description.text, lifeDomain: codesIn(g.category, 'life-domain')[0] ?? null, status, progress: null,
        targetDate: g.target?.find((t) => t.dueDate)?.dueDate ?? null, whyItMatters: g.note?.map((n) => n.text).join('\n') || null,
        expressedBy: g.expressedBy?.reference ?? null,
      });
    } else if (type === 'Task') {
      const t = read(Task); if (!t) return;
      out.agreements.push({
        what: t.description, ownerRef: t.owner?.reference ?? null, ownerName: t.owner?.display ?? null, status: TASK_STATUS[t.status],
        dueDate: t.restriction?.period?.end ?? null, goalRef: t.focus?.reference ?? null, lifeDomain: codeIn(t.reasonCode, 'life-domain') ?? null,
      });
    } else if (type === 'Observation') {
      const o = read(Observation); if (!o) return;
      if (codeIn(o.code, 'plan-item') !== 'progress') { out.leftOut.set(type, (out.leftOut.get(type) ?? 0) + 1); return; }
      const goal = o.focus?.[0]?.reference;
      if (!goal || o.valueInteger === undefined || o.valueInteger < 1 || o.valueInteger > SCALE_MAX) { problem(type, `${at}.valueInteger`, 'invalid_value'); return; }
      const seen = progress.get(goal);
      // The latest measurement is the goal's progress now.
      if (!seen || (o.effectiveDateTime ?? '') >= seen.at) progress.set(goal, { at: o.effectiveDateTime ?? '', value: o.valueInteger });
    } else if (type === 'CarePlan') {
      carePlanTitle = read(CarePlan)?.title;
    } else if (type === 'Group') {
      groupName = read(Group)?.name;
    } else if (LEFT_OUT.has(type)) {
      if (type === 'Consent') read(Consent);
      out.leftOut.set(type, (out.leftOut.get(type) ?? 0) + 1);
    } else {
      problem(type, at, 'unknown_resource');
    }
  });
  for (const g of out.goals) g.progress = progress.get(g.ref)?.value ?? null;
  const goalRefs = new Set(out.goals.map((g) => g.ref));
  out.agreements.forEach((a, i) => { if (a.goalRef && !goalRefs.has(a.goalRef)) { problem('Task', `agreements[${i}].focus`, 'missing_reference'); a.goalRef = null; } });
  out.familyName = groupName ?? carePlanTitle ?? '';
  if (!out.familyName) problem('CarePlan', 'title', 'missing_value');
  if (out.members.length === 0) problem('Patient', '(bundle)', 'no_family_member');
  return out;
}

export function previewOf(file: ImportedFile, domainLabel: (key: string | null) => string | null): FhirImportPreview {
  const names = new Map(file.members.map((m) => [m.ref, m.name]));
  const goalTexts = new Map(file.goals.map((g) => [g.ref, g.text]));
  return {
    familyName: file.familyName,
    members: file.members.map(({ name, role, relation, birthDate }) => ({ name, role, relation, birthDate })),
    network: file.network.map(({ name, relation, ring }) => ({ name, relation, ring })),
    goals: file.goals.map((g) => ({ text: g.text, lifeDomain: domainLabel(g.lifeDomain), status: g.status, progress: g.progress, targetDate: g.targetDate })),
    agreements: file.agreements.map((a) => ({
      what: a.what, ownerName: (a.ownerRef && names.get(a.ownerRef)) ?? a.ownerName, status: a.status, dueDate: a.dueDate,
      goalText: a.goalRef ? goalTexts.get(a.goalRef) ?? null : null,
    })),
    leftOut: [...file.leftOut].map(([resourceType, count]) => ({ resourceType, count })).sort((a, b) => a.resourceType.localeCompare(b.resourceType)),
    problems: file.problems,
  };
}
