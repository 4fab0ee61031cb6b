import { DEFAULT_LIFE_DOMAINS } from './pictograms.ts';
import type { Locale } from './locales.ts';

/**
 * Words of the figures, shared by the dashboard, the printed report, the PDF and the exports, so
 * each figure is named alike wherever it is read. Categories reuse the words of the registration
 * form and the plan.
 */
interface FigureWords {
  titles: Record<string, string>;
  columns: Record<string, string>;
  values: Record<string, Record<string, string>>;
  flanders: string;
}

const pictogramLabels = (locale: Locale) => ({
  ...Object.fromEntries(DEFAULT_LIFE_DOMAINS.map((d) => [d.pictogram, locale === 'en' ? d.labelEn : d.labelNl])),
  food: locale === 'en' ? 'Food' : 'Voeding', transport: locale === 'en' ? 'Transport' : 'Vervoer',
  other: locale === 'en' ? 'Other' : 'Andere', none: locale === 'en' ? 'No life domain' : 'Geen levensdomein',
});

const NL: FigureWords = {
  titles: {
    'registrations-by-referrer': 'Aanmeldingen per maand, per aanmelder',
    'registrations-by-reason': 'Aanmeldingen per maand, per reden',
    consultations: 'Consultvragen per maand, per aanmelder',
    'first-contact': 'Tijd tot het eerste contact',
    families: 'Gezinnen: gestart, afgesloten, actief',
    caseload: 'Caseload per gezinscoach',
    'caseload-summary': 'Caseload samengevat',
    'goal-domains': 'Doelen per levensdomein',
    'goal-outcomes': 'Hoe het met de doelen gaat',
    'informal-network': 'Informeel netwerk betrokken',
  },
  columns: {
    collaboration: 'Samenwerkingsverband', month: 'Maand', referrerType: 'Aanmelder', reason: 'Reden', registrations: 'Aanmeldingen',
    consultations: 'Consultvragen', days0to7: '0 tot 7 dagen', days8to14: '8 tot 14 dagen', days15to30: '15 tot 30 dagen',
    days31to60: '31 tot 60 dagen', daysOver60: 'Meer dan 60 dagen', noContactYet: 'Nog geen eerste contact',
    within14DaysShare: 'Binnen 14 dagen', within30DaysShare: 'Binnen 30 dagen', medianDays: 'Mediaan (dagen)',
    started: 'Gestart', closed: 'Afgesloten', activeAtEnd: 'Actief op het einde', coach: 'Gezinscoach',
    partnerOrganisation: 'Partnerorganisatie', families: 'Gezinnen', hours: 'Uren', coaches: 'Gezinscoaches',
    familiesPerCoach: 'Gezinnen per coach', hoursPerFamily: 'Uren per gezin', lifeDomain: 'Levensdomein', goals: 'Doelen',
    status: 'Stand', withRing2: 'Met informeel netwerk', withoutRing2: 'Zonder informeel netwerk', withRing2Share: 'Aandeel met informeel netwerk',
  },
  values: {
    referrerType: {"clb": "CLB", "caw": "CAW", "huis_van_het_kind": "Huis van het Kind", "kind_en_gezin": "Kind en Gezin", "ocmw": "OCMW", "ocj": "OCJ (ondersteuningscentrum jeugdzorg)", "crisis_youth_care": "Crisisjeugdhulp", "gp": "Huisarts", "school": "School", "other": "Een andere dienst", "family_itself": "Het gezin zelf"},
    reason: {"waiting_bridging": "Het gezin wacht op hulp en heeft intussen steun nodig", "question_unclear": "De vraag is breed of nog niet duidelijk", "many_helpers": "Er zijn veel hulpverleners en niemand heeft het overzicht", "other": "Iets anders"},
    status: {"active": "bezig", "reached": "bereikt", "partly_reached": "deels bereikt", "not_reached": "niet bereikt", "dropped": "gestopt"},
    lifeDomain: pictogramLabels('nl-BE'),
  },
  flanders: 'Vlaanderen',
};

const EN: FigureWords = {
  titles: {
    'registrations-by-referrer': 'Registrations per month, by referrer',
    'registrations-by-reason': 'Registrations per month, by reason',
    consultations: 'Consultation questions per month, by referrer',
    'first-contact': 'Time to first contact',
    families: 'Families: started, closed, active',
    caseload: 'Caseload per coach',
    'caseload-summary': 'Caseload in short',
    'goal-domains': 'Goals per life domain',
    'goal-outcomes': 'How the goals are doing',
    'informal-network': 'Informal network involved',
  },
  columns: {
    collaboration: 'Collaboration', month: 'Month', referrerType: 'Referrer', reason: 'Reason', registrations: 'Registrations',
    consultations: 'Consultation questions', days0to7: '0 to 7 days', days8to14: '8 to 14 days', days15to30: '15 to 30 days',
    days31to60: '31 to 60 days', daysOver60: 'More than 60 days', noContactYet: 'No first contact yet',
    within14DaysShare: 'Within 14 days', within30DaysShare: 'Within 30 days', medianDays: 'Median (days)',
    started: 'Started', closed: 'Closed', activeAtEnd: 'Active at the end', coach: 'Coach',
    partnerOrganisation: 'Partner organisation', families: 'Families', hours: 'Hours', coaches: 'Coaches',
    familiesPerCoach: 'Families per coach', hoursPerFamily: 'Hours per family', lifeDomain: 'Life domain', goals: 'Goals',
    status: 'Status', withRing2: 'With informal network', withoutRing2: 'Without informal network', withRing2Share: 'Share with informal network',
  },
  values: {
    referrerType: {"clb": "CLB (pupil guidance centre)", "caw": "CAW (general welfare centre)", "huis_van_het_kind": "Huis van het Kind", "kind_en_gezin": "Kind en Gezin", "ocmw": "OCMW (social welfare)", "ocj": "OCJ (youth care support centre)", "crisis_youth_care": "Crisis youth care", "gp": "GP (family doctor)", "school": "School", "other": "Another service", "family_itself": "The family itself"},
    reason: {"waiting_bridging": "The family is waiting for help and needs support meanwhile", "question_unclear": "The question is broad or not clear yet", "many_helpers": "There are many helpers and nobody has the overview", "other": "Something else"},
    status: {"active": "in progress", "reached": "reached", "partly_reached": "partly reached", "not_reached": "not reached", "dropped": "stopped"},
    lifeDomain: pictogramLabels('en'),
  },
  flanders: 'Flanders',
};

export const figureWords = (locale: Locale): FigureWords => (locale === 'en' ? EN : NL);

/** The words for a category, or the category itself (a name, a month). */
export function categoryLabel(locale: Locale, dimension: string, value: string): string {
  if (dimension === 'month') return monthLabel(locale, value);
  return figureWords(locale).values[dimension]?.[value] ?? value;
}

export function monthLabel(locale: Locale, month: string): string {
  const date = new Date(`${month}-15T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? month : new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}
