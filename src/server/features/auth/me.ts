import type { Me } from '../../../shared/schemas/auth.ts';
import { loadActor, type Actor } from '../../access/actor.ts';
import type { Executor } from '../../db/connection.ts';
import { unauthenticated } from '../../http/errors.ts';
import { secondFactorStatus } from '../second-factor/status.ts';

/** The signed-in person as the web app sees them: who, where, which roles, and their second factor. */
export async function presentMe(db: Executor, actor: Actor, csrfToken: string, now: Date): Promise<Me> {
  const second = await secondFactorStatus(db, actor, 'full', now);
  return {
    user: { id: actor.userId, email: actor.email, name: actor.name, locale: actor.locale, platformAdmin: actor.platformAdmin, governmentAnalyst: actor.governmentAnalyst },
    memberships: actor.memberships.map((m) => ({
      collaborationId: m.collaborationId,
      collaborationName: m.collaborationName,
      roles: m.roles,
      partnerOrganisationId: m.partnerOrganisationId,
    })),
    secondFactor: { enrolled: second.factors.length > 0, required: second.required, enrolBy: second.enrolBy },
    csrfToken,
  };
}

export async function meOf(db: Executor, userId: string, csrfToken: string, now: Date): Promise<Me> {
  const actor = await loadActor(db, userId);
  if (!actor) throw unauthenticated();
  return presentMe(db, actor, csrfToken, now);
}
