import type { TFunction } from 'i18next';
import type { NetworkPerson } from '../../../shared/schemas/network.ts';

type Slot = NetworkPerson['availability'][number];
const WEEKDAY_KEYS = { 1: 'network.weekdays.1', 2: 'network.weekdays.2', 3: 'network.weekdays.3', 4: 'network.weekdays.4', 5: 'network.weekdays.5', 6: 'network.weekdays.6', 7: 'network.weekdays.7' } as const;

/** "Dinsdag 08:00–08:30, donderdag 08:00–08:30": days with the same hours are joined. */
export function availabilityText(slots: readonly Slot[], t: TFunction): string {
  const byHours = new Map<string, number[]>();
  for (const s of slots) {
    const key = `${s.startsAt}–${s.endsAt}`;
    byHours.set(key, [...(byHours.get(key) ?? []), s.weekday]);
  }
  return [...byHours.entries()]
    .map(([hours, days]) => `${days.map((d) => t(WEEKDAY_KEYS[d as keyof typeof WEEKDAY_KEYS])).join(', ')} ${hours}`)
    .join('; ');
}
