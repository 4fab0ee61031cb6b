import type { z } from 'zod';
import { ErrorBody } from '../../shared/schemas/common.ts';
import { DEFAULT_LOCALE, type Locale } from '../../shared/locales.ts';
import type { FieldIssue } from '../../shared/field-messages.ts';

export const API_BASE = '/api/v1';

/** Codes the client invents itself when the server gave no usable error body. */
export type ClientErrorCode = 'network_error' | 'invalid_response' | 'http_error';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: FieldIssue[];

  constructor(status: number, code: string, message: string, details: FieldIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

export interface ApiResult<T> {
  data: T;
  etag: string | null;
}

export interface RequestOptions<S extends z.ZodType | undefined> {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** A file sent as the body itself (application/octet-stream) instead of JSON. */
  rawBody?: Blob;
  /** Parses the JSON response; leave out for answers without a body (202, 204). */
  schema?: S;
  ifMatch?: string | null;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

type Parsed<S> = S extends z.ZodType ? z.infer<S> : undefined;

interface ClientState {
  locale: Locale;
  csrfToken: string | null;
  fetchImpl: typeof fetch;
}

const state: ClientState = {
  locale: DEFAULT_LOCALE,
  csrfToken: null,
  fetchImpl: (...args) => globalThis.fetch(...args),
};

export function setApiLocale(locale: Locale): void {
  state.locale = locale;
}

export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}

/** Lets tests stand in for the network. */
export function setFetchImplementation(fetchImpl: typeof fetch): void {
  state.fetchImpl = fetchImpl;
}

/** The ETag the server gives a resource of this version; used for If-Match from list data. */
export function etagFor(version: number): string {
  return `"${version}"`;
}

const UNSAFE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
/** Endpoints that work without a session, so without a CSRF token. */
const CSRF_FREE_PATHS = ['/auth/login', '/auth/password-reset', '/auth/set-password', '/auth/magic-link', '/auth/magic-link/redeem'];

function buildHeaders(path: string, method: string, options: RequestOptions<z.ZodType | undefined>): Headers {
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': state.locale });
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  if (options.rawBody !== undefined) headers.set('Content-Type', 'application/octet-stream');
  if (UNSAFE_METHODS.has(method) && !CSRF_FREE_PATHS.includes(path) && state.csrfToken) {
    headers.set('x-csrf-token', state.csrfToken);
  }
  if (options.ifMatch) headers.set('If-Match', options.ifMatch);
  if (options.idempotencyKey) headers.set('Idempotency-Key', options.idempotencyKey);
  return headers;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const parsed = ErrorBody.safeParse(await readJson(response));
  if (!parsed.success) return new ApiError(response.status, 'http_error', '');
  const { code, message, details } = parsed.data.error;
  return new ApiError(response.status, code, message, details ?? []);
}

async function send(path: string, options: RequestOptions<z.ZodType | undefined>): Promise<Response> {
  const method = options.method ?? 'GET';
  try {
    return await state.fetchImpl(API_BASE + path, {
      method,
      credentials: 'same-origin',
      headers: buildHeaders(path, method, options),
      body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', '');
  }
}

/** Fetches a fresh CSRF token after the old one was refused (e.g. the session was renewed). */
async function refreshCsrfToken(): Promise<boolean> {
  const response = await send('/me', {});
  if (!response.ok) return false;
  const body = (await readJson(response)) as { csrfToken?: unknown } | undefined;
  if (typeof body?.csrfToken !== 'string') return false;
  state.csrfToken = body.csrfToken;
  return true;
}

export async function apiRequest<S extends z.ZodType | undefined = undefined>(
  path: string,
  options: RequestOptions<S> = {},
): Promise<ApiResult<Parsed<S>>> {
  let response = await send(path, options);
  if (response.status === 403 && UNSAFE_METHODS.has(options.method ?? 'GET')) {
    const error = await toApiError(response.clone());
    if (error.code === 'csrf_failed' && (await refreshCsrfToken())) response = await send(path, options);
  }
  if (!response.ok) throw await toApiError(response);

  const etag = response.headers.get('ETag');
  if (!options.schema) return { data: undefined as Parsed<S>, etag };
  const parsed = options.schema.safeParse(await readJson(response));
  if (!parsed.success) throw new ApiError(response.status, 'invalid_response', '');
  return { data: parsed.data as Parsed<S>, etag };
}
