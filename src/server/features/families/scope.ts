import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../access/actor.ts';
import { auditRole, loadFamilyScope, requireReader, type FamilyScope } from '../../access/family-scope.ts';
import { requireActor } from '../../access/policy.ts';
import { audit } from '../../audit/audit.ts';
import type { Db, Tx } from '../../db/connection.ts';
import { idempotentCreate } from '../../http/idempotency.ts';

type FamilyRequest = FastifyRequest & { params: { id: string } };

/** Runs one request on one family in a transaction, with the asker's scope (404 when out of sight). */
export async function inFamily<T>(db: Db, req: FamilyRequest, run: (tx: Tx, scope: FamilyScope, actor: Actor) => Promise<T>): Promise<T> {
  const actor = requireActor(req.ctx.actor);
  return db.transaction(async (tx) => run(tx, await loadFamilyScope(tx, actor, req.params.id), actor));
}

/** Reads something of the family's file (needs a place in its circle, or emergency access) and logs the read. */
export async function readInFamily<T>(db: Db, req: FamilyRequest, entityType: string, read: (tx: Tx, scope: FamilyScope) => Promise<T>): Promise<T> {
  return inFamily(db, req, async (tx, scope) => {
    requireReader(scope);
    const result = await read(tx, scope);
    await audit(tx, req.ctx, { action: 'read', entityType, collaborationId: scope.collaborationId, familyId: scope.familyId, role: auditRole(scope) });
    return result;
  });
}

/** A create in the family's file: 201, replayed for a repeated Idempotency-Key. */
export async function createInFamily<T>(db: Db, req: FamilyRequest, create: (tx: Tx, scope: FamilyScope) => Promise<T>) {
  const actor = requireActor(req.ctx.actor);
  return idempotentCreate(
    db, req, async (tx) => ({ status: 201, body: await create(tx, await loadFamilyScope(tx, actor, req.params.id)) }),
    // A replay too needs the family in sight: someone removed since gets 404, not the stored answer.
    () => loadFamilyScope(db, actor, req.params.id),
  );
}
