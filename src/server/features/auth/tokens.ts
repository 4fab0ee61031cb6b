import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { authTokens } from '../../db/schema/index.ts';

export type TokenPurpose = (typeof authTokens.$inferInsert)['purpose'];

export const newSecret = () => randomBytes(32).toString('base64url');
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

const lifetimeMinutes: Record<TokenPurpose, number> = {
  invitation: 7 * 24 * 60,
  password_reset: 60,
  magic_link: 15,
  family_invitation: 7 * 24 * 60,
};

/** Creates a single-use token; only its hash is stored, the secret goes out by mail. */
export async function issueToken(db: Executor, userId: string, purpose: TokenPurpose): Promise<string> {
  const secret = newSecret();
  await db.insert(authTokens).values({
    tokenHash: sha256(secret),
    userId,
    purpose,
    expiresAt: new Date(Date.now() + lifetimeMinutes[purpose] * 60_000),
  });
  return secret;
}

export async function findValidToken(db: Executor, secret: string) {
  const [row] = await db
    .select()
    .from(authTokens)
    .where(and(eq(authTokens.tokenHash, sha256(secret)), isNull(authTokens.usedAt), gt(authTokens.expiresAt, new Date())));
  return row ?? null;
}

/** Marks the token used; false when someone used it first (single use under concurrency). */
export async function consumeToken(db: Executor, tokenHash: string): Promise<boolean> {
  const used = await db
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(authTokens.tokenHash, tokenHash), isNull(authTokens.usedAt)))
    .returning({ tokenHash: authTokens.tokenHash });
  return used.length === 1;
}
