import { expect, test } from '@playwright/test';
import { expectAccessible, signInByLink } from './support.ts';

// Yasmina (17) is in no other browser test, so her chosen language changes nobody else's run.
const YASMINA = 'yasmina@gezinsplan.example';

test('a young person switches to French: the screens speak French, are axe clean, and the choice stays on the account', async ({ page }) => {
  await signInByLink(page, YASMINA, 'Yasmina');
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bonjour Yasmina');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByText('Ici, vous voyez votre plan.')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: /Notre plan|Le plan de la famille/ }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Parties du dossier familial' })).toBeVisible();
  await expectAccessible(page);

  // A new device has no language of its own: it takes the one on the account.
  await page.evaluate(() => localStorage.clear());
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bonjour Yasmina');

  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dag Yasmina');
});
