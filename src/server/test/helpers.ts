import type { LightMyRequestResponse } from 'fastify';
import { and, asc, desc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '../db/connection.ts';
import { accessLog, collaborations, mailOutbox, users } from '../db/schema/index.ts';
import { DEMO_COLLABORATIONS } from '../demo/accounts.ts';

/** The id of a demo collaboration by its key. */
export async function collaborationIdOf(db: Db, key: 'antwerpen' | 'gent'): Promise<string> {
  const name = DEMO_COLLABORATIONS.find((c) => c.key === key)!.name;
  const [row] = await db.select({ id: collaborations.id }).from(collaborations).where(eq(collaborations.name, name));
  if (!row) throw new Error(`no collaboration ${key}`);
  return row.id;
}

export async function userIdOf(db: Db, email: string): Promise<string> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

export const mailsTo = (db: Db, to: string) =>
  db.select().from(mailOutbox).where(eq(mailOutbox.to, to)).orderBy(asc(mailOutbox.createdAt));

export async function latestMailTo(db: Db, to: string) {
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.to, to)).orderBy(desc(mailOutbox.createdAt)).limit(1);
  if (!row) throw new Error(`no mail to ${to}`);
  return row;
}

/** The secret from the link in a mail's text, checking the link goes where it should. */
export function tokenInLink(text: string, path: string): string {
  const match = new RegExp(`https?://[^\\s]+${path.replace(/[/?]/g, '\\$&')}\\?token=([A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`no ${path}?token= link in:\n${text}`);
  return match[1]!;
}

export const auditRowsFor = (db: Db, requestId: string) =>
  db.select().from(accessLog).where(eq(accessLog.requestId, requestId)).orderBy(asc(accessLog.id));

export const auditRowsOf = (db: Db, actorUserId: string, outcome: 'success' | 'denied' | 'not_found' | 'failed') =>
  db.select().from(accessLog).where(and(eq(accessLog.actorUserId, actorUserId), eq(accessLog.outcome, outcome))).orderBy(asc(accessLog.id));

/** The request id the server answered with (and logged). */
export function requestIdOf(res: LightMyRequestResponse): string {
  const id = res.headers['x-request-id'];
  if (typeof id !== 'string' || id.length === 0) throw new Error('no x-request-id header');
  return id;
}

/** Asserts the API's one error shape with an exact code and status. */
export function expectError(res: LightMyRequestResponse, status: number, code: string) {
  expect({ status: res.statusCode, code: res.json<{ error: { code: string } }>().error?.code }).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  return res.json<{ error: { code: string; message: string; details?: { field: string; code: string; message: string }[] } }>().error;
}

/** A uuid that exists nowhere. */
export const RANDOM_UUID = '7d3c2a1e-0b4f-4e6a-9c8d-1a2b3c4d5e6f';
