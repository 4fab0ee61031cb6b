import { beforeAll, describe, expect, it } from 'vitest';
import { postcodes } from '../../db/schema/index.ts';
import { useTestApp } from '../../test/harness.ts';
import { collaborationIdOf, expectError } from '../../test/helpers.ts';

const t = useTestApp();
let antwerpen: string;
let gent: string;
beforeAll(async () => {
  antwerpen = await collaborationIdOf(t.db, 'antwerpen');
  gent = await collaborationIdOf(t.db, 'gent');
  // A postcode whose municipalities belong to two working areas (fictitious split).
  await t.db.insert(postcodes).values([
    { postcode: '1790', municipality: 'Affligem', collaborationId: antwerpen },
    { postcode: '1790', municipality: 'Hekelgem', collaborationId: gent },
  ]);
});

const get = (path: string, lang = 'nl-BE') => t.app.inject({ method: 'GET', url: `/api/v1/routing/${path}`, headers: { 'accept-language': lang } });

describe('routing by postcode (public)', () => {
  it('finds the collaboration of a known postcode without signing in', async () => {
    const res = await get('postcodes/9040');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      postcode: '9040',
      matches: [{ id: gent, name: 'Samenwerkingsverband Regio Gent (demo)', contactEmail: 'onthaal.gent@gezinsplan.example', contactPhone: null, municipality: 'Sint-Amandsberg' }],
    });
  });

  it('gives both collaborations for a postcode split between two', async () => {
    const res = await get('postcodes/1790');
    expect(res.json().matches.map((m: { id: string; municipality: string }) => [m.municipality, m.id])).toEqual([['Affligem', antwerpen], ['Hekelgem', gent]]);
  });

  it('answers 404 postcode_unknown, in plain language, for unknown, Walloon, Brussels-not-served and malformed postcodes', async () => {
    for (const code of ['8000', '4000', '1000', '0999', 'abcd', '20000']) {
      const error = expectError(await get(`postcodes/${code}`), 404, 'postcode_unknown');
      expect(error.message).toBe('We kennen deze postcode niet. Kies hieronder een samenwerkingsverband.');
    }
    expect(expectError(await get('postcodes/4000', 'en'), 404, 'postcode_unknown').message).toBe("We don't know this postcode. Choose a collaboration below.");
  });

  it('lists all collaborations to choose from, publicly', async () => {
    const res = await get('collaborations');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: [
        { id: antwerpen, name: 'Samenwerkingsverband Regio Antwerpen (demo)', contactEmail: 'onthaal.antwerpen@gezinsplan.example', contactPhone: null },
        { id: gent, name: 'Samenwerkingsverband Regio Gent (demo)', contactEmail: 'onthaal.gent@gezinsplan.example', contactPhone: null },
      ],
    });
  });
});
