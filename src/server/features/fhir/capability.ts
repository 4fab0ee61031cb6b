import type * as R4 from 'fhir/r4';
import { FHIR_BASE } from './codes.ts';

/** The resource types the read API serves: everything a family file's bundle holds. */
export const READ_TYPES = [
  'Group', 'Patient', 'RelatedPerson', 'Practitioner', 'CareTeam', 'CarePlan', 'Goal', 'Observation', 'Task',
  'Appointment', 'Consent', 'Communication', 'AuditEvent',
] as const;
export type ReadType = (typeof READ_TYPES)[number];
export const isReadType = (t: string): t is ReadType => (READ_TYPES as readonly string[]).includes(t);

/** What this server offers partner systems: read and search by family of the family file's resources. */
export function capabilityStatement(baseUrl: string, date: string): R4.CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement', id: 'gezinsplan', url: `${FHIR_BASE}/CapabilityStatement/gezinsplan`,
    name: 'GezinsplanFamilyFile', title: 'Gezinsplan: the family file as FHIR R4', status: 'active', date, kind: 'instance',
    publisher: 'gezinsplan',
    description: 'Read and search by family of a 1 Gezin 1 Plan family file. Signed in as an account of the collaboration (session cookie); '
      + 'every answer holds only what that account may see of the family, never items marked private.',
    software: { name: 'gezinsplan' },
    implementation: { description: 'gezinsplan FHIR R4 read API', url: baseUrl },
    fhirVersion: '4.0.1', format: ['application/fhir+json', 'json'],
    rest: [{
      mode: 'server',
      security: { description: 'A session of an account of the collaboration (POST /api/v1/auth/login); no SMART on FHIR scopes yet.' },
      resource: READ_TYPES.map((type) => ({
        type, interaction: [{ code: 'read' }, { code: 'search-type' }],
        searchParam: [
          { name: 'family', type: 'reference', documentation: 'Required: the family file (Group id) whose resources are searched.' },
          { name: '_id', type: 'token', documentation: 'One resource of that family by its id.' },
        ],
      })),
    }],
  };
}
