import type * as R4 from 'fhir/r4';
import type { ConsentGrant } from '../../../shared/schemas/sharing.ts';
import { CONSENT_CATEGORY, FHIR_BASE, HL7, coding, concept, identifier } from './codes.ts';
import { lifeDomains } from './plan.ts';
import type { People } from './people.ts';
import type { FhirSource } from './source.ts';

/*
 * What happened around the plan: who may see which topic (Consent), the round tables (Appointment),
 * the messages the asker may read (Communication) and who looked at the file (AuditEvent).
 */

/** The family decides who sees what: the rule every Consent of this file follows. */
export const FAMILY_DECIDES_POLICY = `${FHIR_BASE}/policy/family-decides`;

/** The resource a single shared item became in this file, or our identifier when it is not in it. */
function sharedItem(grant: ConsentGrant, inFile: Map<string, string>): R4.Reference {
  const type = grant.itemId ? inFile.get(grant.itemId) : undefined;
  return type ? { reference: `${type}/${grant.itemId}` } : { identifier: identifier(grant.itemType ?? 'item', grant.itemId ?? '') };
}

export function consents(source: FhirSource, people: People, inFile: Map<string, string>): R4.Consent[] {
  const patient = people.anchor;
  if (!source.file.sharing || !patient) return [];
  const domain = lifeDomains(source);
  const privacy = { coding: [{ system: HL7.consentScope, code: 'patient-privacy', display: 'Privacy Consent' }] };
  const grants: R4.Consent[] = source.file.sharing.map((g) => {
    const actor = people.ref(g.participantId, g.participantName);
    const code = domain(g.lifeDomainId);
    return {
      resourceType: 'Consent', id: g.id, identifier: [identifier('consent', g.id)],
      status: g.status === 'active' ? 'active' : 'proposed', scope: privacy, category: [CONSENT_CATEGORY], patient,
      dateTime: g.approvedAt ?? g.createdAt,
      ...(g.grantedByName ? { performer: [{ display: g.grantedByName }] } : {}),
      policy: [{ uri: FAMILY_DECIDES_POLICY }],
      provision: {
        type: 'permit', ...(g.validUntil ? { period: { end: g.validUntil } } : {}),
        ...(actor ? { actor: [{ role: { coding: [{ system: HL7.participationType, code: 'IRCP', display: 'information recipient' }] }, reference: actor }] } : {}),
        action: [
          { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentaction', code: 'access' }] },
          ...(g.level === 'contribute' ? [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentaction', code: 'correct' }] }] : []),
        ],
        ...(code ? { code: [code] } : {}),
        ...(g.itemId ? { data: [{ meaning: 'instance' as const, reference: sharedItem(g, inFile) }] } : {}),
      },
    };
  });
  // Items a family member marked private are for their author and the coaches only, and are not in this file.
  const privateItems: R4.Consent = {
    resourceType: 'Consent', id: source.scope.familyId, status: 'active', scope: privacy, category: [CONSENT_CATEGORY], patient,
    policy: [{ uri: FAMILY_DECIDES_POLICY }],
    provision: { type: 'deny', securityLabel: [{ system: HL7.confidentiality, code: 'R', display: 'restricted' }] },
  };
  return [...grants, privateItems];
}

const REPLY: Record<string, R4.AppointmentParticipant['status']> = { yes: 'accepted', no: 'declined', maybe: 'tentative', pending: 'needs-action' };

export function appointments(source: FhirSource, people: People, now: Date): R4.Appointment[] {
  const domain = lifeDomains(source);
  return source.file.meetings.map((m) => {
    const replies = new Map(m.replies.map((r) => [r.participantId, r.reply]));
    const invited = new Map<string, string>();
    for (const item of m.items) for (const p of item.people) if (p.invited || p.attended) invited.set(p.participantId, p.name);
    for (const r of m.replies) invited.set(r.participantId, r.name);
    const participant: R4.AppointmentParticipant[] = [...invited].flatMap(([id, name]) => {
      const actor = people.ref(id, name);
      return actor ? [{ actor, status: REPLY[replies.get(id) ?? 'pending'] ?? 'needs-action' }] : [];
    });
    const chair = people.ref(m.chairParticipantId, m.chairName);
    if (chair) participant.push({ actor: chair, type: [{ coding: [{ system: HL7.participationType, code: 'CHAIR', display: 'chairperson' }] }], status: 'accepted' });
    const topics = m.items.map((i) => domain(i.lifeDomainId)).filter((c): c is R4.CodeableConcept => c !== undefined);
    return {
      resourceType: 'Appointment', id: m.id, identifier: [identifier('meeting', m.id)],
      status: m.status === 'cancelled' ? 'cancelled' : new Date(m.endsAt) < now ? 'fulfilled' : 'booked',
      appointmentType: concept('plan-item', m.kind, m.kind === 'round_table' ? 'Rondetafelgesprek' : 'Evaluatie'),
      ...(topics.length > 0 ? { reasonCode: topics } : {}),
      description: m.title, start: m.startsAt, end: m.endsAt, created: m.createdAt,
      ...(m.place || m.videoUrl ? { comment: [m.place, m.videoUrl].filter(Boolean).join(' · ') } : {}),
      ...(m.items.some((i) => i.goalId) ? { supportingInformation: m.items.filter((i) => i.goalId).map((i) => ({ reference: `Goal/${i.goalId}` })) } : {}),
      participant: participant.length > 0 ? participant : [{ type: [{ coding: [{ system: HL7.participationType, code: 'PART', display: 'Participation' }] }], status: 'needs-action' }],
    };
  });
}

export function communications(source: FhirSource, people: People): R4.Communication[] {
  return source.conversations.flatMap(({ conversation, messages }) => messages.map((msg) => {
    const recipient = conversation.members.filter((m) => m.participantId !== msg.authorParticipantId)
      .map((m) => people.ref(m.participantId, m.name)).filter((r): r is R4.Reference => r !== undefined);
    const payload: R4.CommunicationPayload[] = [
      ...(msg.body ? [{ contentString: msg.body }] : []),
      ...(msg.attachment ? [{ contentAttachment: { contentType: msg.attachment.contentType, title: msg.attachment.fileName, size: msg.attachment.byteSize } }] : []),
    ];
    return {
      resourceType: 'Communication', id: msg.id, identifier: [identifier('message', msg.id)], status: 'completed',
      subject: people.family, topic: { coding: [coding('identifier', conversation.id)], text: conversation.title }, sent: msg.createdAt,
      ...(people.ref(msg.authorParticipantId, msg.authorName) ? { sender: people.ref(msg.authorParticipantId, msg.authorName)! } : {}),
      ...(recipient.length > 0 ? { recipient } : {}),
      ...(msg.replyTo ? { inResponseTo: [{ reference: `Communication/${msg.replyTo.id}` }] } : {}),
      ...(payload.length > 0 ? { payload } : {}),
    };
  }));
}

const AUDIT_ACTION: Record<string, R4.AuditEvent['action']> = { create: 'C', read: 'R', update: 'U', delete: 'D', search: 'E', export: 'R', print: 'R', break_glass: 'E' };

export function auditEvents(source: FhirSource, people: People): R4.AuditEvent[] {
  return (source.file.accessLog ?? []).map((e) => ({
    resourceType: 'AuditEvent', id: `log-${e.id}`,
    type: { system: HL7.auditEventType, code: 'rest', display: 'RESTful Operation' },
    subtype: [coding('access-action', e.action)], action: AUDIT_ACTION[e.action] ?? 'E',
    recorded: e.occurredAt, outcome: e.outcome === 'success' ? '0' : '4', ...(e.reason ? { outcomeDesc: e.reason } : {}),
    agent: [{
      who: { display: [e.actorName ?? '?', e.organisationName].filter(Boolean).join(', ') }, requestor: true,
      ...(e.actorRole ? { role: [concept('participant-role', e.actorRole)] } : {}),
    }],
    source: { site: source.file.family.collaborationName, observer: { display: 'gezinsplan' } },
    entity: [{ what: people.family, type: coding('entity-type', e.entityType) }],
  }));
}
