import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldIssues, isPlainMessageKey, plainMessage } from './field-messages.ts';
import { SetPasswordBody } from './schemas/auth.ts';
import { CollaborationSettingsPatch } from './schemas/collaborations.ts';
import { MemberInvite } from './schemas/members.ts';

const issuesOf = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected the value to be refused');
  return parsed.error.issues;
};

describe('fieldIssues', () => {
  it('names each field by its path and says what is wrong in plain Dutch by default', () => {
    const issues = issuesOf(MemberInvite, { email: 'not-an-email', name: '', roles: [] });
    expect(fieldIssues(issues, 'nl-BE')).toEqual([
      { field: 'email', code: 'invalid_format', message: 'Dit is geen geldig e-mailadres.' },
      { field: 'name', code: 'too_small', message: 'Vul dit in.' },
      { field: 'roles', code: 'too_small', message: 'Kies er minstens 1.' },
    ]);
  });

  it('speaks English when asked', () => {
    const issues = issuesOf(MemberInvite, { email: 'not-an-email', name: '', roles: ['admin', 'boss'] });
    expect(fieldIssues(issues, 'en')).toEqual([
      { field: 'email', code: 'invalid_format', message: 'This is not a valid email address.' },
      { field: 'name', code: 'too_small', message: 'Please fill this in.' },
      { field: 'roles.1', code: 'invalid_value', message: 'Please choose one of the options.' },
    ]);
  });

  it('calls a missing field required and a wrong type invalid or not a number', () => {
    const schema = z.object({ name: z.string(), age: z.number().int(), flag: z.boolean() });
    expect(fieldIssues(issuesOf(schema, { age: 'x', flag: 'yes' }), 'en')).toEqual([
      { field: 'name', code: 'invalid_type', message: 'Please fill this in.' },
      { field: 'age', code: 'invalid_type', message: 'Please enter a number.' },
      { field: 'flag', code: 'invalid_type', message: 'This is not right.' },
    ]);
  });

  it('fills in limits for lengths, counts and numbers', () => {
    const schema = z.object({
      short: z.string().min(10),
      long: z.string().max(3),
      many: z.array(z.string()).max(1),
      low: z.number().min(5),
      high: z.number().max(7),
    });
    expect(fieldIssues(issuesOf(schema, { short: 'abc', long: 'abcd', many: ['a', 'b'], low: 1, high: 9 }), 'nl-BE')).toEqual([
      { field: 'short', code: 'too_small', message: 'Gebruik minstens 10 tekens.' },
      { field: 'long', code: 'too_big', message: 'Gebruik hoogstens 3 tekens.' },
      { field: 'many', code: 'too_big', message: 'Kies er hoogstens 1.' },
      { field: 'low', code: 'too_small', message: 'Het getal moet minstens 5 zijn.' },
      { field: 'high', code: 'too_big', message: 'Het getal mag hoogstens 7 zijn.' },
    ]);
  });

  it('explains a postcode, and carries our own message key as the code of a refinement', () => {
    expect(fieldIssues(issuesOf(CollaborationSettingsPatch, { postcodes: [{ postcode: '0123', municipality: 'X' }] }), 'en')).toEqual([
      { field: 'postcodes.0.postcode', code: 'invalid_format', message: 'A postcode has 4 digits, e.g. 2000.' },
    ]);
    expect(fieldIssues(issuesOf(CollaborationSettingsPatch, { firstContactTargetDays: 10, warningThresholdDays: 11 }), 'en')).toEqual([
      { field: 'warningThresholdDays', code: 'warningBeforeTarget', message: 'The warning must come before the target.' },
    ]);
    const token = 'x'.repeat(40);
    expect(fieldIssues(issuesOf(SetPasswordBody, { token, password: 'long-enough-1', passwordRepeat: 'long-enough-2' }), 'nl-BE')).toEqual([
      { field: 'passwordRepeat', code: 'passwordsDiffer', message: 'De twee wachtwoorden zijn niet gelijk.' },
    ]);
  });

  it('falls back to a neutral message for a refinement without one of our keys', () => {
    const schema = z.object({ a: z.string().refine(() => false) });
    expect(fieldIssues(issuesOf(schema, { a: 'x' }), 'en')).toEqual([{ field: 'a', code: 'custom', message: 'This is not right.' }]);
  });

  it('knows its own message keys', () => {
    expect(isPlainMessageKey('passwordsDiffer')).toBe(true);
    expect(isPlainMessageKey('nope')).toBe(false);
    expect(plainMessage('required', 'en')).toBe('Please fill this in.');
  });
});
