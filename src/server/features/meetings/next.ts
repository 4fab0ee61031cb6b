import type { Meeting } from '../../../shared/schemas/meetings.ts';
import type { Actor } from '../../access/actor.ts';
import { loadFamilyScope } from '../../access/family-scope.ts';
import type { Executor } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import { loadMeetings } from './repo.ts';

/**
 * The next planned meeting per family, as the actor may see it (only their items for someone
 * outside the family): for the coach's home page. Families out of sight are left out, not an error.
 */
export async function nextMeetingsFor(db: Executor, actor: Actor, familyIds: readonly string[], now: Date = new Date()): Promise<Map<string, Meeting>> {
  const next = new Map<string, Meeting>();
  for (const familyId of new Set(familyIds)) {
    const scope = await loadFamilyScope(db, actor, familyId).catch((err: unknown) => {
      if (err instanceof AppError && err.statusCode === 404) return null;
      throw err;
    });
    if (!scope || scope.reach === 'metadata' || scope.reach === 'emergency') continue;
    const upcoming = (await loadMeetings(db, scope, { from: now })).filter((m) => m.status === 'planned' && Date.parse(m.endsAt) >= now.getTime());
    if (upcoming[0]) next.set(familyId, upcoming[0]);
  }
  return next;
}
