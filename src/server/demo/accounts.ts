import type { Role } from '../../shared/roles.ts';

/** Fictitious people and places for the demo. Every demo account shares one password. */
export const DEMO_PASSWORD = 'demo-gezinsplan';

export interface DemoAccount {
  email: string;
  name: string;
  role: Role | 'platform_admin' | 'government_analyst';
  collaboration: string | null;
}

export const DEMO_COLLABORATIONS = [
  {
    key: 'antwerpen',
    name: 'Samenwerkingsverband Regio Antwerpen (demo)',
    contactEmail: 'onthaal.antwerpen@gezinsplan.example',
    postcodes: [
      ['2000', 'Antwerpen'], ['2018', 'Antwerpen'], ['2060', 'Antwerpen'], ['2100', 'Deurne'],
      ['2140', 'Borgerhout'], ['2600', 'Berchem'], ['2610', 'Wilrijk'], ['2660', 'Hoboken'],
    ],
    partners: [
      ['CLB Antwerpen-Zuid', 'clb'], ['CAW Antwerpen', 'caw'], ['OCMW Antwerpen', 'ocmw'],
      ['Kind en Gezin regio Antwerpen', 'kind_en_gezin'], ['CKG De Vlindertuin', 'ckg'],
    ],
    people: [
      ['An Wouters', 'admin'], ['Karim El Amrani', 'coordinator'], ['Chris Peeters', 'coach'],
      ['Sofie Janssens', 'coach'], ['Lotte Claes', 'referrer'],
      ['Hilde Van Damme', 'dpo'],
    ],
  },
  {
    key: 'gent',
    name: 'Samenwerkingsverband Regio Gent (demo)',
    contactEmail: 'onthaal.gent@gezinsplan.example',
    postcodes: [
      ['9000', 'Gent'], ['9030', 'Mariakerke'], ['9031', 'Drongen'], ['9032', 'Wondelgem'],
      ['9040', 'Sint-Amandsberg'], ['9041', 'Oostakker'], ['9050', 'Gentbrugge'], ['9051', 'Sint-Denijs-Westrem'],
    ],
    partners: [
      ['CLB Gent', 'clb'], ['CAW Oost-Vlaanderen', 'caw'], ['OCMW Gent', 'ocmw'],
      ['CGG Eclips', 'cgg'], ['Huis van het Kind Gent', 'huis_van_het_kind'],
    ],
    people: [
      ['Bart De Smet', 'admin'], ['Els Verhoeven', 'coordinator'], ['Yusuf Demir', 'coach'],
      ['Nina Maes', 'coach'], ['Pieter Goossens', 'referrer'],
      ['Jan Willems', 'dpo'],
    ],
  },
] as const;

const emailOf = (role: string, key: string) => `${role}.${key}@gezinsplan.example`;

export function demoAccounts(): DemoAccount[] {
  const accounts: DemoAccount[] = [
    { email: 'platform@gezinsplan.example', name: 'Platformbeheer Vlaanderen', role: 'platform_admin', collaboration: null },
    { email: 'government@gezinsplan.example', name: 'Analist Departement Zorg', role: 'government_analyst', collaboration: null },
  ];
  for (const c of DEMO_COLLABORATIONS) {
    const counts = new Map<string, number>();
    for (const [name, role] of c.people) {
      const n = (counts.get(role) ?? 0) + 1;
      counts.set(role, n);
      accounts.push({ email: emailOf(role === 'coach' ? `coach${n}` : role, c.key), name, role, collaboration: c.name });
    }
  }
  return accounts;
}
