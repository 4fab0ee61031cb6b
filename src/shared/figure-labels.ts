import { DEFAULT_LIFE_DOMAINS } from './pictograms.ts';
import type { Locale } from './locales.ts';

/**
 * Words of the figures, shared by the dashboard, the printed report, the PDF and the exports, so
 * each figure is named alike wherever it is read. Categories reuse the words of the registration
 * form and the plan.
 */
interface FigureWords {
  titles: Record<string, string>;
  /** How a figure is counted, in plain words: shown under its title on screen and on paper. */
  notes: Record<string, string>;
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
    'trajectory-duration': 'Hoe lang de begeleiding duurde',
    'closure-reasons': 'Waarom de begeleiding stopte',
    'warm-handovers': 'Warme overdracht bij het afsluiten',
    'round-tables': 'Rondetafels per maand',
    'round-table-families': 'Gezinnen met een rondetafel',
    'round-table-network': 'Informeel netwerk aan de rondetafel',
  },
  notes: {
    'registrations-by-referrer': 'Aanmeldingen van een gezin die in de periode binnenkwamen. Een doorgestuurde aanmelding telt waar ze terechtkwam.',
    'registrations-by-reason': 'Een aanmelding kan meer dan één reden hebben. Daarom zijn er samen soms meer redenen dan aanmeldingen.',
    consultations: 'Vragen om advies van een aanmelder, zonder begeleiding van het gezin.',
    'first-contact': 'Dagen van de aanmelding tot het eerste contact met het gezin. Een aanmelding zonder eerste contact telt mee in de aandelen. Mediaan: de helft was sneller.',
    families: 'Gestart: de begeleiding begon in de periode. Afgesloten: ze stopte in de periode. Actief: ze liep nog op de laatste dag. Een gezin dat heropend werd, is actief.',
    caseload: 'De gezinnen die de coach in de periode begeleidde, en de uren van de contactmomenten die de coach in de periode schreef voor zijn of haar gezinnen.',
    'caseload-summary': 'Elke coach van een gezin telt. Uren per gezin: de uren van de contactmomenten van de coaches in de periode, gedeeld door de gezinnen.',
    'goal-domains': 'De doelen van de gezinnen die in de periode begeleid werden, zoals ze nu zijn. Een gezin met doelen in twee levensdomeinen telt bij allebei.',
    'goal-outcomes': 'De doelen van de gezinnen die in de periode begeleid werden, zoals ze nu zijn.',
    'informal-network': 'Gezinnen die in de periode begeleid werden, met of zonder mensen uit hun eigen kring (ring 2: familie, buren, vrienden) die niet weigerden.',
    'trajectory-duration': 'Begeleidingen die in de periode stopten: van de start tot het afsluiten.',
    'closure-reasons': 'Begeleidingen die in de periode stopten, per reden. Een begeleiding die heropend werd, telt niet.',
    'warm-handovers': 'Begeleidingen die in de periode stopten, met of zonder warme overdracht naar een andere dienst.',
    'round-tables': 'Rondetafels (geen evaluatie) die niet afgelast werden, tijdens de begeleiding. Een rondetafel telt vanaf de dag erna.',
    'round-table-families': 'Van de gezinnen die in de periode begeleid werden: hoeveel er een rondetafel hadden in de periode.',
    'round-table-network': 'Van de gezinnen met een rondetafel in de periode: bij hoeveel iemand uit ring 2 uitgenodigd of aanwezig was.',
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
    closedTrajectories: 'Afgesloten', upTo3Months: 'Tot 3 maanden', months3to6: '3 tot 6 maanden', months6to12: '6 tot 12 maanden',
    months12to24: '1 tot 2 jaar', over24Months: 'Meer dan 2 jaar', medianDurationDays: 'Mediaan (dagen)', closureReason: 'Reden van afsluiten',
    closures: 'Afgesloten', closedFamilies: 'Afgesloten', withWarmHandover: 'Met warme overdracht', withoutWarmHandover: 'Zonder warme overdracht',
    warmHandoverShare: 'Aandeel met warme overdracht', roundTableFamilies: 'Gezinnen', roundTables: 'Rondetafels',
    familiesInTrajectory: 'Gezinnen', withRoundTable: 'Met een rondetafel', withoutRoundTable: 'Zonder rondetafel',
    withRoundTableShare: 'Aandeel met een rondetafel', familiesWithRoundTable: 'Gezinnen met een rondetafel',
    withRing2AtTable: 'Met informeel netwerk aan tafel', withoutRing2AtTable: 'Zonder informeel netwerk aan tafel',
    ring2AtTableShare: 'Aandeel met informeel netwerk aan tafel',
  },
  values: {
    referrerType: {"clb": "CLB", "caw": "CAW", "huis_van_het_kind": "Huis van het Kind", "kind_en_gezin": "Kind en Gezin", "ocmw": "OCMW", "ocj": "OCJ (ondersteuningscentrum jeugdzorg)", "crisis_youth_care": "Crisisjeugdhulp", "gp": "Huisarts", "school": "School", "other": "Een andere dienst", "family_itself": "Het gezin zelf"},
    reason: {"waiting_bridging": "Het gezin wacht op hulp en heeft intussen steun nodig", "question_unclear": "De vraag is breed of nog niet duidelijk", "many_helpers": "Er zijn veel hulpverleners en niemand heeft het overzicht", "other": "Iets anders"},
    status: {"active": "bezig", "reached": "bereikt", "partly_reached": "deels bereikt", "not_reached": "niet bereikt", "dropped": "gestopt"},
    lifeDomain: pictogramLabels('nl-BE'),
    closureReason: {"goals_reached": "De doelen zijn bereikt", "warm_referral": "Warm doorverwezen", "family_stopped": "Het gezin wilde stoppen", "moved": "Het gezin is verhuisd", "other": "Iets anders"},
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
    'trajectory-duration': 'How long the guidance lasted',
    'closure-reasons': 'Why the guidance ended',
    'warm-handovers': 'Warm handover at the end',
    'round-tables': 'Round tables per month',
    'round-table-families': 'Families with a round table',
    'round-table-network': 'Informal network at the round table',
  },
  notes: {
    'registrations-by-referrer': 'Family registrations received in the period. A forwarded registration counts where it went.',
    'registrations-by-reason': 'A registration can give more than one reason, so the reasons can add up to more than the registrations.',
    consultations: 'Requests for advice from a referrer, without guidance of the family.',
    'first-contact': 'Days from the registration to the first contact with the family. A registration without first contact counts in the shares. Median: half were faster.',
    families: 'Started: the guidance began in the period. Closed: it ended in the period. Active: it was still going on the last day. A family that was reopened is active.',
    caseload: 'The families the coach guided in the period, and the hours of the contact moments the coach wrote in the period for their families.',
    'caseload-summary': 'Every coach of a family counts. Hours per family: the hours of the coaches\' contact moments in the period, divided by the families.',
    'goal-domains': 'The goals of the families guided in the period, as they are now. A family with goals in two life domains counts in both.',
    'goal-outcomes': 'The goals of the families guided in the period, as they are now.',
    'informal-network': 'Families guided in the period, with or without people from their own circle (ring 2: family, neighbours, friends) who did not decline.',
    'trajectory-duration': 'Guidance that ended in the period: from the start to the end.',
    'closure-reasons': 'Guidance that ended in the period, per reason. Guidance that was reopened does not count.',
    'warm-handovers': 'Guidance that ended in the period, with or without a warm handover to another service.',
    'round-tables': 'Round tables (not evaluations) that were not cancelled, during the guidance. A round table counts from the day after.',
    'round-table-families': 'Of the families guided in the period: how many had a round table in the period.',
    'round-table-network': 'Of the families with a round table in the period: for how many someone from ring 2 was invited or there.',
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
    closedTrajectories: 'Closed', upTo3Months: 'Up to 3 months', months3to6: '3 to 6 months', months6to12: '6 to 12 months',
    months12to24: '1 to 2 years', over24Months: 'More than 2 years', medianDurationDays: 'Median (days)', closureReason: 'Reason for ending',
    closures: 'Closed', closedFamilies: 'Closed', withWarmHandover: 'With a warm handover', withoutWarmHandover: 'Without a warm handover',
    warmHandoverShare: 'Share with a warm handover', roundTableFamilies: 'Families', roundTables: 'Round tables',
    familiesInTrajectory: 'Families', withRoundTable: 'With a round table', withoutRoundTable: 'Without a round table',
    withRoundTableShare: 'Share with a round table', familiesWithRoundTable: 'Families with a round table',
    withRing2AtTable: 'With informal network at the table', withoutRing2AtTable: 'Without informal network at the table',
    ring2AtTableShare: 'Share with informal network at the table',
  },
  values: {
    referrerType: {"clb": "CLB (pupil guidance centre)", "caw": "CAW (general welfare centre)", "huis_van_het_kind": "Huis van het Kind", "kind_en_gezin": "Kind en Gezin", "ocmw": "OCMW (social welfare)", "ocj": "OCJ (youth care support centre)", "crisis_youth_care": "Crisis youth care", "gp": "GP (family doctor)", "school": "School", "other": "Another service", "family_itself": "The family itself"},
    reason: {"waiting_bridging": "The family is waiting for help and needs support meanwhile", "question_unclear": "The question is broad or not clear yet", "many_helpers": "There are many helpers and nobody has the overview", "other": "Something else"},
    status: {"active": "in progress", "reached": "reached", "partly_reached": "partly reached", "not_reached": "not reached", "dropped": "stopped"},
    lifeDomain: pictogramLabels('en'),
    closureReason: {"goals_reached": "The goals are reached", "warm_referral": "Warmly referred", "family_stopped": "The family wanted to stop", "moved": "The family moved", "other": "Something else"},
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
