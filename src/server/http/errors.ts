import type { ErrorCode } from '../../shared/errors.ts';
import type { FieldIssue } from '../../shared/field-messages.ts';

/** An error the client is meant to see: status, machine code, translated later by the error handler. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    readonly details?: FieldIssue[],
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError(404, 'not_found');
export const forbidden = () => new AppError(403, 'forbidden');
export const unauthenticated = () => new AppError(401, 'unauthenticated');
export const conflict = (code: ErrorCode = 'conflict') => new AppError(409, code);

/**
 * The SQLSTATE of a database error (e.g. '23505' unique violation), whether the driver's error
 * reached us directly or wrapped by Drizzle (DrizzleQueryError keeps it as `cause`).
 */
export function sqlState(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}
