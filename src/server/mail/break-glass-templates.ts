import type { Locale } from '../../shared/locales.ts';
import type { OutgoingMail } from './outbox.ts';
import { compose } from './templates.ts';

/*
 * Mail about a use of emergency access. Like every mail it says nothing of the file itself, not
 * even the reason: the family reads that in "who looked" after signing in, the reviewer in the
 * review list.
 */

const timeIn = (at: Date, locale: Locale) =>
  at.toLocaleString(locale === 'en' ? 'en-GB' : 'nl-BE', { timeZone: 'Europe/Brussels', dateStyle: 'long', timeStyle: 'short' });

/** To each parent of the family: someone outside the family's circle opened the file in an emergency. */
export function breakGlassFamilyMail(p: { to: string; name: string; familyName: string; opener: string; endsAt: Date; url: string; locale: Locale }): OutgoingMail {
  return p.locale === 'en'
    ? compose(p.to, `Emergency access to the file of ${p.familyName}`, [
        `Hello ${p.name},`,
        `${p.opener} of the collaboration opened the file of ${p.familyName} in an emergency. They can read it until ${timeIn(p.endsAt, p.locale)}, and change nothing.`,
        'Under "Who looked" you read why. Someone else checks afterwards whether it was needed.',
      ], { label: 'See who looked', url: p.url }, 'Things you marked as private stay closed, also now.')
    : compose(p.to, `Noodtoegang tot het dossier van ${p.familyName}`, [
        `Dag ${p.name},`,
        `${p.opener} van het samenwerkingsverband opende het dossier van ${p.familyName} in een noodgeval. Die persoon kan het lezen tot ${timeIn(p.endsAt, p.locale)}, en niets veranderen.`,
        'Bij "Wie keek er" lees je waarom. Iemand anders kijkt achteraf na of het nodig was.',
      ], { label: 'Bekijk wie er keek', url: p.url }, 'Wat je als privé aanduidde, blijft ook nu gesloten.');
}

/** To the collaboration's admins (and DPO): a use of emergency access waits for their review. */
export function breakGlassReviewMail(p: { to: string; name: string; opener: string; endsAt: Date; url: string; locale: Locale }): OutgoingMail {
  return p.locale === 'en'
    ? compose(p.to, 'Emergency access used: please review', [
        `Hello ${p.name},`,
        `${p.opener} opened a family file in an emergency, until ${timeIn(p.endsAt, p.locale)}.`,
        'Please judge in the review list whether it was justified, with a note.',
      ], { label: 'Open the review list', url: p.url }, 'You get this email because you review emergency access in this collaboration.')
    : compose(p.to, 'Noodtoegang gebruikt: graag nakijken', [
        `Dag ${p.name},`,
        `${p.opener} opende een gezinsdossier in een noodgeval, tot ${timeIn(p.endsAt, p.locale)}.`,
        'Oordeel in de lijst noodtoegang of het terecht was, met een woordje uitleg.',
      ], { label: 'Naar de lijst noodtoegang', url: p.url }, 'Je krijgt deze e-mail omdat je in dit samenwerkingsverband noodtoegang nakijkt.');
}
