import type { Locale } from './locales.ts';

/** Every machine code the API can answer with, and its plain-language message per locale. */
export const ERROR_MESSAGES = {
  malformed_request: { 'nl-BE': 'Het verzoek kon niet gelezen worden.', en: 'The request could not be read.' },
  validation_failed: { 'nl-BE': 'Niet alles is goed ingevuld. Kijk de velden na.', en: 'Not everything is filled in correctly. Please check the fields.' },
  unauthenticated: { 'nl-BE': 'Meld je eerst aan.', en: 'Please sign in first.' },
  invalid_credentials: { 'nl-BE': 'Dit e-mailadres en wachtwoord passen niet bij elkaar.', en: 'This email address and password do not match.' },
  too_many_attempts: { 'nl-BE': 'Te veel pogingen. Probeer het over een kwartier opnieuw.', en: 'Too many attempts. Please try again in fifteen minutes.' },
  csrf_failed: { 'nl-BE': 'Je sessie is verlopen of ongeldig. Laad de pagina opnieuw.', en: 'Your session has expired or is invalid. Please reload the page.' },
  forbidden: { 'nl-BE': 'Je mag dit niet doen.', en: 'You are not allowed to do this.' },
  not_found: { 'nl-BE': 'Dit bestaat niet (meer), of je mag het niet zien.', en: 'This does not exist (any more), or you may not see it.' },
  conflict: { 'nl-BE': 'Dit bestaat al.', en: 'This already exists.' },
  email_taken: { 'nl-BE': 'Er is al iemand met dit e-mailadres in dit samenwerkingsverband.', en: 'Someone with this email address is already in this collaboration.' },
  domain_taken: { 'nl-BE': 'Een van deze domeinen hoort al bij een andere aanmelddienst.', en: 'One of these domains already belongs to another sign-in service.' },
  postcode_taken: { 'nl-BE': 'Deze postcode hoort al bij een ander samenwerkingsverband.', en: 'This postcode already belongs to another collaboration.' },
  precondition_required: { 'nl-BE': 'De versie ontbreekt (If-Match). Laad opnieuw en probeer nog eens.', en: 'The version is missing (If-Match). Reload and try again.' },
  precondition_failed: { 'nl-BE': 'Iemand anders heeft dit intussen gewijzigd. Laad opnieuw om de nieuwste versie te zien.', en: 'Someone else changed this in the meantime. Reload to see the latest version.' },
  idempotency_conflict: { 'nl-BE': 'Deze sleutel werd al gebruikt voor een ander verzoek.', en: 'This key was already used for a different request.' },
  token_invalid: { 'nl-BE': 'Deze link is verlopen of al gebruikt. Vraag een nieuwe aan.', en: 'This link has expired or was already used. Please ask for a new one.' },
  last_admin: { 'nl-BE': 'Er moet minstens één actieve beheerder overblijven.', en: 'At least one active administrator must remain.' },
  postcode_unknown: {
    'nl-BE': 'We kennen deze postcode niet. Kies hieronder een samenwerkingsverband.',
    en: "We don't know this postcode. Choose a collaboration below.",
  },
  registration_state: {
    'nl-BE': 'Dit kan niet meer in deze stap van de aanmelding. Laad opnieuw om te zien waar ze staat.',
    en: 'This is not possible at this stage of the registration. Reload to see where it stands.',
  },
  too_many_registrations: {
    'nl-BE': 'Er kwamen van hier al veel aanmeldingen binnen. Probeer het over een uur opnieuw, of meld je eerst aan.',
    en: 'Many registrations came from here already. Please try again in an hour, or sign in first.',
  },
  no_plan_version: {
    'nl-BE': 'Er is nog geen bewaarde versie van het plan. Bewaar eerst een versie om later te zien waar jullie begonnen.',
    en: 'There is no saved version of the plan yet. Save a version first to see later where you started.',
  },
  second_factor_required: {
    'nl-BE': 'Bevestig eerst je aanmelding met je tweede stap (code uit je app of herstelcode).',
    en: 'Please first confirm your sign-in with your second step (code from your app or recovery code).',
  },
  second_factor_enrolment_required: {
    'nl-BE': 'Stel eerst een tweede stap in voor je aanmelding.',
    en: 'Please set up a second step for signing in first.',
  },
  invalid_code: { 'nl-BE': 'Deze code klopt niet of werd al gebruikt.', en: 'This code is not right or was already used.' },
  no_pending_enrolment: {
    'nl-BE': 'Er is geen nieuwe app om te bevestigen. Begin opnieuw met het instellen.',
    en: 'There is no new app to confirm. Please start the set-up again.',
  },
  break_glass_running: {
    'nl-BE': 'Je noodtoegang tot dit gezin loopt nog. Een nieuwe kan pas als deze gedaan is.',
    en: 'Your emergency access to this family is still running. A new one is possible only after it ends.',
  },
  break_glass_in_circle: {
    'nl-BE': 'Je hoort al bij dit gezin. Je hebt geen noodtoegang nodig.',
    en: 'You are already part of this family. You do not need emergency access.',
  },
  internal_error: { 'nl-BE': 'Er ging iets mis bij ons. Probeer het later opnieuw.', en: 'Something went wrong on our side. Please try again later.' },
} as const satisfies Record<string, Record<Locale, string>>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export function errorMessage(code: ErrorCode, locale: Locale): string {
  return ERROR_MESSAGES[code][locale];
}
