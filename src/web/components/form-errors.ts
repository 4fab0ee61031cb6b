import type { z } from 'zod';
import { fieldIssues, type FieldIssue } from '../../shared/field-messages.ts';
import type { Locale } from '../../shared/locales.ts';
import { isApiError } from '../app/api.ts';

/** Field path (as the API names it, e.g. `postcodes.2.postcode`) → the message to show there. */
export type FieldErrors = Record<string, string>;

export interface FormProblems {
  fieldErrors: FieldErrors;
  /** Messages that belong to no field on the form (shown only in the error summary). */
  formMessages: string[];
}

export const NO_PROBLEMS: FormProblems = { fieldErrors: {}, formMessages: [] };

export function hasProblems(problems: FormProblems): boolean {
  return problems.formMessages.length > 0 || Object.keys(problems.fieldErrors).length > 0;
}

/** Keeps the first message per field, like the server does, so one field shows one error. */
export function toFieldErrors(issues: readonly FieldIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) errors[issue.field] ??= issue.message;
  return errors;
}

export type Validation<T> = { ok: true; data: T } | { ok: false; problems: FormProblems };

/** Validates with the same zod schema as the server, with the same plain-language messages. */
export function validateWith<S extends z.ZodType>(schema: S, values: unknown, locale: Locale): Validation<z.infer<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, problems: { fieldErrors: toFieldErrors(fieldIssues(result.error.issues, locale)), formMessages: [] } };
}

/**
 * Spreads a failed request over the form: details with a field go beside that field, the rest
 * (and a code tied to a field, e.g. `email_taken` → `email`) as the summary's message.
 */
export function problemsFromError(
  error: unknown,
  fallbackMessage: string,
  isField: (field: string) => boolean,
  codeFields: Record<string, string> = {},
): FormProblems {
  if (!isApiError(error)) return { fieldErrors: {}, formMessages: [fallbackMessage] };
  const message = error.message || fallbackMessage;
  const known = error.details.filter((d) => isField(d.field));
  const unknown = error.details.filter((d) => !isField(d.field));
  const fieldErrors = toFieldErrors(known);
  const codeField = codeFields[error.code];
  if (codeField && isField(codeField) && known.length === 0) fieldErrors[codeField] = message;
  const formMessages = Object.keys(fieldErrors).length > 0 ? unknown.map((d) => d.message) : [message, ...unknown.map((d) => d.message)];
  return { fieldErrors, formMessages };
}

/** Problems on fields the form does not show go to the summary as plain messages. */
export function splitUnknownFields(problems: FormProblems, isField: (field: string) => boolean): FormProblems {
  const fieldErrors: FieldErrors = {};
  const formMessages = [...problems.formMessages];
  for (const [field, message] of Object.entries(problems.fieldErrors)) {
    if (isField(field)) fieldErrors[field] = message;
    else formMessages.push(message);
  }
  return { fieldErrors, formMessages };
}

/**
 * Orders field errors as the fields appear on the form (the summary should read top to bottom),
 * rows of a list by their number. `fields` lists the form's fields in order, lists as `name.*`.
 */
export function orderByFields(fieldErrors: FieldErrors, fields: readonly string[]): FieldErrors {
  const rank = (field: string): [number, number] => {
    const [list = '', row] = field.split('.');
    const exact = fields.indexOf(field);
    if (exact >= 0) return [exact, -1];
    const pattern = fields.indexOf(`${list}.*`);
    return [pattern >= 0 ? pattern : fields.length, Number(row) || 0];
  };
  const entries = Object.entries(fieldErrors).map(([field, message], i) => {
    const [position, row] = rank(field);
    return { field, message, position, row, i };
  });
  entries.sort((a, b) => a.position - b.position || a.row - b.row || a.i - b.i);
  return Object.fromEntries(entries.map((e) => [e.field, e.message]));
}
