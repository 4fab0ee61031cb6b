import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { errorMessage, type ErrorCode } from '../../shared/errors.ts';
import { fieldIssues, isPlainMessageKey, plainMessage, type FieldIssue } from '../../shared/field-messages.ts';
import { ERROR_MESSAGES } from '../../shared/errors.ts';
import type { ErrorBody } from '../../shared/schemas/common.ts';
import { audit, type AuditAction } from '../audit/audit.ts';
import type { Db } from '../db/connection.ts';
import { AppError, sqlState } from './errors.ts';
import { negotiateLocale, type Locale } from '../../shared/locales.ts';

interface ProviderIssue {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

/** Turns the type provider's issue records back into zod issues, so both sides translate them alike. */
function toZodIssues(validation: unknown[]): z.core.$ZodIssue[] {
  return (validation as ProviderIssue[]).map((v) => ({
    ...v.params,
    code: v.keyword,
    path: v.instancePath.split('/').filter(Boolean),
    message: v.message,
  }) as z.core.$ZodIssue);
}

function classify(err: FastifyError, req: FastifyRequest): { status: number; code: ErrorCode; details?: FieldIssue[] } {
  if (err instanceof AppError) return { status: err.statusCode, code: err.code, details: err.details };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const context = (err as FastifyError & { validationContext?: string }).validationContext;
    // An id that is not even well-formed cannot exist: answer exactly like an unknown one.
    if (context === 'params') return { status: 404, code: 'not_found' };
    const details = fieldIssues(toZodIssues(err.validation ?? []), req.ctx?.locale ?? negotiateLocale(req.headers['accept-language']));
    return context === 'body' ? { status: 422, code: 'validation_failed', details } : { status: 400, code: 'malformed_request', details };
  }
  // An upload over its route's limit (ATTACHMENT_MAX_BYTES) is bad input like any other: 422, nothing stored.
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' && req.url.includes('/attachments')) return { status: 422, code: 'validation_failed', details: [{ field: 'file', code: 'fileTooLarge', message: '' }] };
  if (sqlState(err) === '23505') return { status: 409, code: 'conflict' };
  if (err.statusCode === 429) return { status: 429, code: 'too_many_attempts' };
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return { status: err.statusCode === 404 ? 404 : 400, code: err.statusCode === 404 ? 'not_found' : 'malformed_request' };
  return { status: 500, code: 'internal_error' };
}

/**
 * What of an unexpected error may go to the logs: Drizzle puts the query's parameters (names,
 * emails) in its message, so only the driver's own message, the SQL state and the stack are kept.
 */
export function errorForLog(err: Error): { type: string; message: string; sqlState?: string; stack?: string } {
  const cause = (err as { cause?: unknown }).cause;
  const fromDriver = err.message.startsWith('Failed query:') && cause instanceof Error;
  return {
    type: err.name,
    message: fromDriver ? cause.message : err.message,
    sqlState: sqlState(err),
    stack: err.stack?.split('\n').filter((line) => line.trimStart().startsWith('at ')).slice(0, 8).join('\n'),
  };
}

/** Details raised by services carry only a code; the text is chosen here, in the request's language. */
function detailMessage(code: string, locale: Locale): string {
  if (Object.hasOwn(ERROR_MESSAGES, code)) return errorMessage(code as ErrorCode, locale);
  return plainMessage(isPlainMessageKey(code) ? code : 'invalid', locale);
}

const ISSUE_TYPE: Record<number, string> = { 400: 'invalid', 401: 'login', 403: 'forbidden', 404: 'not-found', 409: 'conflict', 412: 'conflict', 422: 'invalid', 428: 'required', 429: 'throttled' };

/** The FHIR read API answers errors as a FHIR OperationOutcome, with the same code and translated message. */
function operationOutcome(status: number, body: ErrorBody) {
  return {
    resourceType: 'OperationOutcome',
    issue: [{
      severity: status >= 500 ? 'fatal' : 'error', code: ISSUE_TYPE[status] ?? 'exception', diagnostics: body.error.code,
      details: { text: body.error.message },
      ...(body.error.details?.length ? { expression: body.error.details.map((d) => d.field) } : {}),
    }],
  };
}

const actionOf: Record<string, AuditAction> = { GET: 'read', HEAD: 'read', POST: 'create', PUT: 'update', PATCH: 'update', DELETE: 'delete' };

/**
 * One error shape for the whole API, with the message in the request's language. Refusals (403/404)
 * of a signed-in person are written to the access log too: looking where you may not is recorded.
 */
export function makeErrorHandler(db: Db) {
  return async (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const { status, code, details } = classify(err, req);
    if (status >= 500) req.log.error({ err: errorForLog(err) }, 'request failed');
    const ctx = req.ctx;
    if ((status === 403 || status === 404) && ctx?.actor && (req.url.startsWith('/api/') || req.url.startsWith('/fhir/'))) {
      const params = (req.params ?? {}) as Record<string, string | undefined>;
      await audit(db, ctx, {
        action: actionOf[req.method] ?? 'read',
        entityType: req.routeOptions.url ?? 'unknown',
        entityId: params.id ?? params.userId ?? params.collaborationId ?? null,
        outcome: status === 403 ? 'denied' : 'not_found',
      }).catch((auditErr: unknown) => req.log.error({ err: auditErr }, 'could not log refusal'));
    }
    const locale = ctx?.locale ?? negotiateLocale(req.headers['accept-language']);
    const translated = details?.map((d) => (d.message ? d : { ...d, message: detailMessage(d.code, locale) }));
    const body: ErrorBody = { error: { code, message: errorMessage(code, locale), ...(translated?.length ? { details: translated } : {}) } };
    if (status === 429) reply.header('retry-after', '900');
    if (req.url.startsWith('/fhir/')) return reply.code(status).type('application/fhir+json; charset=utf-8').send(operationOutcome(status, body));
    return reply.code(status).type('application/json').send(body);
  };
}
