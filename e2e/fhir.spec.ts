import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { account, expectAccessible, signIn, signInByLink } from './support.ts';

const FHIR_LINK = 'Download voor een ander zorgprogramma (FHIR)';

async function malikaFamilyId(page: Page): Promise<string> {
  const res = await page.request.get('/api/v1/families?q=Malika');
  return (await res.json()).items[0].id as string;
}

/** Clicks a download link (the first, when each browser project approved a handover of its own) and returns the FHIR bundle it gave. */
async function downloadBundle(page: Page, name: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).first().click()]);
  expect(download.suggestedFilename()).toMatch(/\.fhir\.json$/);
  return JSON.parse(await readFile((await download.path())!, 'utf8')) as { resourceType: string; type: string; entry: { resource: { resourceType: string } }[] };
}

/** A warm handover to the first service of the social map, proposed by the coach and approved on Malika's behalf. */
async function approvedHandover(page: Page, familyId: string): Promise<void> {
  const { csrfToken } = await (await page.request.get('/api/v1/me')).json();
  const headers = { 'x-csrf-token': csrfToken };
  const family = await (await page.request.get(`/api/v1/families/${familyId}`)).json();
  const entry = (await (await page.request.get(`/api/v1/social-map?collaborationId=${family.collaborationId}`)).json()).items[0];
  const members = (await (await page.request.get(`/api/v1/families/${familyId}/members`)).json()).items as { id: string; displayName: string }[];
  const domains = (await (await page.request.get(`/api/v1/families/${familyId}/plan`)).json()).lifeDomains as { id: string; pictogram: string }[];
  const created = await page.request.post(`/api/v1/families/${familyId}/handovers`, { headers, data: {
    socialMapEntryId: entry.id, contactName: 'Ann De Wit', contactEmail: `ann-${Date.now().toString(36)}@ckg.example`, note: 'Malika wil verder werken aan rust in huis.',
    shares: [{ lifeDomainId: domains.find((d) => d.pictogram === 'parenting')!.id }],
  } });
  expect(created.status()).toBe(201);
  const h = await created.json();
  const approved = await page.request.post(`/api/v1/families/${familyId}/handovers/${h.id}/approve`, {
    headers: { ...headers, 'if-match': `"${h.version}"` }, data: { onBehalfOfParticipantId: members.find((m) => m.displayName === 'Malika')!.id },
  });
  expect(approved.status()).toBe(200);
}

test('the coach and the family download the file as FHIR for another care system', async ({ page }) => {
  await signIn(page, account('coach2'));
  const id = await malikaFamilyId(page);
  await page.goto(`/families/${id}/view`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ons plan');
  await expect(page.getByRole('link', { name: FHIR_LINK })).toBeVisible();
  await expectAccessible(page);
  const bundle = await downloadBundle(page, FHIR_LINK);
  expect([bundle.resourceType, bundle.type]).toEqual(['Bundle', 'collection']);
  expect(bundle.entry.map((e) => e.resource.resourceType)).toEqual(expect.arrayContaining(['CarePlan', 'Goal', 'Patient', 'Consent']));

  // At the closure too, beside the PDF and the JSON; and a warm handover Malika approved, as a FHIR document.
  await approvedHandover(page, id);
  await page.goto(`/families/${id}/closure`);
  await expect(page.getByRole('link', { name: 'Download ons hele dossier (FHIR, voor een ander zorgprogramma)' })).toBeVisible();
  await expectAccessible(page);
  const handover = await downloadBundle(page, 'Download de overdracht (FHIR, voor de nieuwe dienst)');
  expect([handover.type, handover.entry[0]!.resource.resourceType]).toEqual(['document', 'Composition']);

  // Malika herself, signed in with a link.
  await page.context().clearCookies();
  await signInByLink(page, 'malika@gezinsplan.example', 'Malika');
  await page.goto(`/families/${id}/view`);
  await expect(page.getByRole('link', { name: FHIR_LINK })).toBeVisible();
  await expectAccessible(page);
  const hers = await downloadBundle(page, FHIR_LINK);
  expect(hers.entry.map((e) => e.resource.resourceType)).toEqual(expect.arrayContaining(['CarePlan', 'Goal', 'Patient', 'AuditEvent']));
});
