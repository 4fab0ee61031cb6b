import { randomUUID } from 'node:crypto';
import type * as R4 from 'fhir/r4';
import { identifier } from './codes.ts';
import { careTeam, familyGroup, patients, People, practitioners, relatedPeople } from './people.ts';
import { carePlan, planResources } from './plan.ts';
import { appointments, auditEvents, communications, consents } from './records.ts';
import type { FhirSource } from './source.ts';

/** Every resource of the family file the asker may see, in a fixed order (people first, then the plan, then the records). */
export function fileResources(source: FhirSource, now: Date): R4.FhirResource[] {
  const people = new People(source);
  const { goals, progress, strengthsAndWorries, reflections, tasks } = planResources(source, people);
  const meetings = appointments(source, people, now);
  const plan = carePlan(source, people, { goals, tasks, appointments: meetings, supportingInfo: strengthsAndWorries });
  const before: R4.FhirResource[] = [
    familyGroup(source), ...patients(source), ...relatedPeople(source, people), ...practitioners(source), careTeam(source, people),
    plan, ...goals, ...progress, ...strengthsAndWorries, ...reflections, ...tasks, ...meetings,
  ];
  const inFile = new Map(before.filter((r) => r.id).map((r) => [r.id!, r.resourceType]));
  return [...before, ...consents(source, people, inFile), ...communications(source, people), ...auditEvents(source, people)];
}

/** The family file as a FHIR R4 collection Bundle; fullUrls point at this server's read API. */
export function fileBundle(source: FhirSource, now: Date, baseUrl: string): R4.Bundle {
  return {
    resourceType: 'Bundle', id: randomUUID(), identifier: identifier('export', randomUUID()),
    type: 'collection', timestamp: now.toISOString(),
    entry: fileResources(source, now).map((resource) => ({ fullUrl: `${fhirBase(baseUrl)}/${resource.resourceType}/${resource.id}`, resource })),
  };
}

export const fhirBase = (publicUrl: string) => `${publicUrl.replace(/\/$/, '')}/fhir/R4`;
