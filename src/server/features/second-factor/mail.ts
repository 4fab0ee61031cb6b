import type { Locale } from '../../../shared/locales.ts';
import { compose } from '../../mail/templates.ts';
import type { OutgoingMail } from '../../mail/outbox.ts';

export function recoveryCodeUsedMail(p: { to: string; name: string; left: number; locale: Locale }): OutgoingMail {
  return p.locale === 'en'
    ? compose(p.to, 'A recovery code was used for your Gezinsplan account', [
        `Hello ${p.name},`,
        'Someone just signed in to your account with one of your recovery codes.',
        `You have ${p.left} recovery codes left. Was this not you? Tell your administrator at once.`,
      ], null, 'You get this email every time a recovery code is used.')
    : compose(p.to, 'Er werd een herstelcode gebruikt voor je account in Gezinsplan', [
        `Dag ${p.name},`,
        'Iemand heeft zich net aangemeld op je account met een van je herstelcodes.',
        `Je hebt nog ${p.left} herstelcodes over. Was jij dit niet? Laat het meteen weten aan je beheerder.`,
      ], null, 'Je krijgt deze e-mail telkens er een herstelcode gebruikt wordt.');
}

export function secondFactorResetMail(p: { to: string; name: string; byName: string; locale: Locale }): OutgoingMail {
  return p.locale === 'en'
    ? compose(p.to, 'Your second step for Gezinsplan was reset', [
        `Hello ${p.name},`,
        `${p.byName} reset the second step of your sign-in. You were signed out everywhere.`,
        'At your next sign-in you set up your authenticator app again. Was this unexpected? Ask your administrator.',
      ], null, 'You get this email because your account changed.')
    : compose(p.to, 'Je tweede stap voor Gezinsplan werd opnieuw ingesteld', [
        `Dag ${p.name},`,
        `${p.byName} heeft de tweede stap van je aanmelding gewist. Je bent overal afgemeld.`,
        'Bij je volgende aanmelding stel je je app voor codes opnieuw in. Verwachtte je dit niet? Vraag het aan je beheerder.',
      ], null, 'Je krijgt deze e-mail omdat je account veranderde.');
}
