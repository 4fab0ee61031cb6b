import { expect, test, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { account, DEMO_PASSWORD, expectAccessible, navigateTo, signIn, signOut } from './support.ts';

const STEP_MS = 30_000;
const totp = (secret: string) => new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });

/** A code works once: wait until the app shows a code of a newer 30-second step than `usedStep`. */
async function codeAfter(secret: string, usedStep: number) {
  const wait = (usedStep + 1) * STEP_MS - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait + 250));
  return { code: totp(secret).generate(), step: Math.floor(Date.now() / STEP_MS) };
}

async function passwordStep(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
}

test('link an authenticator app, sign out, sign in with a code and with a recovery code, then unlink it', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  // Each project its own account; the journey unlinks the app at the end, so the account signs in as before.
  const email = account(testInfo.project.name === 'phone' ? 'coach1' : 'coach2', 'gent');
  await signIn(page, email);
  await navigateTo(page, 'Mijn account');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn account');
  await expect(page.getByText('Je hebt nog geen app voor codes gekoppeld.')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'App koppelen' }).click();
  await page.getByRole('button', { name: 'Begin' }).click();
  await expect(page.getByRole('img', { name: 'QR-code om Gezinsplan in je app te zetten' })).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const code = page.getByLabel('Code uit je app');
  await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(code).toHaveAttribute('inputmode', 'numeric');
  await expectAccessible(page);
  const enrolStep = Math.floor(Date.now() / STEP_MS);
  await code.fill(totp(secret).generate());
  await page.getByRole('button', { name: 'Koppelen' }).click();

  await expect(page.getByRole('heading', { name: 'Je 10 herstelcodes' })).toBeVisible();
  await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);
  const recoveryCode = (await page.getByTestId('recovery-codes').getByRole('listitem').first().innerText()).trim();
  await expectAccessible(page);
  await expect(page.getByRole('button', { name: 'Verder' })).toBeDisabled();
  await page.getByText('Ik heb de codes bewaard').click();
  await page.getByRole('button', { name: 'Verder' }).click();
  await expect(page.getByText('Je app is gekoppeld.')).toBeVisible();
  await expect(page.getByText('Je hebt nog 10 herstelcodes.')).toBeVisible();

  await signOut(page);
  await passwordStep(page, email);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tweede stap');
  await expectAccessible(page);
  // A wrong code: a translated error, and still on the second step.
  const wrong = totp(secret).generate({ timestamp: Date.now() + 20 * STEP_MS });
  await page.getByLabel('Code uit je app').fill(wrong);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByText('Deze code klopt niet of werd al gebruikt.').first()).toBeVisible();
  await expectAccessible(page);
  const { code: fresh, step: signInStep } = await codeAfter(secret, enrolStep);
  await page.getByLabel('Code uit je app').fill(fresh);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Dag ');

  // The recovery-code route is offered too, and is plain to find.
  await signOut(page);
  await passwordStep(page, email);
  await page.getByRole('button', { name: 'Telefoon kwijt? Gebruik een herstelcode' }).click();
  await expect(page.getByLabel('Herstelcode')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Herstelcode').fill(recoveryCode);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Dag ');

  // Unlinking asks for a current code and a confirmation; then the password alone signs in again.
  await navigateTo(page, 'Mijn account');
  await expect(page.getByText('Je hebt nog 9 herstelcodes.')).toBeVisible();
  await page.getByRole('button', { name: 'App loskoppelen' }).click();
  const { code: current } = await codeAfter(secret, signInStep);
  await page.getByLabel('Code uit je app').fill(current);
  await page.getByRole('button', { name: 'App loskoppelen' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'App loskoppelen?' });
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'App loskoppelen' }).click();
  await expect(page.getByText('Je app is losgekoppeld.', { exact: false })).toBeVisible();
  await signOut(page);
  await signIn(page, email);
});

test('an admin sees and saves the second-factor rule per role in the settings', async ({ page }) => {
  await signIn(page, account('admin'));
  await navigateTo(page, 'Instellingen');
  const section = page.getByRole('region', { name: 'Tweede stap bij aanmelden' });
  await expect(section).toBeVisible();
  await expect(section.getByRole('group', { name: 'Gezinscoach' }).getByLabel('Verplicht')).not.toBeChecked();
  await expectAccessible(page);
  await section.getByRole('button', { name: 'Bewaren' }).click();
  await expect(section.getByText('Bewaard.')).toBeVisible();
});
