import { expect, test } from '@playwright/test';
import { PLATFORM_ADMIN, expectAccessible, linkInLatestMail, navigateTo, signIn, unique } from './support.ts';

test('the platform administrator creates a collaboration with its first admin', async ({ page, request }, testInfo) => {
  const name = unique(testInfo.project.name, 'Samenwerkingsverband Kempen');
  const adminEmail = `${unique(testInfo.project.name, 'beheer').toLowerCase()}@gezinsplan.example`;
  await signIn(page, PLATFORM_ADMIN);
  await navigateTo(page, 'Alle samenwerkingsverbanden');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alle samenwerkingsverbanden');
  await expect(page.getByText('Samenwerkingsverband Regio Gent (demo)')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Nieuw samenwerkingsverband' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Naam', { exact: true }).fill(name);
  await dialog.getByRole('checkbox', { name: 'Meteen een eerste beheerder uitnodigen' }).check();
  await dialog.getByLabel('Naam van de beheerder').fill('Jef Mertens');
  await dialog.getByLabel('E-mailadres van de beheerder').fill(adminEmail);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Samenwerkingsverband maken' }).click();
  await expect(page.getByText(`${name} is gemaakt. We hebben een uitnodiging gestuurd naar ${adminEmail}.`)).toBeVisible();
  await expect(page.getByRole('main').getByText(name).first()).toBeVisible();
  expect(await linkInLatestMail(request, adminEmail, '/accept-invitation')).toContain('token=');
});
