import { expect, test } from '@playwright/test';
import { account, expectAccessible, linkInLatestMail, navigateTo, signIn, signOut } from './support.ts';

test('sign in with a wrong password, then right; switch language; sign out', async ({ page }) => {
  await page.goto('/login');
  await expect(page).toHaveTitle(/Aanmelden/);
  await expectAccessible(page);

  await page.getByLabel('E-mailadres').fill(account('admin'));
  await page.getByLabel('Wachtwoord', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByText('Dit e-mailadres en wachtwoord passen niet bij elkaar.').first()).toBeVisible();
  await expectAccessible(page);

  await signIn(page, account('admin'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dag An Wouters');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello An Wouters');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectAccessible(page);
  // The choice is kept on the account: it survives a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello An Wouters');
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dag An Wouters');

  await signOut(page);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
});

test('a forgotten password is replaced through the mailed link', async ({ page, request }, testInfo) => {
  // Each project uses its own account so the two runs do not change each other's password.
  const email = account(testInfo.project.name === 'phone' ? 'referrer' : 'coordinator', 'gent');
  await page.goto('/login');
  await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wachtwoord vergeten');
  await expectAccessible(page);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByRole('button', { name: 'Stuur mij een link' }).click();
  await expect(page.getByText(/krijg je binnen enkele minuten een e-mail/)).toBeVisible();

  await page.goto(await linkInLatestMail(request, email, '/reset-password'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuw wachtwoord kiezen');
  await expectAccessible(page);
  const password = `nieuw-wachtwoord-${testInfo.project.name}`;
  await page.getByLabel('Nieuw wachtwoord').fill(password);
  await page.getByLabel('Herhaal het wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Wachtwoord bewaren' }).click();
  await expect(page.getByText('Je nieuwe wachtwoord is bewaard.')).toBeVisible();

  await signOut(page);
  await signIn(page, email, password);
});

test('an unknown page says so, signed in or not', async ({ page }) => {
  await page.goto('/bestaat-niet');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Pagina niet gevonden|Aanmelden/);
  await signIn(page, account('coach1'));
  await page.goto('/bestaat-niet');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Naar de startpagina' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dag Chris Peeters');
  // A coach has no admin pages in the menu.
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Instellingen' })).toHaveCount(0);
  await navigateTo(page, 'Start');
});
