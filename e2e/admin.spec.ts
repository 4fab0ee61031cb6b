import { expect, test } from '@playwright/test';
import { account, expectAccessible, linkInLatestMail, navigateTo, signIn, signOut, unique } from './support.ts';

test('the admin changes the settings of the collaboration', async ({ page }) => {
  await signIn(page, account('admin'));
  await navigateTo(page, 'Instellingen');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Instellingen');
  await expect(page.getByLabel('Eerste contact binnen (dagen)')).toHaveValue(/\d+/);
  await expectAccessible(page);

  const days = page.getByLabel('Eerste contact binnen (dagen)');
  const next = (await days.inputValue()) === '30' ? '28' : '30';
  await days.fill(next);
  await page.getByRole('button', { name: 'Instellingen bewaren' }).click();
  await expect(page.getByText('De instellingen zijn bewaard.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Eerste contact binnen (dagen)')).toHaveValue(next);

  // A warning after the target is refused with a message at the field.
  await page.getByLabel('Waarschuw na (dagen)').fill('90');
  await page.getByRole('button', { name: 'Instellingen bewaren' }).click();
  await expect(page.getByText('De waarschuwing moet vóór de termijn komen.').first()).toBeVisible();
  await expectAccessible(page);
});

test('the admin adds a partner organisation', async ({ page }, testInfo) => {
  const name = unique(testInfo.project.name, 'CAW Noord');
  await signIn(page, account('admin'));
  await navigateTo(page, 'Partnerorganisaties');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Partnerorganisaties');
  await expect(page.getByText('CLB Antwerpen-Zuid')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Partnerorganisatie toevoegen' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByLabel('Naam').fill(name);
  await dialog.getByRole('button', { name: /Soort organisatie/ }).click();
  await page.getByRole('option', { name: 'CAW' }).click();
  await dialog.getByRole('button', { name: 'Partnerorganisatie toevoegen' }).click();
  await expect(page.getByText(`${name} is toegevoegd.`)).toBeVisible();
  await expect(page.getByRole('main').getByText(name, { exact: true })).toBeVisible();
});

test('the admin invites a coach, who signs in through the mailed link', async ({ page, request }, testInfo) => {
  const email = `${unique(testInfo.project.name, 'coach').toLowerCase()}@gezinsplan.example`;
  const name = 'Mira Vermeulen';
  await signIn(page, account('admin'));
  await navigateTo(page, 'Mensen');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mensen');
  await expect(page.getByText('Chris Peeters')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Iemand uitnodigen' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('E-mailadres').fill(email);
  await dialog.getByLabel('Naam').fill(name);
  await dialog.getByRole('checkbox', { name: 'Gezinscoach' }).check();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(page.getByText(`We hebben een uitnodiging gestuurd naar ${name} (${email}).`)).toBeVisible();
  await expect(page.getByText('Uitnodiging nog niet aanvaard').first()).toBeVisible();
  await signOut(page);

  await page.goto(await linkInLatestMail(request, email, '/accept-invitation'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welkom, ${name}`);
  await expectAccessible(page);
  await page.getByLabel('Nieuw wachtwoord').fill('een-goed-wachtwoord');
  await page.getByLabel('Herhaal het wachtwoord').fill('een-goed-wachtwoord');
  await page.getByRole('button', { name: 'Wachtwoord bewaren' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Dag ${name}`);
  await expect(page.getByText('Je wachtwoord is bewaard. Welkom bij Gezinsplan!')).toBeVisible();
  await expect(page.getByText('Gezinscoach').first()).toBeVisible();

  await signOut(page);
  await signIn(page, email, 'een-goed-wachtwoord');
});
