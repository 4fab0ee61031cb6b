import { expect, test } from '@playwright/test';
import { account, expectAccessible, navigateTo, signIn, unique } from './support.ts';

test('the admin connects a partner organisation\'s sign-in service and changes it', async ({ page }, testInfo) => {
  const name = unique(testInfo.project.name, 'CAW Noord');
  const domain = `${unique(testInfo.project.name, 'caw').toLowerCase()}.example`;
  await signIn(page, account('admin'));
  await navigateTo(page, 'Aanmelden via partners');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aanmelden via partnerorganisaties');
  await expect(page.getByText(/\/api\/v1\/auth\/sso\/callback$/)).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Aanmelddienst verbinden' }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Naam').fill(name);
  await dialog.getByLabel('Adres van de dienst (issuer)').fill('http://idp.example.com');
  await dialog.getByLabel('Client-ID').fill('gezinsplan');
  await dialog.getByLabel('E-maildomeinen').fill(`${domain}\ngeen_domein`);
  await dialog.getByRole('button', { name: 'Aanmelddienst verbinden' }).click();
  // Refused with a message at each field, nothing saved.
  await expect(dialog.getByText('Gebruik een adres dat begint met https://.').first()).toBeVisible();
  await expect(dialog.getByText(/geen_domein: Dit is geen e-maildomein/).first()).toBeVisible();
  await expectAccessible(page);

  await dialog.getByLabel('Adres van de dienst (issuer)').fill('https://login.caw-noord.example/realms/staff');
  await dialog.getByLabel('Clientgeheim').fill('s3cret-from-the-partner');
  await dialog.getByLabel('E-maildomeinen').fill(domain);
  await dialog.getByRole('button', { name: 'Aanmelddienst verbinden' }).click();
  await expect(page.getByText(`${name} is verbonden.`)).toBeVisible();
  const item = page.getByRole('listitem').filter({ hasText: name });
  await expect(item.getByText(`Voor ${domain}`)).toBeVisible();
  await expect(page.getByText('s3cret-from-the-partner')).toHaveCount(0);

  // Changing it keeps the secret when the field stays empty.
  await item.getByRole('button', { name: `Wijzigen: ${name}` }).click();
  await expect(dialog.getByLabel('Clientgeheim')).toHaveValue('');
  await dialog.getByLabel('E-maildomeinen').fill(`${domain}\nstaff.${domain}`);
  await dialog.getByRole('button', { name: 'Bewaren' }).click();
  await expect(page.getByText(`De wijzigingen aan ${name} zijn bewaard.`)).toBeVisible();
  await expect(item.getByText(`Voor ${domain}, staff.${domain}`)).toBeVisible();

  await item.getByRole('button', { name: `Op non-actief zetten: ${name}` }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('alertdialog').getByRole('button', { name: 'Op non-actief zetten' }).click();
  await expect(page.getByText(`${name} is niet meer actief.`)).toBeVisible();
  await expect(item.getByText('Niet actief')).toBeVisible();
  await expectAccessible(page);
});
