import { randomUUID } from 'node:crypto';
import type * as R4 from 'fhir/r4';
import type { Handover } from '../../../shared/schemas/closure.ts';
import { concept, identifier } from './codes.ts';
import { fhirBase, fileResources } from './bundle.ts';
import type { FhirSource } from './source.ts';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const narrative = (text: string): R4.Narrative => ({ status: 'additional', div: `<div xmlns="http://www.w3.org/1999/xhtml"><p>${escapeXml(text)}</p></div>` });

/** The document's sections: the handover note first, then the parts of the file, each with its resources. */
const SECTIONS: { code: string; title: string; types: R4.FhirResource['resourceType'][] }[] = [
  { code: 'family-plan', title: 'Gezinsplan', types: ['CarePlan', 'Goal', 'Observation'] },
  { code: 'agreement', title: 'Afspraken', types: ['Task'] },
  { code: 'round_table', title: 'Rondetafels', types: ['Appointment'] },
  { code: 'people', title: 'Wie hoort erbij', types: ['Group', 'Patient', 'RelatedPerson', 'Practitioner', 'CareTeam'] },
  { code: 'conversation', title: 'Gesprekken', types: ['Communication'] },
];

/**
 * The warm handover as a FHIR document: a Composition with the handover note, and exactly what the
 * family chose to pass on to the receiving service, read through that service's own reach (the
 * grants the family's yes made), so nothing the family did not choose is in it.
 */
export function handoverDocument(receiver: FhirSource, handover: Handover, author: R4.Reference | undefined, now: Date, publicUrl: string): R4.Bundle {
  const resources = fileResources(receiver, now);
  const ref = (r: R4.FhirResource): R4.Reference => ({ reference: `${r.resourceType}/${r.id}` });
  const family: R4.Reference = { reference: `Group/${receiver.scope.familyId}`, display: receiver.file.family.displayName };
  const sections: R4.CompositionSection[] = [{ title: 'Overdracht', code: concept('plan-item', 'warm-handover'), text: narrative(handover.note) }];
  for (const s of SECTIONS) {
    const entries = resources.filter((r) => s.types.includes(r.resourceType));
    if (entries.length > 0) sections.push({ title: s.title, code: concept('plan-item', s.code), entry: entries.map(ref) });
  }
  const composition: R4.Composition = {
    resourceType: 'Composition', id: handover.id, identifier: identifier('handover', handover.id), status: 'final',
    type: concept('plan-item', 'warm-handover', 'Warme overdracht'), subject: family, date: now.toISOString(),
    author: [author ?? { display: receiver.file.family.collaborationName }],
    title: `Warme overdracht naar ${handover.service} (${handover.organisation})`,
    ...(handover.approvedAt ? { attester: [{ mode: 'personal', time: handover.approvedAt, ...(handover.approvedByName ? { party: { display: handover.approvedByName } } : {}) }] } : {}),
    custodian: { display: receiver.file.family.collaborationName },
    section: sections,
  };
  const base = fhirBase(publicUrl);
  return {
    resourceType: 'Bundle', id: randomUUID(), identifier: identifier('handover-document', randomUUID()), type: 'document', timestamp: now.toISOString(),
    entry: [composition, ...resources].map((resource) => ({ fullUrl: `${base}/${resource.resourceType}/${resource.id}`, resource })),
  };
}
