import { devices, expect, test, type Browser, type Page } from '@playwright/test';
import { account, expectAccessible, navigateTo, signIn, signInByLink } from './support.ts';

const FAMILY = 'Gezin Verbeeck (Pieter)';

/** A browser of its own for each person, on a phone. */
async function phone(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, baseURL, locale: 'nl-BE' });
  return context.newPage();
}

test('a coordinator opens a file with emergency access, the family reads why, and the DPO judges it', async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const reason = `De coach is ziek en de school belt over Pieter (${testInfo.project.name}-${Date.now().toString(36)})`;
  const baseURL = testInfo.project.use.baseURL;

  // The coordinator is not in Pieter's circle: the file is closed, with the way in for emergencies.
  await signIn(page, account('coordinator'));
  await navigateTo(page, 'Gezinnen');
  await page.getByRole('link', { name: FAMILY }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(FAMILY);
  const familyId = new URL(page.url()).pathname.split('/')[2]!;
  const panel = page.getByRole('region', { name: 'Noodtoegang' });
  await expect(panel.getByText('Je kunt het dossier 4 uur lezen. Veranderen kan niet.')).toBeVisible();
  await expect(panel.getByText('Wat het gezin privé maakte, blijft gesloten.')).toBeVisible();
  await expectAccessible(page);

  // Too short a reason is refused before anything happens.
  await panel.getByLabel('Waarom moet je het dossier nu lezen?').fill('Dringend');
  await panel.getByRole('button', { name: 'Noodtoegang vragen' }).click();
  await expect(page.getByRole('link', { name: /Waarom moet je het dossier nu lezen/ })).toBeVisible();
  await expectAccessible(page);

  await panel.getByLabel('Waarom moet je het dossier nu lezen?').fill(reason);
  await panel.getByRole('button', { name: 'Noodtoegang vragen' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Dossier openen met noodtoegang?' });
  await expect(confirm.getByText(reason)).toBeVisible();
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Ja, open het dossier' }).click();

  // The banner stands on every page of the family while it runs; in the evening its end falls on the next day, named too.
  const banner = page.getByRole('complementary', { name: /^Noodtoegang tot (\d{1,2} \S+ \d{4}, )?\d\d:\d\d$/ });
  await expect(banner).toBeVisible();
  await expect(banner.getByText(`Reden: ${reason}`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(FAMILY);
  await expectAccessible(page);
  await page.getByRole('navigation', { name: 'Onderdelen van het gezinsdossier' }).getByRole('link', { name: 'Geschiedenis', exact: true }).click();
  await expect(page).toHaveURL(/\/history$/);
  await expect(banner).toBeVisible();
  await expectAccessible(page);

  // Jason, Pieter's father, reads in "who looked" who opened the file and why.
  const jason = await phone(browser, baseURL);
  await signInByLink(jason, 'jason@gezinsplan.example', 'Jason');
  await jason.goto(`/families/${familyId}/access`);
  await expect(jason.getByRole('heading', { level: 1 })).toHaveText('Wie keek in ons dossier');
  const row = jason.getByRole('listitem').filter({ hasText: `De reden: ${reason}` });
  await expect(row.getByText('Noodtoegang', { exact: true })).toBeVisible();
  await expect(row.getByText('opende jullie dossier in een noodgeval.', { exact: false })).toBeVisible();
  await expectAccessible(jason);
  await jason.context().close();

  // The DPO judges the use from their home page, without seeing the family's name.
  const dpo = await phone(browser, baseURL);
  await signIn(dpo, account('dpo'));
  await dpo.getByRole('link', { name: 'Noodtoegang nakijken' }).first().click();
  await expect(dpo.getByRole('heading', { level: 1 })).toHaveText('Noodtoegang nakijken');
  const card = dpo.getByRole('article').filter({ hasText: reason });
  await expect(card).toBeVisible();
  await expect(card).not.toContainText('Verbeeck');
  await expectAccessible(dpo);
  await card.getByText('Terecht', { exact: true }).click();
  await card.getByLabel('Toelichting').fill('De coach was ziek, er was een melding van de school');
  await card.getByRole('button', { name: 'Oordeel bewaren' }).click();
  await expect(dpo.getByRole('status').filter({ hasText: 'is bewaard' })).toBeVisible();
  await dpo.getByText('Alles', { exact: true }).click();
  const judged = dpo.getByRole('article').filter({ hasText: reason });
  await expect(judged.getByText('Terecht', { exact: true })).toBeVisible();
  await expect(judged.getByText('De coach was ziek, er was een melding van de school')).toBeVisible();
  await expectAccessible(dpo);
  await dpo.context().close();

  // The coordinator stops now: the file closes again.
  await banner.getByRole('button', { name: 'Noodtoegang nu stoppen' }).click();
  await page.getByRole('alertdialog', { name: 'Noodtoegang nu stoppen?' }).getByRole('button', { name: 'Ja, stop nu' }).click();
  await expect(banner).toBeHidden();
  await page.goto(`/families/${familyId}`);
  await expect(page.getByRole('region', { name: 'Noodtoegang' })).toBeVisible();
});

test('the admin sets how long emergency access lasts and whether coaches may use it', async ({ page }) => {
  await signIn(page, account('admin'));
  await navigateTo(page, 'Instellingen');
  const group = page.getByRole('group', { name: 'Noodtoegang' });
  await expect(group.getByLabel('Hoe lang duurt een noodtoegang (uren)')).toHaveValue('4');
  await expect(group.getByRole('checkbox', { name: 'Gezinscoaches mogen ook noodtoegang vragen' })).not.toBeChecked();
  await expectAccessible(page);
  await group.getByLabel('Hoe lang duurt een noodtoegang (uren)').fill('30');
  await page.getByRole('button', { name: 'Instellingen bewaren' }).click();
  await expect(page.getByRole('link', { name: /Hoe lang duurt een noodtoegang/ })).toBeVisible();
  await expectAccessible(page);
});
