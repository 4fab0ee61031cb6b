import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { account, expectAccessible, navigateTo, signIn, signOut, unique } from './support.ts';

const MALIKA = 'Gezin El Amrani (Malika)';

async function choose(scope: Page | Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('button', { name: new RegExp(label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
  const page = 'keyboard' in scope ? scope : scope.page();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function openTab(page: Page, tab: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Onderdelen van het gezinsdossier' }).getByRole('link', { name: tab }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  await expectAccessible(page);
}

function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'e2e-pdf-')), 'plan.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

test('a coach builds the plan with the family, evaluates it, and the family sees where they started', async ({ page }, testInfo) => {
  const question = unique(testInfo.project.name, 'We willen rust');
  const goal = unique(testInfo.project.name, 'Elke avond samen eten');

  await signIn(page, account('coach2'));
  await navigateTo(page, 'Gezinnen');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gezinnen');
  await expectAccessible(page);
  await page.getByRole('link', { name: MALIKA }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gezinsplan');
  await expectAccessible(page);

  // The family's question, written down by the coach on Malika's behalf.
  await page.getByRole('button', { name: 'Vraag toevoegen' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('De vraag, in eigen woorden').fill(question);
  await choose(dialog, 'Wie zegt dit?', 'Malika (ik schrijf het voor Malika)');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Bewaren' }).click();
  await expect(page.getByText(question)).toBeVisible();
  await expect(page.getByText('namens Malika').first()).toBeVisible();

  // A goal on a life domain, for a child, with progress as a face.
  await page.getByRole('button', { name: 'Doel toevoegen' }).click();
  await dialog.getByLabel('Wat willen jullie bereiken?').fill(goal);
  await dialog.getByRole('button', { name: 'Bewaren' }).click();
  await expect(dialog.getByText('Vul dit in.').first()).toBeVisible();
  await choose(dialog, 'Levensdomein', 'Opvoeden');
  await dialog.getByText('Lina', { exact: true }).click();
  await dialog.getByText('halfweg').click();
  await dialog.getByRole('button', { name: 'Bewaren' }).click();
  await expect(page.getByText(goal)).toBeVisible();

  // The worries in the family's order: move the first one down, with the keyboard.
  const worries = page.getByRole('region', { name: 'Waar we ons zorgen over maken' }).getByRole('listitem');
  const first = (await worries.first().locator('p').first().textContent()) ?? '';
  await expect(dialog).toHaveCount(0);
  await page.getByRole('button', { name: `Lager: ${first}` }).press('Enter');
  await expect(page.getByText(`${first} staat nu op plaats 2 van`)).toBeAttached();
  await expect(worries.nth(1).locator('p').first()).toHaveText(first);

  // Someone else changes the goal while the coach has it open: the coach sees both texts and chooses.
  await page.getByRole('button', { name: `Wijzigen: ${goal}` }).click();
  await dialog.getByLabel('Wat willen jullie bereiken?').fill(`${goal} (mijn versie)`);
  const me = await (await page.request.get('/api/v1/me')).json();
  const familyId = /families\/([0-9a-f-]+)/.exec(page.url())![1]!;
  const goals = await (await page.request.get(`/api/v1/families/${familyId}/goals`)).json();
  const target = goals.items.find((g: { text: string }) => g.text === goal);
  const theirs = await page.request.patch(`/api/v1/families/${familyId}/goals/${target.id}`, {
    data: { text: `${goal} (hun versie)` }, headers: { 'x-csrf-token': me.csrfToken, 'if-match': `"${target.version}"` },
  });
  expect(theirs.status()).toBe(200);
  await dialog.getByRole('button', { name: 'Bewaren' }).click();
  await expect(dialog.getByRole('alert')).toContainText(`${goal} (hun versie)`);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Mijn tekst bewaren' }).click();
  await expect(page.getByText(`${goal} (mijn versie)`)).toBeVisible();

  // An agreement: who does what by when, for a goal; one made by mistake is removed again.
  const agreement = unique(testInfo.project.name, 'Samen naar de bib');
  for (const what of [agreement, `${agreement} (fout)`]) {
    await page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
    await dialog.getByLabel('Wat?').fill(what);
    await choose(dialog, 'Wie doet het?', 'Oma Fatima (grootmoeder)');
    await choose(dialog, 'Bij welk doel?', `${goal} (mijn versie)`);
    await dialog.getByLabel('Tegen wanneer?').fill('2030-01-31');
    await dialog.getByRole('button', { name: 'Bewaren' }).click();
    await expect(page.getByText(what, { exact: true })).toBeVisible();
  }
  await page.getByRole('button', { name: `Verwijderen: ${agreement} (fout)` }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Verwijderen' }).click();
  await expect(page.getByText(`${agreement} (fout)`)).toHaveCount(0);
  await expect(page.getByText(agreement, { exact: true })).toBeVisible();

  // The family's own view, the child's view and the three columns.
  await openTab(page, 'Gezinsweergave', 'Ons plan');
  const faces = page.getByRole('group', { name: 'Hoe ver staan we met: Sami krijgt hulp bij zijn huiswerk?' });
  await faces.getByRole('button', { name: '4 van 5: bijna' }).click();
  await expect(faces.getByRole('button', { name: '4 van 5: bijna' })).toHaveAttribute('aria-pressed', 'true');
  await choose(page, 'Voor wie?', 'Sami');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Het plan van Sami');
  await expect(page.getByText('Sami krijgt hulp bij zijn huiswerk')).toBeVisible();
  await expectAccessible(page);
  await openTab(page, 'Drie kolommen', 'Het plan in drie kolommen');

  // Looking back: one goal reached, the rest carried on.
  await openTab(page, 'Evaluatie', 'Evaluatie');
  const review = page.getByRole('group', { name: `${goal} (mijn versie)` });
  await review.getByLabel('Wat ging goed?').fill('We eten nu elke avond samen.');
  await review.getByText('Bereikt', { exact: true }).click();
  const followUp = unique(testInfo.project.name, 'Lina gaat zwemmen');
  await page.getByRole('button', { name: 'Nieuw doel toevoegen' }).click();
  await page.getByLabel('Nieuw doel 1').fill(followUp);
  await page.getByRole('button', { name: 'Evaluatie bewaren' }).click();
  // A new goal needs its life domain: the form says so, and nothing is saved.
  await expect(page.getByText('Vul dit in.').first()).toBeVisible();
  await choose(page.getByRole('group', { name: 'Nieuwe doelen' }), 'Levensdomein', 'Vrije tijd');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Evaluatie bewaren' }).click();
  await expect(page.getByText('De evaluatie is bewaard, samen met een versie van het plan.')).toBeVisible();

  await openTab(page, 'Waar we begonnen', 'Waar we begonnen');
  await expect(page.locator('section').filter({ hasText: 'Nieuwe doelen' }).first()).toContainText(followUp);
  await expect(page.getByRole('region').or(page.locator('section')).filter({ hasText: 'Doelen die bereikt zijn' }).first()).toContainText(`${goal} (mijn versie)`);

  await page.getByRole('link', { name: /^Versie 1 –/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Versie 1');
  await expect(page.getByText('Een bewaarde versie verandert niet meer.')).toBeVisible();
  await expectAccessible(page);

  await openTab(page, 'Geschiedenis', 'Geschiedenis');
  await expect(page.getByText(`wijzigde een doel: ${goal} (mijn versie)`).first()).toBeVisible();

  await openTab(page, 'Gezin en contacten', 'Gezin en contacten');
  // Lina lives in two homes, week on, week off.
  const mum = unique(testInfo.project.name, 'Bij mama');
  const dad = unique(testInfo.project.name, 'Bij papa');
  for (const home of [mum, dad]) {
    await page.getByLabel('Naam van een thuis').fill(home);
    await page.getByRole('button', { name: 'Thuis toevoegen' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: home })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Wijzigen: Lina' }).click();
  await dialog.getByText(mum, { exact: true }).click();
  await dialog.getByText(dad, { exact: true }).click();
  await dialog.getByLabel('Hoe is het geregeld?').fill('week om week');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Bewaren' }).click();
  const lina = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Lina' }) });
  await expect(lina).toContainText(`${mum} – week om week`);
  await expect(lina).toContainText(`${dad} – week om week`);
  await page.getByRole('button', { name: 'Contactmoment noteren' }).click();
  const call = unique(testInfo.project.name, 'Telefoon over de evaluatie');
  await dialog.getByRole('group', { name: 'Wie was erbij?' }).getByText('Malika', { exact: true }).click();
  await dialog.getByLabel('Wat bespraken jullie?').fill(call);
  await dialog.getByRole('button', { name: 'Bewaren' }).click();
  await expect(page.getByText(call)).toBeVisible();
  await expectAccessible(page);
  // Removing asks first, and keeps it in the history.
  await page.getByRole('button', { name: new RegExp(`^Verwijderen: .* – ${call}`) }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Verwijderen' }).click();
  await expect(page.getByText(call)).toHaveCount(0);

  // The plan as a PDF, in plain language, with the family's goals on it.
  const pdf = await page.request.get(`/api/v1/families/${familyId}/export?format=pdf&locale=nl-BE`);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const text = pdfText(await pdf.body());
  expect(text).toContain(`Gezinsplan van ${MALIKA}`);
  expect(text).toContain('Sami krijgt hulp bij zijn huiswerk');
  expect(text).toContain(`${goal} (mijn versie)`);
});

test('a coordinator outside the family\'s circle sees that it exists, not its plan', async ({ page }) => {
  await signIn(page, account('coordinator'));
  await navigateTo(page, 'Gezinnen');
  await page.getByRole('link', { name: MALIKA }).click();
  await expect(page.getByText(`Je bent niet betrokken bij ${MALIKA}.`)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Onderdelen van het gezinsdossier' })).toHaveCount(0);
  await expectAccessible(page);
});

test('an admin gives a part of the plan its own name, and the plan shows it', async ({ page }, testInfo) => {
  const label = unique(testInfo.project.name, 'Wat wij vragen');
  await signIn(page, account('admin'));
  await navigateTo(page, 'Plansjablonen');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plansjablonen');
  await page.getByRole('button', { name: 'Wijzigen: Gezinsplan (vier delen)' }).click();
  await page.getByRole('group', { name: 'Onze vraag' }).getByLabel('Eigen naam (Nederlands)').fill(label);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Bewaren' }).click();
  await expect(page.getByText('Het sjabloon Gezinsplan (vier delen) is bewaard.')).toBeVisible();
  await signOut(page);

  await signIn(page, account('coach2'));
  await navigateTo(page, 'Gezinnen');
  await page.getByRole('link', { name: MALIKA }).click();
  await expect(page.getByRole('heading', { level: 2, name: label })).toBeVisible();
});
