import { expect, test } from '@playwright/test';
import { account, expectAccessible, navigateTo, signIn } from './support.ts';

test('the coordinator sees which closed files will be erased soon, and the admin sets the term', async ({ page }) => {
  await signIn(page, account('coordinator'));
  await navigateTo(page, 'Bewaren en wissen');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bewaren en wissen');
  await expect(page.getByText('Afgesloten dossiers bewaren we 5 jaar na de afsluiting.', { exact: false })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Wordt binnenkort gewist' })).toBeVisible();
  // The demo has no file near the end of its term.
  await expect(page.getByText('Er zijn geen dossiers die binnenkort gewist worden.')).toBeVisible();
  await expectAccessible(page);
});

test('the admin finds the retention term on the settings screen', async ({ page }) => {
  await signIn(page, account('admin'));
  await navigateTo(page, 'Instellingen');
  await expect(page.getByLabel('Afgesloten dossiers bewaren (jaren)')).toHaveValue('5');
  await expectAccessible(page);
});
