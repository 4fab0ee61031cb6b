import { expect, test } from '@playwright/test';
import { account, expectAccessible, signIn } from './support.ts';

test('the DPO reads the collaboration\'s access log from their home page, filters it and downloads the CSV', async ({ page }) => {
  await signIn(page, account('dpo'));
  await page.getByRole('link', { name: 'Inzagelog', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inzagelog van het samenwerkingsverband');
  const rows = page.getByRole('region', { name: 'Regels, nieuwste eerst' }).getByRole('listitem');
  await expect(rows.first()).toBeVisible();
  await expectAccessible(page);

  // One family only: the address keeps the filter, and the CSV holds the same.
  await page.getByRole('button', { name: /^Alleen gezin / }).first().click();
  await expect(page).toHaveURL(/familyId=/);
  await expect(page.getByRole('button', { name: 'Alle gezinnen' })).toBeVisible();
  const href = await page.getByRole('link', { name: 'Download als CSV (met deze filters)' }).getAttribute('href');
  expect(href).toMatch(/access-log\.csv\?familyId=/);
  const csv = await page.request.get(href!);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect((await csv.text()).replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^id,occurredAt,actorUserId,actorName/);
  await expectAccessible(page);

  // A period without rows says so.
  await page.getByLabel('Vanaf').fill('2099-01-01');
  await expect(page.getByText('Niets gevonden')).toBeVisible();
  await expectAccessible(page);
});
