import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SetPasswordBody } from '../../shared/schemas/auth.ts';
import { ApiError } from '../app/api.ts';
import { hasProblems, orderByFields, problemsFromError, splitUnknownFields, toFieldErrors, validateWith } from './form-errors.ts';

const fields = new Set(['email', 'name']);
const isField = (f: string) => fields.has(f);

describe('validateWith', () => {
  it('returns the parsed data (with the schema transforms) when valid', () => {
    const schema = z.object({ email: z.string().trim().toLowerCase() });
    expect(validateWith(schema, { email: ' A@B.BE ' }, 'nl-BE')).toEqual({ ok: true, data: { email: 'a@b.be' } });
  });

  it('gives the shared plain-language message per field, in the chosen language', () => {
    const values = { token: 'x'.repeat(30), password: 'short', passwordRepeat: 'other' };
    const nl = validateWith(SetPasswordBody, values, 'nl-BE');
    expect(nl.ok).toBe(false);
    if (!nl.ok) expect(nl.problems.fieldErrors.password).toBe('Gebruik minstens 10 tekens.');
    const en = validateWith(SetPasswordBody, { ...values, password: 'long enough pw' }, 'en');
    if (!en.ok) expect(en.problems.fieldErrors.passwordRepeat).toBe('The two passwords are not the same.');
    else throw new Error('expected a problem');
  });
});

describe('toFieldErrors', () => {
  it('keeps the first message of each field', () => {
    const issues = [
      { field: 'a', code: 'x', message: 'first' },
      { field: 'a', code: 'y', message: 'second' },
      { field: 'b', code: 'x', message: 'other' },
    ];
    expect(toFieldErrors(issues)).toEqual({ a: 'first', b: 'other' });
  });
});

describe('problemsFromError', () => {
  it('puts server details beside the fields they name', () => {
    const error = new ApiError(422, 'validation_failed', 'Kijk de velden na.', [
      { field: 'email', code: 'invalid_format', message: 'Geen e-mailadres.' },
      { field: 'somethingElse', code: 'invalid', message: 'Dit klopt niet.' },
    ]);
    expect(problemsFromError(error, 'fallback', isField)).toEqual({
      fieldErrors: { email: 'Geen e-mailadres.' },
      formMessages: ['Dit klopt niet.'],
    });
  });

  it('maps a code onto its field when the server named no field', () => {
    const error = new ApiError(409, 'email_taken', 'Er is al iemand met dit e-mailadres.');
    expect(problemsFromError(error, 'fallback', isField, { email_taken: 'email' })).toEqual({
      fieldErrors: { email: 'Er is al iemand met dit e-mailadres.' },
      formMessages: [],
    });
  });

  it('uses the server message, or the fallback, for errors without fields', () => {
    expect(problemsFromError(new ApiError(401, 'invalid_credentials', 'Past niet.'), 'fallback', isField).formMessages).toEqual(['Past niet.']);
    expect(problemsFromError(new ApiError(0, 'network_error', ''), 'Geen verbinding.', isField).formMessages).toEqual(['Geen verbinding.']);
    expect(problemsFromError(new Error('boom'), 'Er ging iets mis.', isField).formMessages).toEqual(['Er ging iets mis.']);
  });

  it('reports whether there is anything to show', () => {
    expect(hasProblems({ fieldErrors: {}, formMessages: [] })).toBe(false);
    expect(hasProblems({ fieldErrors: { a: 'x' }, formMessages: [] })).toBe(true);
  });
});

describe('orderByFields', () => {
  it('lists errors in form order, list rows by number, unknown fields last', () => {
    const errors = { 'rows.10.b': '4', other: '5', 'rows.2.a': '2', 'rows.2.b': '3', name: '1' };
    expect(Object.keys(orderByFields(errors, ['name', 'rows', 'rows.*']))).toEqual(['name', 'rows.2.a', 'rows.2.b', 'rows.10.b', 'other']);
  });
});

describe('splitUnknownFields', () => {
  it('moves problems of fields the form does not show into the summary messages', () => {
    const split = splitUnknownFields({ fieldErrors: { email: 'a', token: 'b' }, formMessages: [] }, (f) => f === 'email');
    expect(split).toEqual({ fieldErrors: { email: 'a' }, formMessages: ['b'] });
  });
});
