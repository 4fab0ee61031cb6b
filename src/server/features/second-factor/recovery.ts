import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { recoveryCodes } from '../../db/schema/index.ts';

export const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/l/i: codes are typed from paper.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

const newCode = () => {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
};

/** What a person typed, in the form the codes are hashed in: case, spaces and dashes do not matter. */
export const normaliseRecoveryCode = (typed: string) => {
  const plain = typed.toLowerCase().replace(/[\s-]/g, '');
  return plain.length === 10 ? `${plain.slice(0, 5)}-${plain.slice(5)}` : plain;
};

/** Replaces all of a person's recovery codes with ten new ones; returns them (the only time they exist in plain). */
export async function replaceRecoveryCodes(db: Executor, userId: string, count = RECOVERY_CODE_COUNT): Promise<string[]> {
  const codes = Array.from({ length: count }, newCode);
  const hashes = await Promise.all(codes.map((c) => hash(c)));
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  if (hashes.length) await db.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
  return codes;
}

/** Uses one unused code if it matches; false otherwise (or when someone used it a moment earlier). */
export async function useRecoveryCode(db: Executor, userId: string, typed: string): Promise<boolean> {
  const code = normaliseRecoveryCode(typed);
  const unused = await db.select().from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  for (const row of unused) {
    if (!(await verify(row.codeHash, code).catch(() => false))) continue;
    const used = await db
      .update(recoveryCodes)
      .set({ usedAt: new Date() })
      .where(and(eq(recoveryCodes.id, row.id), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    return used.length === 1;
  }
  return false;
}

export async function unusedRecoveryCodes(db: Executor, userId: string): Promise<number> {
  const rows = await db.select({ id: recoveryCodes.id }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return rows.length;
}
