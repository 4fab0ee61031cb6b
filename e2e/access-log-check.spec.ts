import { expect, test } from '@playwright/test';
import { PLATFORM_ADMIN, expectAccessible, navigateTo, signIn } from './support.ts';

test('the platform administrator checks that nobody changed the access log', async ({ page }) => {
  await signIn(page, PLATFORM_ADMIN);
  await navigateTo(page, 'Alle samenwerkingsverbanden');
  await page.getByRole('link', { name: 'Controleer of niemand het inzagelog veranderde' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Controle van het inzagelog');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Controle uitvoeren' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Alles klopt' })).toBeVisible();
  await expect(page.getByText(/Gecontroleerd op/)).toBeVisible();
  await expectAccessible(page);
});
