import { describe, expect, it } from 'vitest';
import { registrationBody } from '../features/registrations/test-fixtures.ts';
import { demo, signIn, useTestApp } from '../test/harness.ts';
import { collaborationIdOf } from '../test/helpers.ts';

/** A name no code or text contains, so any trace of it in the logs can only come from what was sent. */
const CANARY = 'Qwyzzelbrok';
const lines: string[] = [];
const t = useTestApp({ LOG_LEVEL: 'trace' }, { logStream: { write: (line) => void lines.push(line) } });

/** Every text field a write route of ours may take, each carrying the canary. */
const canaryBody = {
  name: `${CANARY} Malika`, displayName: CANARY, title: CANARY, text: CANARY, body: CANARY, note: CANARY,
  description: CANARY, question: CANARY, reason: CANARY, summary: CANARY, comment: CANARY, content: CANARY,
  email: `${CANARY.toLowerCase()}@gezin.example`, phone: `${CANARY} 0470`, firstName: CANARY, lastName: CANARY,
  family: { name: CANARY, email: `${CANARY.toLowerCase()}@gezin.example`, language: 'nl' },
  referrer: { type: 'school', name: CANARY, email: `${CANARY.toLowerCase()}@school.example` },
  children: [{ name: CANARY, birthYear: 2015 }],
};

describe('no personal data in the server logs', () => {
  it('a family registered with a canary name leaves no trace of it in the logs, even at trace level', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/registrations',
      payload: registrationBody({ family: { name: `Familie ${CANARY}`, language: 'nl' }, question: `${CANARY} vraagt hulp` }),
    });
    expect(res.statusCode).toBe(201);
    const coordinator = await signIn(t.app, demo('coordinator', 'antwerpen'));
    const found = await coordinator.request('GET', `/api/v1/registrations?collaborationId=${res.json<{ collaboration: { id: string } }>().collaboration.id}`);
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain(CANARY);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.filter((line) => line.includes(CANARY))).toEqual([]);
  });

  it('every write route, sent the canary in every field, keeps it out of the logs and out of its error answers', async () => {
    const coordinator = await signIn(t.app, demo('coordinator', 'antwerpen'));
    const antwerpen = await collaborationIdOf(t.db, 'antwerpen');
    const families = (await coordinator.request('GET', '/api/v1/families')).json<{ items: { id: string }[] }>().items;
    const familyId = families[0]!.id;
    const openapi = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    const before = lines.length;
    let writes = 0;
    const leaks: string[] = [];
    for (const [path, operations] of Object.entries(openapi.paths)) {
      for (const method of Object.keys(operations).filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))) {
        if (path.endsWith('/logout')) continue;
        const url = path
          .replaceAll('{collaborationId}', antwerpen)
          .replaceAll('{id}', path.startsWith('/api/v1/families') ? familyId : antwerpen)
          .replace(/\{[^}]+\}/g, '7d3c2a1e-0b4f-4e6a-9c8d-1a2b3c4d5e6f');
        const res = await coordinator.request(method.toUpperCase() as 'POST', url, { body: method === 'delete' ? undefined : canaryBody, headers: { 'if-match': '"1"' } });
        writes += 1;
        if (res.statusCode >= 400 && res.body.includes(CANARY)) leaks.push(`${method} ${path} → ${res.statusCode}`);
      }
    }
    expect(writes).toBeGreaterThan(50);
    expect(lines.length - before).toBeGreaterThan(writes);
    expect(leaks).toEqual([]);
    expect(lines.filter((line) => line.includes(CANARY)).map((line) => line.slice(0, 300))).toEqual([]);
  });
});
