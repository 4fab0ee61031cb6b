import { devices, expect, test } from '@playwright/test';
import { expectAccessible, newSignInLink, signInByLink } from './support.ts';

const MALIKA_EMAIL = 'malika@gezinsplan.example';
const MONEY_GOAL = 'Een afbetalingsplan voor de energie';

test('a parent lets an outside professional also add to school; they add a worry, change only their own, and the parent sees who wrote it', async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const helper = `Juf Ines ${stamp}`;
  const helperEmail = `ines-${stamp}@school.example`;
  const worry = `Sami komt vaak te laat op school ${stamp}`;

  // Malika invites the class teacher.
  await signInByLink(page, MALIKA_EMAIL, 'Malika');
  await page.getByRole('link', { name: 'Gezin en contacten, iemand uitnodigen' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gezin en contacten');
  await page.getByRole('button', { name: 'Iemand uitnodigen' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Naam').fill(helper);
  await dialog.getByText('Hulpverlener van buiten', { exact: true }).click();
  await dialog.getByLabel('Wie is dit voor jullie?').fill('klasjuf van Sami');
  await dialog.getByLabel('E-mailadres').fill(helperEmail);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(page.getByText(`We stuurden een uitnodiging naar ${helperEmail}.`)).toBeVisible();
  const familyId = /families\/([0-9a-f-]+)/.exec(page.url())![1]!;

  // She shares school, and lets her also add to it.
  await page.getByRole('navigation', { name: 'Onderdelen van het gezinsdossier' }).getByRole('link', { name: 'Wie ziet wat', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wie ziet wat');
  const card = page.getByRole('region', { name: helper, exact: true });
  await card.getByRole('button', { name: `Kiezen wat ${helper} ziet` }).click();
  await card.getByRole('button', { name: `Delen: School – ${helper}` }).click();
  await expect(dialog.getByRole('heading', { name: `${helper} en School` })).toBeVisible();
  await dialog.getByText('Mag ook aanvullen', { exact: true }).click();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Bewaren' }).click();
  await expect(page.getByText(`${helper}: Mag ook aanvullen over School. Dit geldt vanaf nu.`)).toBeVisible();
  await expectAccessible(page);

  // The teacher opens the invitation on her phone.
  const context = await browser.newContext({ ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, baseURL: testInfo.project.use.baseURL, locale: 'nl-BE' });
  const ines = await context.newPage();
  await ines.goto(await newSignInLink(page.request, helperEmail, []));
  await expect(ines.getByRole('heading', { level: 1 })).toHaveText(`Dag ${helper}`);
  await ines.getByRole('link', { name: 'Het plan van het gezin' }).click();
  await expect(ines.getByRole('heading', { level: 1 })).toHaveText('Ons plan');
  await expect(ines.getByText(MONEY_GOAL)).toHaveCount(0);
  await expectAccessible(ines);

  // She adds a worry in school.
  await ines.getByRole('button', { name: 'Iets toevoegen' }).click();
  const add = ines.getByRole('dialog');
  await expect(add.getByRole('heading', { name: 'Iets toevoegen' })).toBeVisible();
  await expect(add.getByText('Het gezin laat je hier iets bij schrijven. Het gezin en de coach lezen wat je schrijft.')).toBeVisible();
  await expect(add.getByText('Privé', { exact: true })).toHaveCount(0);
  await expectAccessible(ines);
  // Saving without words says what is missing.
  await add.getByRole('button', { name: 'Bewaren' }).click();
  await expect(add.getByRole('heading', { name: 'Er is een probleem' })).toBeVisible();
  await add.getByText('Zorg', { exact: true }).click();
  await add.getByRole('textbox', { name: 'Waar maken jullie je zorgen over?' }).fill(worry);
  // School is the only domain she may add to, so it is already chosen.
  await expect(add.getByRole('button', { name: 'School Levensdomein' })).toBeVisible();
  await expectAccessible(ines);
  await add.getByRole('button', { name: 'Bewaren' }).click();
  await expect(ines.getByRole('dialog')).toHaveCount(0);
  await expect(ines.getByText('Bewaard. Het gezin en de coach lezen het nu ook.')).toBeVisible();
  const mine = ines.getByRole('listitem').filter({ hasText: worry });
  await expect(mine).toBeVisible();
  await expect(mine.getByRole('button', { name: `Bewerken: ${worry}` })).toBeVisible();
  await expect(mine.getByRole('button', { name: `Verwijderen: ${worry}` })).toBeVisible();
  // What others wrote she cannot change.
  await expect(ines.getByRole('button', { name: /^Bewerken: / })).toHaveCount(1);
  await expectAccessible(ines);

  // Removing asks first; she keeps it.
  await mine.getByRole('button', { name: `Verwijderen: ${worry}` }).click();
  const confirm = ines.getByRole('alertdialog');
  await expect(confirm.getByText(worry)).toBeVisible();
  await expectAccessible(ines);
  await confirm.getByRole('button', { name: 'Annuleren' }).click();
  await expect(mine).toBeVisible();

  // She changes her own words.
  await mine.getByRole('button', { name: `Bewerken: ${worry}` }).click();
  const edit = ines.getByRole('dialog');
  await expect(edit.getByRole('heading', { name: 'Bewerken: Zorg' })).toBeVisible();
  await expectAccessible(ines);
  await edit.getByRole('textbox', { name: 'Waar maken jullie je zorgen over?' }).fill(`${worry}, vooral op maandag`);
  await edit.getByRole('button', { name: 'Bewaren' }).click();
  await expect(ines.getByRole('dialog')).toHaveCount(0);
  await expect(ines.getByText(`${worry}, vooral op maandag`)).toBeVisible();

  // Malika sees it in her plan, with who wrote it.
  await page.goto(`/families/${familyId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gezinsplan');
  const inPlan = page.getByRole('listitem').filter({ hasText: worry });
  await expect(inPlan).toBeVisible();
  await expect(inPlan.getByText(`geschreven door ${helper}`)).toBeVisible();
  await expectAccessible(page);

  await context.close();
});
