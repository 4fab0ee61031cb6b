/*
 * The code systems the FHIR view of a family file uses. Where HL7 has a code system for the concept
 * (statuses, consent scope, audit actions) its own URL is used; the method's own vocabularies (rings,
 * roles in the family, life domains, own strength) are code systems of ours under one stable base
 * URL, listed in docs/fhir.md. SNOMED CT and LOINC appear only where the code is certain.
 */
import type * as R4 from 'fhir/r4';

export const FHIR_BASE = 'https://gezinsplan.be/fhir';
export const codeSystem = (name: OurCodeSystem) => `${FHIR_BASE}/CodeSystem/${name}`;

/** Every code system of ours, with what it holds (also the list in docs/fhir.md). */
export const OUR_CODE_SYSTEMS = {
  'participant-role': 'The place of a person in the family\'s circle: parent, young_person, child, housemate, network_member, outside_professional, coach',
  ring: 'The three rings of the network: 1 the family, 2 the informal network, 3 the professionals',
  'help-kind': 'What a person of the network does for the family: driving, childcare, listening, homework, …',
  'network-status': 'Whether a person of the network takes part: involved, asked, declined',
  'life-domain': 'The life domains of the collaboration, by their stable key (home, money, school, …)',
  'plan-item': 'The parts of the family plan: question, strength, worry, goal, agreement, service, progress, size; the handover document\'s sections',
  'own-strength': 'Gilsing\'s own strength: reflection (the whole), competence, motivation, social',
  'access-action': 'What happened in the access log: create, read, update, delete, export, print, search, break_glass',
  'entity-type': 'What the access log row is about (plan, goal, family_export, …), as the access log names it',
  'identifier': 'Identifier systems: the id of the family file, a participant, an item',
} as const;
export type OurCodeSystem = keyof typeof OUR_CODE_SYSTEMS;

export const coding = (system: OurCodeSystem, code: string, display?: string): R4.Coding =>
  ({ system: codeSystem(system), code, ...(display ? { display } : {}) });
export const concept = (system: OurCodeSystem, code: string, display?: string, text?: string): R4.CodeableConcept =>
  ({ coding: [coding(system, code, display)], ...(text ? { text } : {}) });

/** Our id of a row, so a receiving system can keep the link to this file. */
export const identifier = (kind: string, value: string): R4.Identifier => ({ system: `${codeSystem('identifier')}/${kind}`, value });

/** HL7 code systems used as they are. */
export const HL7 = {
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  participationType: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  auditEventType: 'http://terminology.hl7.org/CodeSystem/audit-event-type',
  goalAchievement: 'http://terminology.hl7.org/CodeSystem/goal-achievement',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  actReason: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
  confidentiality: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality',
  loinc: 'http://loinc.org',
} as const;

/** LOINC 59284-0 "Patient Consent": the category HL7's own Consent examples use. */
export const CONSENT_CATEGORY: R4.CodeableConcept = { coding: [{ system: HL7.loinc, code: '59284-0', display: 'Patient Consent' }] };
