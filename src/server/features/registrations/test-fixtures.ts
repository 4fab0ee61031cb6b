import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { RegistrationCreate } from '../../../shared/schemas/registrations.ts';
import type { Db } from '../../db/connection.ts';
import { registrations } from '../../db/schema/index.ts';
import type { Client, TestContext } from '../../test/harness.ts';

/** A valid registration body (fictitious), with overrides per test. */
export function registrationBody(overrides: Partial<Record<keyof RegistrationCreate, unknown>> = {}): Record<string, unknown> {
  return {
    kind: 'family',
    referrer: { type: 'clb', name: 'Lies Verbeke', organisation: 'CLB Testdorp', email: 'lies.verbeke@clb.example', phone: '' },
    family: { name: 'Familie Testmans', email: 'testmans@example.org', phone: '0470 00 00 00', language: 'nl' },
    postcode: '2000',
    municipality: 'Antwerpen',
    children: [{ firstName: 'Mo', birthYear: new Date().getFullYear() - 8 }],
    reasons: ['many_helpers'],
    question: 'Te veel hulpverleners, geen overzicht.',
    helpersInvolved: 'CLB, CAW',
    networkInvolved: '',
    urgent: false,
    familyConsent: true,
    ...overrides,
  };
}

/** Posts a registration anonymously, or as a signed-in client. */
export function postRegistration(t: TestContext, body: Record<string, unknown>, opts: { client?: Client; headers?: Record<string, string> } = {}): Promise<LightMyRequestResponse> {
  if (opts.client) return opts.client.request('POST', '/api/v1/registrations', { body, headers: opts.headers });
  return t.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body, headers: opts.headers });
}

/** Creates one and returns its id; `now` is whatever the test clock says. */
export async function createRegistrationId(t: TestContext, overrides: Parameters<typeof registrationBody>[0] = {}): Promise<string> {
  const res = await postRegistration(t, registrationBody(overrides));
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

export const registrationRows = (db: Db, familyName: string) => db.select().from(registrations).where(eq(registrations.familyName, familyName));

export const DAY = 86_400_000;
