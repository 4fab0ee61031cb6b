import type { Tx } from '../db/connection.ts';
import { registrationCoaches, registrations } from '../db/schema/index.ts';

/**
 * Demo registrations at different ages, so the queue and the dashboard show something real on
 * first start: some near the warning threshold, some past the target, some with first contact.
 * Fictitious families only (after the Malika and Pieter stories in DOMAIN.md, invented surnames).
 */
interface DemoRegistration {
  daysAgo: number;
  kind: 'family' | 'consultation';
  familyName: string;
  postcode: string;
  municipality: string;
  referrer: [type: string, name: string, organisation: string | null];
  children: { firstName: string; birthYear: number }[];
  reasons: string[];
  question: string;
  urgent?: boolean;
  firstContactDaysAgo?: number;
  coach?: 'coach1' | 'coach2';
  byReferrerAccount?: boolean;
}

const year = (age: number, now: Date) => now.getUTCFullYear() - age;

const DEMO: Record<'antwerpen' | 'gent', (now: Date) => DemoRegistration[]> = {
  antwerpen: (now) => [
    {
      daysAgo: 3, kind: 'family', familyName: 'Malika Bennani', postcode: '2060', municipality: 'Antwerpen',
      referrer: ['clb', 'Lotte Claes', 'CLB Antwerpen-Zuid'], byReferrerAccount: true, urgent: true,
      children: [{ firstName: 'Yasmina', birthYear: year(9, now) }, { firstName: 'Adam', birthYear: year(6, now) }],
      reasons: ['many_helpers'], question: 'Er komen veel hulpverleners over de vloer en ik zie door de bomen het bos niet meer.',
    },
    {
      daysAgo: 12, kind: 'family', familyName: 'Van Aken', postcode: '2100', municipality: 'Deurne',
      referrer: ['huis_van_het_kind', 'Ingrid Mertens', 'Huis van het Kind Deurne'], coach: 'coach1',
      children: [{ firstName: 'Lucas', birthYear: year(4, now) }],
      reasons: ['waiting_bridging'], question: 'We staan op een wachtlijst voor thuisbegeleiding en hebben nu al hulp nodig.',
    },
    {
      daysAgo: 19, kind: 'consultation', familyName: 'Gezin D. (consult)', postcode: '2600', municipality: 'Berchem',
      referrer: ['school', 'Meester Tom', 'Basisschool De Regenboog'],
      children: [], reasons: ['question_unclear'], question: 'Hoe kunnen we als school een gezin met veel vragen best ondersteunen?',
    },
    {
      daysAgo: 24, kind: 'family', familyName: 'Öztürk', postcode: '2140', municipality: 'Borgerhout',
      referrer: ['caw', 'Samira Haddou', 'CAW Antwerpen'], coach: 'coach2',
      children: [{ firstName: 'Elif', birthYear: year(13, now) }, { firstName: 'Emir', birthYear: year(10, now) }],
      reasons: ['question_unclear', 'other'], question: 'Schulden, huisvesting en school: alles tegelijk.',
    },
    {
      daysAgo: 27, kind: 'family', familyName: 'Peeters-Wouters', postcode: '2018', municipality: 'Antwerpen',
      referrer: ['gp', 'Dr. Vermeulen', null],
      children: [{ firstName: 'Noor', birthYear: year(2, now) }],
      reasons: ['waiting_bridging'], question: 'Mama is uitgeput en wacht op hulp van het CGG.',
    },
    {
      daysAgo: 33, kind: 'family', familyName: 'Claessens', postcode: '2660', municipality: 'Hoboken',
      referrer: ['ocmw', 'Jan Dierckx', 'OCMW Antwerpen'],
      children: [{ firstName: 'Mila', birthYear: year(15, now) }],
      reasons: ['many_helpers'], question: 'Veel diensten, niemand die het overzicht houdt.',
    },
    {
      daysAgo: 16, kind: 'family', familyName: 'Jacobs', postcode: '2610', municipality: 'Wilrijk',
      referrer: ['family_itself', 'Sarah Jacobs', null], coach: 'coach1', firstContactDaysAgo: 9,
      children: [{ firstName: 'Jonas', birthYear: year(11, now) }],
      reasons: ['question_unclear'], question: 'Ik weet niet waar ik moet beginnen.',
    },
  ],
  gent: (now) => [
    {
      daysAgo: 5, kind: 'family', familyName: 'Vandamme', postcode: '9000', municipality: 'Gent',
      referrer: ['crisis_youth_care', 'Pieter Goossens', 'Crisismeldpunt Oost-Vlaanderen'], byReferrerAccount: true, urgent: true,
      children: [{ firstName: 'Pieter', birthYear: year(14, now) }],
      reasons: ['waiting_bridging'], question: 'Pieter (14) wacht op een plaats in de jeugdhulp; het gezin heeft intussen steun nodig.',
    },
    {
      daysAgo: 22, kind: 'family', familyName: 'De Clercq', postcode: '9040', municipality: 'Sint-Amandsberg',
      referrer: ['kind_en_gezin', 'Leen Baert', 'Kind en Gezin Gent'],
      children: [{ firstName: 'Lou', birthYear: year(1, now) }],
      reasons: ['many_helpers'], question: 'Jong gezin met veel zorgen en veel betrokken diensten.',
    },
    {
      daysAgo: 35, kind: 'family', familyName: 'Mahmoudi', postcode: '9050', municipality: 'Gentbrugge',
      referrer: ['ocj', 'Koen Van Damme', 'OCJ Oost-Vlaanderen'], coach: 'coach1', firstContactDaysAgo: 20,
      children: [{ firstName: 'Sami', birthYear: year(8, now) }],
      reasons: ['question_unclear'], question: 'De vraag is breed en nog onduidelijk.',
    },
  ],
};

const DAY = 86_400_000;

export async function seedDemoRegistrations(
  tx: Tx,
  key: 'antwerpen' | 'gent',
  collaborationId: string,
  userIds: { coach1: string; coach2: string; referrer: string },
  now: Date,
): Promise<void> {
  for (const d of DEMO[key](now)) {
    const [row] = await tx
      .insert(registrations)
      .values({
        collaborationId,
        receivedAt: new Date(now.getTime() - d.daysAgo * DAY),
        kind: d.kind,
        status: d.firstContactDaysAgo === undefined ? 'new' : 'first_contact',
        referrerType: d.referrer[0],
        referrerName: d.referrer[1],
        referrerOrganisation: d.referrer[2],
        referrerEmail: `${d.referrer[1].toLowerCase().replace(/[^a-z]+/g, '.')}@voorbeeld.example`,
        referrerUserId: d.byReferrerAccount ? userIds.referrer : null,
        familyName: d.familyName,
        familyLanguage: 'nl',
        postcode: d.postcode,
        municipality: d.municipality,
        children: d.children,
        reasons: d.reasons,
        question: d.question,
        urgent: d.urgent ?? false,
        familyConsent: true,
        firstContactAt: d.firstContactDaysAgo === undefined ? null : new Date(now.getTime() - d.firstContactDaysAgo * DAY),
        firstContactMethod: d.firstContactDaysAgo === undefined ? null : 'home_visit',
      })
      .returning({ id: registrations.id });
    if (d.coach) await tx.insert(registrationCoaches).values({ collaborationId, registrationId: row!.id, userId: userIds[d.coach] });
  }
}
