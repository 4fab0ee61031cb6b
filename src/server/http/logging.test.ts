import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { pathForLog } from '../app.ts';
import { errorForLog } from './error-handler.ts';

describe('no personal data or secrets in the logs', () => {
  it('logs a path without its query string or the secret of a link', () => {
    expect(pathForLog('/api/v1/auth/tokens/abcDEF123-_secret')).toBe('/api/v1/auth/tokens/:token');
    expect(pathForLog('/reset-password?token=abc&email=a@b.example')).toBe('/reset-password');
    expect(pathForLog('/api/v1/collaborations/1/members?cursor=x')).toBe('/api/v1/collaborations/1/members');
  });

  it('logs a failed query without its parameters', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_email"'), { code: '23505' });
    const err = new DrizzleQueryError('insert into users (email, name) values ($1, $2)', ['malika@gezin.example', 'Malika'], cause);
    const logged = errorForLog(err);
    expect(logged).toMatchObject({ message: 'duplicate key value violates unique constraint "users_email"', sqlState: '23505' });
    expect(JSON.stringify(logged)).not.toContain('malika');
    expect(JSON.stringify(logged)).not.toContain('Malika');
  });

  it('keeps the message of an ordinary error', () => {
    expect(errorForLog(new TypeError('x is not a function'))).toMatchObject({ type: 'TypeError', message: 'x is not a function' });
  });
});
