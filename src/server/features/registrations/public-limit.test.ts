import { describe, expect, it } from 'vitest';
import { demo, signIn, useTestApp } from '../../test/harness.ts';
import { expectError } from '../../test/helpers.ts';
import { postRegistration, registrationBody, registrationRows } from './test-fixtures.ts';

const t = useTestApp({ REGISTRATIONS_PER_HOUR: '2' });

describe('the public form has a limit per address', () => {
  it('refuses the third registration from one address within the hour, stores nothing, and explains', async () => {
    const replay = { 'idempotency-key': 'same-click' };
    expect((await postRegistration(t, registrationBody({ family: { name: 'Limiet Een', language: 'nl' } }), { headers: replay })).statusCode).toBe(201);
    // A repeated click is the same registration: it does not count twice.
    expect((await postRegistration(t, registrationBody({ family: { name: 'Limiet Een', language: 'nl' } }), { headers: replay })).statusCode).toBe(201);
    // Refused input does not count either.
    expect((await postRegistration(t, registrationBody({ familyConsent: false }))).statusCode).toBe(422);
    expect((await postRegistration(t, registrationBody({ family: { name: 'Limiet Twee', language: 'nl' } }))).statusCode).toBe(201);

    const refused = await postRegistration(t, registrationBody({ family: { name: 'Limiet Drie', language: 'nl' } }), { headers: { 'accept-language': 'en' } });
    const error = expectError(refused, 429, 'too_many_registrations');
    expect(error.message).toBe('Many registrations came from here already. Please try again in an hour, or sign in first.');
    expect(await registrationRows(t.db, 'Limiet Drie')).toEqual([]);
  });

  it('does not limit a signed-in referrer', async () => {
    const referrer = await signIn(t.app, demo('referrer', 'antwerpen'));
    for (const name of ['Verwezen Een', 'Verwezen Twee', 'Verwezen Drie']) {
      expect((await postRegistration(t, registrationBody({ family: { name, language: 'nl' } }), { client: referrer })).statusCode).toBe(201);
    }
  });
});
