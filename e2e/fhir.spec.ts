import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { account, expectAccessible, signIn, signInByLink } from './support.ts';

const FHIR_LINK = 'Download voor een ander zorgprogramma (FHIR)';

async function malikaFamilyId(page: Page): Promise<string> {
  const res = await page.request.get('/api/v1/families?q=Malika');
  return (await res.json()).items[0].id as string;
}

/** Clicks a download link and returns the FHIR bundle it gave. */
async function downloadBundle(page: Page, name: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.fhir\.json$/);
  return JSON.parse(await readFile((await download.path())!, 'utf8')) as { resourceType: string; type: string; entry: { resource: { resourceType: string } }[] };
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

  // At the closure too, beside the PDF and the JSON.
  await page.goto(`/families/${id}/closure`);
  await expect(page.getByRole('link', { name: 'Download ons hele dossier (FHIR, voor een ander zorgprogramma)' })).toBeVisible();
  await expectAccessible(page);

  // Malika herself, signed in with a link.
  await page.context().clearCookies();
  await signInByLink(page, 'malika@gezinsplan.example', 'Malika');
  await page.goto(`/families/${id}/view`);
  await expect(page.getByRole('link', { name: FHIR_LINK })).toBeVisible();
  await expectAccessible(page);
  const hers = await downloadBundle(page, FHIR_LINK);
  expect(hers.entry.map((e) => e.resource.resourceType)).toEqual(expect.arrayContaining(['CarePlan', 'Goal', 'Patient', 'AuditEvent']));
});
