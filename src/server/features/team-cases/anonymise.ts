import { sql } from 'drizzle-orm';
import type { Locale } from '../../../shared/locales.ts';
import type { FamilyScope } from '../../access/family-scope.ts';
import { rowsOf, type Executor } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** Words too common to identify anyone; a name part must be longer and not one of these. */
const COMMON = new Set([
  'gezin', 'familie', 'mama', 'papa', 'moeder', 'vader', 'oma', 'opa', 'tante', 'nonkel', 'oom', 'juf', 'meester', 'broer', 'zus', 'zoon', 'dochter',
  'bij', 'van', 'der', 'den', 'het', 'een', 'de', 'en', 'met', 'voor', 'thuis', 'huis', 'week', 'om', 'buur', 'buurvrouw', 'buurman', 'vriend', 'vriendin',
  'kind', 'kinderen', 'school', 'straat', 'laan', 'weg', 'plein', 'bus', 'the', 'and', 'of',
]);

/**
 * The names and places this family's file knows: members and network people (names, relations that
 * hold a name), their contact details and dates of birth, homes, the family's name, and the
 * registration's municipality, postcode and children's first names. A free text containing any of
 * them could identify the family.
 */
export async function identifyingTerms(db: Executor, scope: FamilyScope): Promise<string[]> {
  const { collaborationId: c, familyId: f } = scope;
  const rows = rowsOf(await db.execute(sql`
    select display_name as t from families where collaboration_id = ${c} and id = ${f}
    union all select unnest(array[display_name, email, phone, date_of_birth::text]) from family_participants where collaboration_id = ${c} and family_id = ${f} and role <> 'coach'
    union all select unnest(array[name, address, phone, email]) from network_people where collaboration_id = ${c} and family_id = ${f}
    union all select 'relation:' || relation from family_participants where collaboration_id = ${c} and family_id = ${f} and relation is not null
    union all select 'relation:' || relation from network_people where collaboration_id = ${c} and family_id = ${f} and relation is not null
    union all select label from family_homes where collaboration_id = ${c} and family_id = ${f}
    union all select unnest(array[family_name, municipality, postcode, family_email, family_phone]) from registrations where collaboration_id = ${c} and family_id = ${f}
    union all select ch->>'firstName' from registrations r, jsonb_array_elements(r.children) ch where r.collaboration_id = ${c} and r.family_id = ${f}`));
  const terms = new Set<string>();
  for (const r of rows) {
    let whole = str(r.t);
    if (!whole) continue;
    // A relation is a description ("helpt met huiswerk", "oma Rita"): only its names (capitalised words) identify.
    const relation = whole.startsWith('relation:');
    if (relation) whole = whole.slice('relation:'.length);
    if (/^\d{4}-\d{2}-\d{2}$/.test(whole)) {
      const [y, m, d] = whole.split('-');
      terms.add(whole).add(`${d}/${m}/${y}`).add(`${Number(d)}/${Number(m)}/${y}`).add(`${d}-${m}-${y}`);
      continue;
    }
    // A phone number or postcode as typed, and each word of a name or address that could single someone out.
    if (/\d/.test(whole) && !/\p{L}{3}/u.test(whole)) { terms.add(whole); continue; }
    for (const word of whole.split(/[\s,.;:()/"'’-]+/u)) {
      if (word.length >= 3 && /\p{L}/u.test(word) && !COMMON.has(word.toLowerCase()) && (!relation || /^\p{Lu}/u.test(word))) terms.add(word);
    }
  }
  return [...terms];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The known terms that appear in a text as whole words (any case), in the order of the text. */
export function findTerms(text: string, terms: readonly string[]): string[] {
  const found = terms.filter((term) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(term)}(?![\\p{L}\\p{N}])`, 'iu').test(text));
  return [...new Set(found.map((t) => t))].sort((a, b) => text.toLowerCase().indexOf(a.toLowerCase()) - text.toLowerCase().indexOf(b.toLowerCase()));
}

const REFUSAL = {
  'nl-BE': (term: string) => `Haal dit weg, het kan het gezin herkenbaar maken: “${term}”.`,
  fr: (term: string) => `Retirez ceci, cela pourrait faire reconnaître la famille : « ${term} ».`,
  en: (term: string) => `Remove this, it could identify the family: “${term}”.`,
} satisfies Record<Locale, (term: string) => string>;

/** 422 listing, per field, each name or place to remove; nothing is shared until they are gone. */
export function refuseIdentifying(fields: Record<string, string>, terms: readonly string[], locale: Locale): void {
  const details = Object.entries(fields).flatMap(([field, text]) => findTerms(text, terms).map((term) => ({ field, code: 'identifying', message: REFUSAL[locale](term) })));
  if (details.length > 0) throw new AppError(422, 'validation_failed', details);
}

/** Age ranges instead of dates of birth. */
export function ageRange(birthYear: number, thisYear: number): string {
  const age = thisYear - birthYear;
  const bands: [number, number][] = [[0, 2], [3, 5], [6, 11], [12, 17], [18, 25], [26, 40], [41, 65]];
  const band = bands.find(([lo, hi]) => age >= lo && age <= hi);
  return band ? `${band[0]}–${band[1]}` : '66+';
}

/**
 * A summary without names, dates of birth, addresses or municipality: who is in the family (roles
 * and age ranges), how long the guidance runs, the life domains with worries or goals, and how
 * much help and network there is.
 */
export async function draftSummary(db: Executor, scope: FamilyScope, locale: Locale, now: Date): Promise<string> {
  const { collaborationId: c, familyId: f } = scope;
  const thisYear = now.getUTCFullYear();
  const members = rowsOf(await db.execute(sql`select role, coalesce(extract(year from date_of_birth)::int, birth_year) as year from family_participants
    where collaboration_id = ${c} and family_id = ${f} and removed_at is null and role in ('parent','young_person','child','housemate')`));
  const [family] = rowsOf(await db.execute(sql`select (${now.toISOString()}::date - (created_at at time zone 'Europe/Brussels')::date)::int as days from families where collaboration_id = ${c} and id = ${f}`));
  const domains = rowsOf(await db.execute(sql`select distinct d.label_nl as nl, d.label_en as en, d.position from plan_items i join life_domains d on d.collaboration_id = i.collaboration_id and d.id = i.life_domain_id
    where i.collaboration_id = ${c} and i.family_id = ${f} and i.deleted_at is null and i.kind in ('worry','goal') order by d.position`));
  const [help] = rowsOf(await db.execute(sql`select count(*)::int as services, count(*) filter (where status = 'waiting')::int as waiting from family_services where collaboration_id = ${c} and family_id = ${f} and deleted_at is null`));
  const [net] = rowsOf(await db.execute(sql`select count(*) filter (where ring = 2)::int as informal, count(*) filter (where ring = 3)::int as professional from network_people where collaboration_id = ${c} and family_id = ${f} and deleted_at is null`));
  const adults = members.filter((m) => m.role === 'parent' || m.role === 'housemate').length;
  const kids = members.filter((m) => m.role === 'child' || m.role === 'young_person');
  const ages = kids.map((k) => (typeof k.year === 'number' ? ageRange(k.year, thisYear) : null)).filter((a): a is string => a !== null).sort();
  const months = Math.max(0, Math.round(Number(family?.days ?? 0) / 30));
  const domainNames = domains.map((d) => String(locale === 'en' ? d.en : d.nl));
  if (locale === 'en') {
    return [
      `A family with ${adults} adult(s) and ${kids.length} child(ren)${ages.length ? ` (ages ${ages.join(', ')})` : ''}.`,
      `Guided for about ${months} month(s).`,
      domainNames.length ? `Worries or goals on: ${domainNames.join(', ')}.` : 'No worries or goals written down yet.',
      `${help?.services ?? 0} service(s) involved, ${help?.waiting ?? 0} on a waiting list. Network: ${net?.informal ?? 0} informal, ${net?.professional ?? 0} professional.`,
    ].join(' ');
  }
  return [
    `Een gezin met ${adults} volwassene(n) en ${kids.length} kind(eren)${ages.length ? ` (leeftijden ${ages.join(', ')} jaar)` : ''}.`,
    `Begeleiding sinds ongeveer ${months} maand(en).`,
    domainNames.length ? `Zorgen of doelen over: ${domainNames.join(', ')}.` : 'Nog geen zorgen of doelen opgeschreven.',
    `${help?.services ?? 0} dienst(en) betrokken, ${help?.waiting ?? 0} op een wachtlijst. Netwerk: ${net?.informal ?? 0} informeel, ${net?.professional ?? 0} professioneel.`,
  ].join(' ');
}
