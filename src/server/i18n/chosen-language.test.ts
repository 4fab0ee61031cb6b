import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '../db/schema/index.ts';
import { useTestApp } from '../test/harness.ts';
import { latestMailTo } from '../test/helpers.ts';
import { longDate, translator } from './translate.ts';

const t = useTestApp();
const JASON = 'jason@gezinsplan.example';

const askLink = (headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/magic-link', payload: { email: JASON }, headers });

describe('the language of what is sent', () => {
  it('follows the language on the account, whatever the browser asks', async () => {
    await askLink({ 'accept-language': 'en' });
    expect((await latestMailTo(t.db, JASON)).subject).toBe('Your link to sign in to Gezinsplan');

    await t.db.update(users).set({ locale: 'fr' }).where(eq(users.email, JASON));
    await askLink({ 'accept-language': 'en' });
    const mail = await latestMailTo(t.db, JASON);
    expect(mail.subject).toBe('Votre lien pour vous connecter à Gezinsplan');
    expect(mail.text).toContain('Bonjour Jason');
    expect(mail.html).toContain('Se connecter</a>');
  });

  it('answers API errors in French to a French browser', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { 'accept-language': 'fr-BE' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('Connectez-vous d\'abord.');
  });

  it('uses each language\'s plural rules and dates', () => {
    expect(translator('fr')('mail.warningDigest.subject', { count: 1 })).toBe('1 inscription attend trop longtemps un premier contact');
    expect(translator('fr')('mail.warningDigest.subject', { count: 2 })).toBe('2 inscriptions attendent trop longtemps un premier contact');
    expect(translator('nl-BE')('mail.recoveryCodeUsed.left', { count: 1 })).toContain('nog 1 herstelcode over');
    expect(longDate('2026-11-24', 'fr')).toBe('24 novembre 2026');
    expect(longDate('2026-11-24', 'nl-BE')).toBe('24 november 2026');
    expect(longDate('2026-11-24', 'en')).toBe('24 November 2026');
  });
});
