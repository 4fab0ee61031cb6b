import type { Locale } from '../../shared/locales.ts';
import type { OutgoingMail } from './outbox.ts';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** One short message with one clear button: plain language, readable without images. */
export function compose(to: string, subject: string, lines: string[], action: { label: string; url: string } | null, footer: string): OutgoingMail {
  const text = [...lines, '', ...(action ? [`${action.label}: ${action.url}`, ''] : []), footer].join('\n');
  const button = action
    ? `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:12px 20px;background:#0b5cad;color:#fff;text-decoration:none;border-radius:6px">${escapeHtml(action.label)}</a></p>\n`
    : '';
  const html = `<!doctype html><html><body style="font-family:sans-serif;font-size:16px;line-height:1.5">
${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}
${button}<p style="color:#444">${escapeHtml(footer)}</p>
</body></html>`;
  return { to, subject, text, html };
}

export function invitationMail(p: { to: string; name: string; collaborationName: string; url: string; locale: Locale }): OutgoingMail {
  return p.locale === 'en'
    ? compose(p.to, `Welcome to ${p.collaborationName} on Gezinsplan`, [
        `Hello ${p.name},`,
        `You have been invited to work with ${p.collaborationName} in Gezinsplan.`,
        'Click the button to choose your password. The link works for 7 days.',
      ], { label: 'Choose my password', url: p.url }, 'Did you not expect this email? Then you can ignore it.')
    : compose(p.to, `Welkom bij ${p.collaborationName} in Gezinsplan`, [
        `Dag ${p.name},`,
        `Je bent uitgenodigd om mee te werken in ${p.collaborationName} in Gezinsplan.`,
        'Klik op de knop om je wachtwoord te kiezen. De link werkt 7 dagen.',
      ], { label: 'Mijn wachtwoord kiezen', url: p.url }, 'Verwachtte je deze e-mail niet? Dan mag je hem negeren.');
}

export function passwordResetMail(p: { to: string; name: string; url: string; locale: Locale }): OutgoingMail {
  return p.locale === 'en'
    ? compose(p.to, 'Choose a new password for Gezinsplan', [
        `Hello ${p.name},`,
        'Someone asked to choose a new password for your account.',
        'Click the button to choose a new password. The link works for 1 hour.',
      ], { label: 'Choose a new password', url: p.url }, 'Did you not ask for this? Then you can ignore this email: your password stays the same.')
    : compose(p.to, 'Kies een nieuw wachtwoord voor Gezinsplan', [
        `Dag ${p.name},`,
        'Iemand vroeg om een nieuw wachtwoord voor jouw account.',
        'Klik op de knop om een nieuw wachtwoord te kiezen. De link werkt 1 uur.',
      ], { label: 'Nieuw wachtwoord kiezen', url: p.url }, 'Heb je dit niet gevraagd? Dan mag je deze e-mail negeren: je wachtwoord blijft hetzelfde.');
}

const formatDate = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-BE', { timeZone: 'Europe/Brussels', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));

/** The receipt for the person who registered: what happens next, and whom to call. */
export function registrationReceiptMail(p: {
  to: string; name: string; kind: 'family' | 'consultation'; familyName: string; receivedAt: string; dueBy: string;
  collaborationName: string; contact: string | null; locale: Locale;
}): OutgoingMail {
  const contact = p.contact ?? p.collaborationName;
  return p.locale === 'en'
    ? compose(p.to, `We received your ${p.kind === 'consultation' ? 'question' : 'registration'}`, [
        `Hello ${p.name},`,
        p.kind === 'consultation'
          ? `We received your question about the ${p.familyName} family on ${formatDate(p.receivedAt, 'en')}. It went to ${p.collaborationName}.`
          : `We received your registration of the ${p.familyName} family on ${formatDate(p.receivedAt, 'en')}. It went to ${p.collaborationName}.`,
        p.kind === 'consultation'
          ? 'A coach will contact you with advice.'
          : `A coach will contact the family by ${formatDate(p.dueBy, 'en')} at the latest. Usually it is sooner.`,
        `Questions? Contact ${contact}.`,
      ], null, 'This is an automatic message. Please keep it.')
    : compose(p.to, `We ontvingen je ${p.kind === 'consultation' ? 'vraag' : 'aanmelding'}`, [
        `Dag ${p.name},`,
        p.kind === 'consultation'
          ? `We ontvingen je vraag over het gezin ${p.familyName} op ${formatDate(p.receivedAt, 'nl-BE')}. Ze ging naar ${p.collaborationName}.`
          : `We ontvingen je aanmelding van het gezin ${p.familyName} op ${formatDate(p.receivedAt, 'nl-BE')}. Ze ging naar ${p.collaborationName}.`,
        p.kind === 'consultation'
          ? 'Een coach neemt contact met je op met advies.'
          : `Een coach neemt uiterlijk op ${formatDate(p.dueBy, 'nl-BE')} contact op met het gezin. Meestal is het sneller.`,
        `Vragen? Neem contact op met ${contact}.`,
      ], null, 'Dit is een automatisch bericht. Bewaar het goed.');
}

/** The coordinator's daily list of open registrations near or past the first-contact limit. */
export function warningDigestMail(p: {
  to: string; name: string; collaborationName: string; url: string; locale: Locale;
  items: { familyName: string; daysSince: number; dueBy: string; overdue: boolean }[];
}): OutgoingMail {
  const en = p.locale === 'en';
  const lines = p.items.map((i) => en
    ? `- ${i.familyName}: ${i.daysSince} days ago, first contact ${i.overdue ? 'was due' : 'due'} ${formatDate(i.dueBy, 'en')}${i.overdue ? ' (late)' : ''}`
    : `- ${i.familyName}: ${i.daysSince} dagen geleden, eerste contact ${i.overdue ? 'was gepland tegen' : 'tegen'} ${formatDate(i.dueBy, 'nl-BE')}${i.overdue ? ' (te laat)' : ''}`);
  return en
    ? compose(p.to, `${p.items.length} registration(s) waiting too long for first contact`, [
        `Hello ${p.name},`,
        `These registrations at ${p.collaborationName} still have no first contact and are close to or past the limit:`,
        ...lines,
      ], { label: 'Open the registrations', url: p.url }, 'You get this email each morning while registrations are waiting too long.')
    : compose(p.to, `${p.items.length} aanmelding(en) wachten te lang op eerste contact`, [
        `Dag ${p.name},`,
        `Deze aanmeldingen bij ${p.collaborationName} hebben nog geen eerste contact en zitten dicht bij of over de termijn:`,
        ...lines,
      ], { label: 'Open de aanmeldingen', url: p.url }, 'Je krijgt deze e-mail elke ochtend zolang aanmeldingen te lang wachten.');
}

/** To each coordinator of the collaboration a registration was forwarded to: it keeps its date. */
export function registrationForwardedMail(p: {
  to: string; name: string; fromName: string; collaborationName: string; familyName: string; receivedAt: string; dueBy: string;
  url: string; locale: Locale;
}): OutgoingMail {
  return p.locale === 'en'
    ? compose(p.to, `A registration was forwarded to ${p.collaborationName}`, [
        `Hello ${p.name},`,
        `${p.fromName} forwarded the registration of the ${p.familyName} family to ${p.collaborationName}: the family lives in your area.`,
        `It was registered on ${formatDate(p.receivedAt, 'en')}. That date still counts: first contact is due by ${formatDate(p.dueBy, 'en')}.`,
      ], { label: 'Open the registration', url: p.url }, 'This is an automatic message.')
    : compose(p.to, `Een aanmelding werd doorgestuurd naar ${p.collaborationName}`, [
        `Dag ${p.name},`,
        `${p.fromName} stuurde de aanmelding van het gezin ${p.familyName} door naar ${p.collaborationName}: het gezin woont in jullie regio.`,
        `Ze werd aangemeld op ${formatDate(p.receivedAt, 'nl-BE')}. Die datum blijft tellen: het eerste contact moet er uiterlijk op ${formatDate(p.dueBy, 'nl-BE')} zijn.`,
      ], { label: 'Open de aanmelding', url: p.url }, 'Dit is een automatisch bericht.');
}
