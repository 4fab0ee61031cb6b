import type { z } from 'zod';
import type { Locale } from './locales.ts';

/** Our own plain-language messages for zod issues, so a field error reads like a person wrote it. */
const plain = {
  required: { 'nl-BE': 'Vul dit in.', en: 'Please fill this in.' },
  email: { 'nl-BE': 'Dit is geen geldig e-mailadres.', en: 'This is not a valid email address.' },
  postcode: { 'nl-BE': 'Een postcode heeft 4 cijfers, bv. 2000.', en: 'A postcode has 4 digits, e.g. 2000.' },
  choose: { 'nl-BE': 'Kies een van de mogelijkheden.', en: 'Please choose one of the options.' },
  minChars: { 'nl-BE': 'Gebruik minstens {n} tekens.', en: 'Use at least {n} characters.' },
  maxChars: { 'nl-BE': 'Gebruik hoogstens {n} tekens.', en: 'Use at most {n} characters.' },
  minItems: { 'nl-BE': 'Kies er minstens {n}.', en: 'Choose at least {n}.' },
  maxItems: { 'nl-BE': 'Kies er hoogstens {n}.', en: 'Choose at most {n}.' },
  minNumber: { 'nl-BE': 'Het getal moet minstens {n} zijn.', en: 'The number must be at least {n}.' },
  maxNumber: { 'nl-BE': 'Het getal mag hoogstens {n} zijn.', en: 'The number must be at most {n}.' },
  wholeNumber: { 'nl-BE': 'Vul een getal in.', en: 'Please enter a number.' },
  invalid: { 'nl-BE': 'Dit klopt niet.', en: 'This is not right.' },
  endsAfterStart: {
    'nl-BE': 'Het einde moet na het begin komen.',
    en: 'The end must come after the start.',
  },
  warningBeforeTarget: {
    'nl-BE': 'De waarschuwing moet vóór de termijn komen.',
    en: 'The warning must come before the target.',
  },
  consentRequired: {
    'nl-BE': 'Het gezin moet weten van deze aanmelding en akkoord gaan. Vraag het eerst aan het gezin.',
    en: 'The family must know about this registration and agree to it. Please ask the family first.',
  },
  notACoach: { 'nl-BE': 'Kies een coach van dit samenwerkingsverband.', en: 'Choose a coach of this collaboration.' },
  dateInFuture: { 'nl-BE': 'Deze datum ligt nog in de toekomst.', en: 'This date is still in the future.' },
  periodEndBeforeStart: { 'nl-BE': 'De einddatum moet na de begindatum liggen.', en: 'The end date must be after the start date.' },
  periodTooLong: { 'nl-BE': 'Kies een periode van hoogstens 10 jaar.', en: 'Choose a period of at most 10 years.' },
  dateBeforeRegistration: { 'nl-BE': 'Deze datum ligt vóór de aanmelding.', en: 'This date is before the registration.' },
  municipalityUnknown: {
    'nl-BE': 'Deze gemeente hoort niet bij deze postcode. Kies een samenwerkingsverband.',
    en: 'This municipality does not belong to this postcode. Choose a collaboration.',
  },
  wrongKind: { 'nl-BE': 'Dit past niet bij dit soort aanmelding.', en: 'This does not fit this kind of registration.' },
  sameCollaboration: { 'nl-BE': 'Kies een ander samenwerkingsverband.', en: 'Choose another collaboration.' },
  passwordsDiffer: { 'nl-BE': 'De twee wachtwoorden zijn niet gelijk.', en: 'The two passwords are not the same.' },
  youngerThanTwelve: {
    'nl-BE': 'Een jongere is 12 jaar of ouder. Kies "kind" voor wie jonger is.',
    en: 'A young person is 12 or older. Choose "child" for someone younger.',
  },
  orderIncomplete: {
    'nl-BE': 'Zet alles in de nieuwe volgorde, elk één keer. Laad opnieuw als er intussen iets bijkwam.',
    en: 'Put everything in the new order, each once. Reload if something was added in the meantime.',
  },
  defaultTemplateRequired: {
    'nl-BE': 'Er moet één standaardsjabloon zijn. Maak eerst een ander sjabloon de standaard.',
    en: 'There must be one default template. Make another template the default first.',
  },
  oneTopic: {
    'nl-BE': 'Kies een levensdomein of één onderdeel, niet allebei.',
    en: 'Choose a life domain or one item, not both.',
  },
  notForThisPerson: {
    'nl-BE': 'Dit kan niet voor deze persoon.',
    en: 'This is not possible for this person.',
  },
  notYours: {
    'nl-BE': 'Hierover beslist iemand anders in het gezin.',
    en: 'Someone else in the family decides about this.',
  },
  chairAtFamilyRequest: {
    'nl-BE': 'Een coach zit het gesprek alleen voor als het gezin dat vraagt. Duid dat aan, of kies iemand van het gezin.',
    en: 'A coach chairs only when the family asks. Tick that, or choose someone of the family.',
  },
  lastAgendaItem: {
    'nl-BE': 'Een gesprek heeft minstens één agendapunt.',
    en: 'A meeting has at least one agenda item.',
  },
  alreadyAgreement: {
    'nl-BE': 'Van deze notitie is al een afspraak gemaakt.',
    en: 'This note is already an agreement.',
  },
  privateIsForFamily: {
    'nl-BE': 'Alleen een gezinslid maakt iets privé. Wat jij als coach schrijft, kan het gezin lezen. Schrijf je dit namens iemand? Kies dan voor wie.',
    en: 'Only a family member makes something private. What you write as a coach, the family can read. Writing this for someone? Then choose for whom.',
  },
  fileType: {
    'nl-BE': 'Dit soort bestand kan niet. Kies een foto (JPEG, PNG, WebP) of een PDF.',
    en: 'This kind of file is not possible. Choose a photo (JPEG, PNG, WebP) or a PDF.',
  },
  fileTooLarge: { 'nl-BE': 'Dit bestand is te groot.', en: 'This file is too large.' },
  dateInPast: { 'nl-BE': 'Deze datum is al voorbij.', en: 'This date has already passed.' },
  httpsRequired: {
    'nl-BE': 'Gebruik een adres dat begint met https://.',
    en: 'Use an address that starts with https://.',
  },
  emailDomain: { 'nl-BE': 'Dit is geen e-maildomein. Schrijf het zoals caw-antwerpen.be.', en: 'This is not an email domain. Write it like caw-antwerpen.be.' },
  domainTwice: { 'nl-BE': 'Elk domein één keer.', en: 'Each domain once.' },
  domainTaken: {
    'nl-BE': 'Dit domein hoort al bij een andere aanmelddienst.',
    en: 'This domain already belongs to another sign-in service.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type PlainMessageKey = keyof typeof plain;

/** Use in `.refine(..., customMessage('key'))` so the key travels with the issue to both sides. */
export const customMessage = (key: PlainMessageKey) => ({ params: { message: key } });

export interface FieldIssue {
  field: string;
  code: string;
  message: string;
}

export function isPlainMessageKey(key: string): key is PlainMessageKey {
  return Object.hasOwn(plain, key);
}

function fill(key: PlainMessageKey, locale: Locale, n?: number | bigint): string {
  return plain[key][locale].replace('{n}', String(n ?? ''));
}

export const plainMessage = (key: PlainMessageKey, locale: Locale) => fill(key, locale);

export function plainIssueMessage(issue: z.core.$ZodIssue, locale: Locale): string {
  // The family's agreement to a registration is one checkbox: missing or unticked, one clear message.
  if (issue.path.at(-1) === 'familyConsent') return fill('consentRequired', locale);
  switch (issue.code) {
    case 'invalid_type':
      return issue.message.includes('received undefined') || issue.message.includes('received null')
        ? fill('required', locale)
        : issue.expected === 'number' || issue.expected === 'int'
          ? fill('wholeNumber', locale)
          : fill('invalid', locale);
    case 'invalid_format':
      if (issue.format === 'email') return fill('email', locale);
      if (issue.format === 'regex' && issue.path.at(-1) === 'postcode') return fill('postcode', locale);
      return fill('invalid', locale);
    case 'invalid_value':
      return fill('choose', locale);
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? fill('required', locale) : fill('minChars', locale, issue.minimum);
      if (issue.origin === 'array' || issue.origin === 'set') return fill('minItems', locale, issue.minimum);
      return fill('minNumber', locale, issue.minimum);
    case 'too_big':
      if (issue.origin === 'string') return fill('maxChars', locale, issue.maximum);
      if (issue.origin === 'array' || issue.origin === 'set') return fill('maxItems', locale, issue.maximum);
      return fill('maxNumber', locale, issue.maximum);
    case 'custom': {
      const key = (issue.params as { message?: string } | undefined)?.message;
      return key && Object.hasOwn(plain, key) ? fill(key as PlainMessageKey, locale) : fill('invalid', locale);
    }
    default:
      return fill('invalid', locale);
  }
}

export function fieldIssues(issues: readonly z.core.$ZodIssue[], locale: Locale): FieldIssue[] {
  return issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    code: issue.code === 'custom' ? ((issue.params as { message?: string } | undefined)?.message ?? 'custom') : issue.code,
    message: plainIssueMessage(issue, locale),
  }));
}
