import { beforeAll, describe, expect, it } from 'vitest';
import { countQueries } from '../db/query-count.ts';
import { demo, signIn, useTestApp, type Client } from '../test/harness.ts';

/**
 * The reads a coach makes all day, each with the number of queries it may send to the database
 * (begin and commit not counted). Round trips are what a read waits for under load, so a change
 * that adds queries to one of these must say so here.
 */
const t = useTestApp();
let coach: Client;
let familyId: string;

beforeAll(async () => {
  coach = await signIn(t.app, demo('coach2'));
  familyId = (await coach.request('GET', '/api/v1/families?q=Malika')).json<{ items: { id: string }[] }>().items[0]!.id;
});

const reads = (): [string, string, number][] => [
  // session and actor 1, family scope 1, the plan's parts 9, access-log row 1
  ['plan read', `/api/v1/families/${familyId}/plan`, 12],
  ['family list', '/api/v1/families', 3],
  ['search', '/api/v1/families?q=Mal', 3],
  ['family record', `/api/v1/families/${familyId}`, 4],
  ['who looked', `/api/v1/families/${familyId}/access-log`, 5],
];

describe('queries per request', () => {
  it('each of a coach\'s daily reads stays within its query budget', async () => {
    for (const [name, url, budget] of reads()) {
      const { result, queries } = await countQueries(() => coach.request('GET', url));
      expect(result.statusCode, name).toBe(200);
      expect(queries, name).toBeLessThanOrEqual(budget);
    }
  });
});
