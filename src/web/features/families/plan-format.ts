import type { Locale } from '../../../shared/locales.ts';
import { PICTOGRAMS, type Pictogram } from '../../../shared/pictograms.ts';
import type { Plan } from '../../../shared/schemas/plan.ts';

/** Faces from "not yet" to "there": shown beside words, never instead of them. */
export const FACES = ['😟', '🙁', '😐', '🙂', '😄'] as const;
export const faceOf = (n: number) => FACES[Math.min(Math.max(n, 1), 5) - 1]!;

export interface DomainLabel {
  label: string;
  symbol: string;
}

export function domainOf(plan: Pick<Plan, 'lifeDomains'>, id: string | null, locale: Locale): DomainLabel | null {
  const domain = plan.lifeDomains.find((d) => d.id === id);
  if (!domain) return null;
  return { label: locale === 'en' ? domain.labelEn : domain.labelNl, symbol: PICTOGRAMS[domain.pictogram as Pictogram] ?? PICTOGRAMS.other };
}

export function namesOf(plan: Pick<Plan, 'participants'>, ids: readonly string[]): string {
  return ids.map((id) => plan.participants.find((p) => p.id === id)?.displayName).filter(Boolean).join(', ');
}

/** The ids in their new order after moving one item up (-1) or down (+1); unchanged at the ends. */
export function moved(ids: readonly string[], index: number, delta: -1 | 1): string[] {
  const target = index + delta;
  if (target < 0 || target >= ids.length) return [...ids];
  const next = [...ids];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** The section heading: the collaboration's own label from its template, else the standard one. */
export function sectionLabel(plan: Pick<Plan, 'template'>, key: string, locale: Locale, standard: string): string {
  const own = plan.template?.sections.find((s) => s.key === key);
  return (locale === 'en' ? own?.labelEn : own?.labelNl) || standard;
}

export const isSectionVisible = (plan: Pick<Plan, 'template'>, key: string) => plan.template?.sections.find((s) => s.key === key)?.visible ?? true;

/** The life domains to choose from: the template's own choice first, then the rest in the usual order. */
export function domainsInOrder<D extends { id: string }>(plan: { lifeDomains: D[]; template: { lifeDomainIds: string[] } | null }): D[] {
  const first = plan.template?.lifeDomainIds ?? [];
  const rank = (d: D) => (first.includes(d.id) ? first.indexOf(d.id) : first.length);
  return [...plan.lifeDomains].sort((a, b) => rank(a) - rank(b));
}
