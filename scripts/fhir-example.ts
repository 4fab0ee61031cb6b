import { writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type * as R4 from 'fhir/r4';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { wrapPglite } from '../src/server/db/connection.ts';
import { DEMO_PASSWORD } from '../src/server/demo/accounts.ts';
import { seedDemoIfEmpty } from '../src/server/demo/seed.ts';
import { bundleErrors } from '../src/server/test/fhir-validators.ts';

/*
 * Writes docs/fhir-example-bundle.json: the FHIR bundle of the demo family of Malika as her coach
 * downloads it, from a fresh in-memory database with the demo data. Both validators must pass it.
 * Ids and times differ per run (the demo is made anew); the shape is what the example shows.
 */
const OUT = 'docs/fhir-example-bundle.json';
const database = await wrapPglite(await PGlite.create());
await database.migrate();
await seedDemoIfEmpty(database.db, { info: () => undefined });
const app = await buildApp({ config: loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', PUBLIC_URL: 'https://gezinsplan.example' }), db: database.db });
try {
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'coach2.antwerpen@gezinsplan.example', password: DEMO_PASSWORD } });
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const families = await app.inject({ method: 'GET', url: '/api/v1/families?q=Malika', headers: { cookie } });
  const familyId = families.json<{ items: { id: string }[] }>().items[0]!.id;
  const res = await app.inject({ method: 'GET', url: `/api/v1/families/${familyId}/fhir`, headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`export answered ${res.statusCode}`);
  const bundle = res.json<R4.Bundle>();
  const errors = bundleErrors(bundle);
  if (errors.length > 0) throw new Error(`the example does not validate:\n${errors.join('\n')}`);
  await writeFile(OUT, `${JSON.stringify(bundle, null, 2)}\n`);
  const counts = new Map<string, number>();
  for (const e of bundle.entry ?? []) counts.set(e.resource!.resourceType, (counts.get(e.resource!.resourceType) ?? 0) + 1);
  console.log(`${OUT}: ${bundle.entry?.length ?? 0} resources, valid for FHIR.js and Medplum (${[...counts].map(([t, n]) => `${t} ${n}`).join(', ')})`);
} finally {
  await app.close();
  await database.close();
}
