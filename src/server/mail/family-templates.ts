import type { Locale } from '../../shared/locales.ts';
import type { OutgoingMail } from './outbox.ts';
import { compose } from './templates.ts';

/*
 * Mail for the family and its circle: plain words, one button. They never contain anything of the
 * family's file beyond the family's name, so a mail that goes astray tells nothing.
 */

export function signInLinkMail(p: { to: string; name: string; url: string; locale: Locale }): OutgoingMail {
  return p.locale === 'en'
    ? compose(p.to, 'Your link to sign in to Gezinsplan', [
        `Hello ${p.name},`,
        'Click the button to sign in. The link works once, for 15 minutes.',
      ], { label: 'Sign in', url: p.url }, 'Did you not ask for this? Then you can ignore this email.')
    : compose(p.to, 'Je link om aan te melden bij Gezinsplan', [
        `Dag ${p.name},`,
        'Klik op de knop om aan te melden. De link werkt één keer, 15 minuten lang.',
      ], { label: 'Aanmelden', url: p.url }, 'Heb je dit niet gevraagd? Dan mag je deze e-mail negeren.');
}

export function familyInvitationMail(p: {
  to: string; name: string; familyName: string; invitedBy: string; url: string; existingAccount: boolean; locale: Locale;
}): OutgoingMail {
  if (p.locale === 'en') {
    return compose(p.to, `${p.invitedBy} invites you to ${p.familyName} in Gezinsplan`, [
      `Hello ${p.name},`,
      `${p.invitedBy} invites you to take part in the plan of ${p.familyName}. The family decides what you see.`,
      p.existingAccount ? 'Sign in as usual; you will find the family in your list.' : 'Click the button to come in. You do not need a password. The link works once, for 7 days.',
    ], { label: p.existingAccount ? 'Sign in' : 'Come in', url: p.url }, 'Did you not expect this email? Then you can ignore it.');
  }
  return compose(p.to, `${p.invitedBy} nodigt je uit bij ${p.familyName} in Gezinsplan`, [
    `Dag ${p.name},`,
    `${p.invitedBy} nodigt je uit om mee te doen aan het plan van ${p.familyName}. Het gezin beslist wat jij ziet.`,
    p.existingAccount ? 'Meld aan zoals altijd; je vindt het gezin in je lijst.' : 'Klik op de knop om binnen te komen. Je hebt geen wachtwoord nodig. De link werkt één keer, 7 dagen lang.',
  ], { label: p.existingAccount ? 'Aanmelden' : 'Binnenkomen', url: p.url }, 'Verwachtte je deze e-mail niet? Dan mag je hem negeren.');
}

/** "There is a new message": never its text, its sender or the conversation's title. */
export function newMessageMail(p: { to: string; name: string; familyName: string; url: string; locale: Locale }): OutgoingMail {
  return p.locale === 'en'
    ? compose(p.to, `New message in the conversation of ${p.familyName}`, [
        `Hello ${p.name},`,
        `There is a new message for you in the conversation of ${p.familyName} in Gezinsplan. Sign in to read it.`,
      ], { label: 'Read the message', url: p.url }, 'You get one email until you have read the conversation.')
    : compose(p.to, `Nieuw bericht in het gesprek van ${p.familyName}`, [
        `Dag ${p.name},`,
        `Er is een nieuw bericht voor jou in het gesprek van ${p.familyName} in Gezinsplan. Meld aan om het te lezen.`,
      ], { label: 'Bericht lezen', url: p.url }, 'Je krijgt één e-mail tot je het gesprek gelezen hebt.');
}
