import type * as R4 from 'fhir/r4';
import { MEMBER_ROLES, type ParticipantRole } from '../../../shared/roles.ts';
import { coding, concept, FHIR_BASE, identifier } from './codes.ts';
import type { FhirSource } from './source.ts';

/*
 * The people of the file: each family member a Patient (the family itself a Group of them), the
 * network a RelatedPerson (ring, role and kinds of help as codes), the coaches a Practitioner, and
 * the CareTeam that holds them all with their roles and the services of the help overview.
 */

const isMember = (role: ParticipantRole) => (MEMBER_ROLES as readonly string[]).includes(role);

/** Who is who in the file: one reference per participant, to the resource that stands for them. */
export class People {
  private readonly refs = new Map<string, R4.Reference>();
  /** The family member the network is "related" to in FHIR terms: the first parent, else the first member. */
  readonly anchor: R4.Reference | undefined;

  constructor(private readonly source: FhirSource) {
    const { file } = source;
    for (const p of file.plan.participants) {
      const type = isMember(p.role) ? 'Patient' : p.role === 'coach' ? 'Practitioner' : 'RelatedPerson';
      this.refs.set(p.id, { reference: `${type}/${p.id}`, display: p.displayName });
    }
    for (const m of file.members) this.refs.set(m.id, { reference: `Patient/${m.id}`, display: m.displayName });
    // A person of the network who is also a participant is one RelatedPerson, under the network person's id.
    for (const n of file.network.people) if (n.participantId) this.refs.set(n.participantId, { reference: `RelatedPerson/${n.id}`, display: n.name });
    const parent = file.members.find((m) => m.role === 'parent') ?? file.members[0];
    this.anchor = parent ? this.refs.get(parent.id) : undefined;
  }

  /** The reference for a participant, or just their name when they are not in the file the asker sees. */
  ref(participantId: string | null | undefined, name?: string | null): R4.Reference | undefined {
    if (!participantId) return name ? { display: name } : undefined;
    return this.refs.get(participantId) ?? (name ? { display: name } : undefined);
  }

  get family(): R4.Reference {
    return { reference: `Group/${this.source.scope.familyId}`, display: this.source.file.family.displayName };
  }
}

export function familyGroup(source: FhirSource): R4.Group {
  const { file } = source;
  return {
    resourceType: 'Group', id: source.scope.familyId, identifier: [identifier('family', source.scope.familyId)],
    active: file.family.status !== 'closed', type: 'person', actual: true, name: file.family.displayName,
    quantity: file.members.length,
    member: file.members.map((m) => ({ entity: { reference: `Patient/${m.id}`, display: m.displayName } })),
  };
}

export function patients(source: FhirSource): R4.Patient[] {
  return source.file.members.map((m) => ({
    resourceType: 'Patient', id: m.id, identifier: [identifier('participant', m.id)], active: true,
    name: [{ text: m.displayName }],
    ...(m.dateOfBirth ? { birthDate: m.dateOfBirth } : m.birthYear ? { birthDate: String(m.birthYear) } : {}),
    ...(m.email || m.phone ? { telecom: [
      ...(m.phone ? [{ system: 'phone' as const, value: m.phone }] : []),
      ...(m.email ? [{ system: 'email' as const, value: m.email }] : []),
    ] } : {}),
    ...(m.languages.length > 0 ? { communication: m.languages.map((code) => ({ language: { coding: [{ system: 'urn:ietf:bcp:47', code }], text: code } })) } : {}),
    extension: [
      { url: FHIR_ROLE_EXTENSION, valueCoding: coding('participant-role', m.role) },
      ...(m.relation ? [{ url: FHIR_RELATION_EXTENSION, valueString: m.relation }] : []),
    ],
  }));
}

/** Our extension for a person's place in the family (parent, child…) and how they call themselves in it. */
export const FHIR_ROLE_EXTENSION = `${FHIR_BASE}/StructureDefinition/participant-role`;
export const FHIR_RELATION_EXTENSION = `${FHIR_BASE}/StructureDefinition/relation`;

export function relatedPeople(source: FhirSource, people: People): R4.RelatedPerson[] {
  const patient = people.anchor;
  if (!patient) return [];
  const { file } = source;
  const fromNetwork: R4.RelatedPerson[] = file.network.people.map((n) => {
    const participant = n.participantId ? file.plan.participants.find((p) => p.id === n.participantId) : undefined;
    const telecom = [
      ...(n.contact?.phone ? [{ system: 'phone' as const, value: n.contact.phone }] : []),
      ...(n.contact?.email ? [{ system: 'email' as const, value: n.contact.email }] : []),
    ];
    return {
      resourceType: 'RelatedPerson', id: n.id, identifier: [identifier('network-person', n.id)],
      active: n.status !== 'declined', patient, name: [{ text: n.name }],
      relationship: [
        concept('ring', String(n.ring), undefined, n.relation ?? undefined),
        ...(participant ? [concept('participant-role', participant.role)] : []),
        ...n.roles.map((kind) => concept('help-kind', kind)),
        concept('network-status', n.status),
      ],
      ...(telecom.length > 0 ? { telecom } : {}),
      ...(n.contact?.address ? { address: [{ text: n.contact.address }] } : {}),
    };
  });
  const linked = new Set(file.network.people.map((n) => n.participantId).filter(Boolean));
  const fromCircle: R4.RelatedPerson[] = file.plan.participants
    .filter((p) => !isMember(p.role) && p.role !== 'coach' && !linked.has(p.id))
    .map((p) => ({
      resourceType: 'RelatedPerson', id: p.id, identifier: [identifier('participant', p.id)], active: true, patient,
      name: [{ text: p.displayName }],
      relationship: [concept('ring', String(p.ring), undefined, p.relation ?? undefined), concept('participant-role', p.role)],
    }));
  return [...fromNetwork, ...fromCircle];
}

export function practitioners(source: FhirSource): R4.Practitioner[] {
  return source.file.plan.participants.filter((p) => p.role === 'coach').map((p) => ({
    resourceType: 'Practitioner', id: p.id, identifier: [identifier('participant', p.id)], active: true, name: [{ text: p.displayName }],
  }));
}

export function careTeam(source: FhirSource, people: People): R4.CareTeam {
  const { file } = source;
  const circle: R4.CareTeamParticipant[] = file.plan.participants.flatMap((p) => {
    const member = people.ref(p.id);
    return member ? [{ member, role: [concept('participant-role', p.role), concept('ring', String(p.ring))] }] : [];
  });
  const services: R4.CareTeamParticipant[] = file.services.map((s) => ({
    member: { display: [s.organisation, s.contactPerson].filter(Boolean).join(', ') },
    role: [concept('plan-item', 'service', undefined, s.kindOfHelp), concept('ring', '3')],
    ...(s.since || s.endedOn ? { period: { ...(s.since ? { start: s.since } : {}), ...(s.endedOn ? { end: s.endedOn } : {}) } } : {}),
  }));
  return {
    resourceType: 'CareTeam', id: source.scope.familyId, identifier: [identifier('family', source.scope.familyId)],
    status: file.family.status === 'closed' ? 'inactive' : 'active', name: file.family.displayName, subject: people.family,
    participant: [...circle, ...services],
  };
}
