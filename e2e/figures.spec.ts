import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { account, expectAccessible, navigateTo, signIn } from './support.ts';

async function choose(page: Page, select: RegExp, option: string): Promise<void> {
  await page.getByRole('button', { name: select }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a coordinator filters the figures, downloads a CSV and the PDF, and prints the report', async ({ page }) => {
  await signIn(page, account('coordinator'));
  await navigateTo(page, 'Rapportage');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapportage voor de stuurgroep');
  const caseload = page.locator('[data-figure="caseload"]');
  await expect(caseload.getByRole('heading', { name: 'Caseload per gezinscoach' })).toBeVisible();
  // Malika's and Pieter's coaches both have a family.
  await expect(caseload.getByRole('rowheader', { name: 'Chris Peeters' })).toBeVisible();
  await expect(caseload.getByRole('rowheader', { name: 'Sofie Janssens' })).toBeVisible();
  // Every chart says in one sentence what it shows, and is a table too.
  await expect(page.locator('[data-figure="families"] svg[role="img"]')).toHaveAccessibleName(/^Gestart: \d+; Afgesloten: \d+; Actief op het einde: \d+\.$/);
  // The figures on closures and round tables are there like the others.
  await expect(page.locator('[data-figure="closure-reasons"]').getByRole('heading', { name: 'Waarom de begeleiding stopte' })).toBeVisible();
  await expect(page.locator('[data-figure="round-table-families"] svg[role="img"]')).toHaveAccessibleName(/^Gezinnen: \d+; Met een rondetafel: \d+; Zonder rondetafel: \d+; Aandeel met een rondetafel: /);
  await expect(page.locator('[data-figure="round-table-network"]').getByRole('heading', { name: 'Informeel netwerk aan de rondetafel' })).toBeVisible();
  // Each figure says how it is counted.
  await expect(page.locator('[data-figure="round-tables"]').getByText('Een rondetafel telt vanaf de dag erna.', { exact: false })).toBeVisible();
  await expectAccessible(page);

  await choose(page, /Gezinscoach$/, 'Chris Peeters');
  await expect(caseload.getByRole('rowheader', { name: 'Sofie Janssens' })).toHaveCount(0);
  await expect(caseload.getByRole('rowheader', { name: 'Chris Peeters' })).toBeVisible();
  await expectAccessible(page);

  const csv = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download “Caseload per gezinscoach” als CSV' }).click();
  const file = await csv;
  expect(file.suggestedFilename()).toMatch(/^caseload-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile((await file.path())!, 'utf8');
  expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('coach;partnerOrganisation;families;hours');
  expect(text).toContain('Chris Peeters;');
  expect(text).not.toContain('Sofie Janssens');

  const pdf = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Rapport als PDF' }).click();
  expect((await pdf).suggestedFilename()).toMatch(/^cijfers-voor-de-stuurgroep-.*\.pdf$/);

  await page.evaluate(() => { window.print = () => { document.body.dataset.printed = 'yes'; }; });
  await page.getByRole('button', { name: 'Afdrukken' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeHidden();
  await expect(page.getByText(/^Periode: /)).toBeVisible();
  await expect(caseload.getByRole('table')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
});

test('the government sees Flanders and each collaboration, with "<5" for small numbers', async ({ page }) => {
  await signIn(page, 'government@gezinsplan.example');
  await navigateTo(page, 'Cijfers Vlaanderen');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cijfers van alle samenwerkingsverbanden');
  const first = page.locator('[data-figure="first-contact"]');
  await expect(first.getByRole('cell', { name: '<5' }).first()).toBeVisible();
  await expect(page.locator('[data-figure="caseload"]')).toHaveCount(0);
  await expect(page.locator('[data-figure="round-tables"]').getByRole('heading', { name: 'Rondetafels per maand' })).toBeVisible();
  await expectAccessible(page);
  await choose(page, /Voor$/, 'Samenwerkingsverband Regio Gent (demo)');
  await expect(first.getByRole('cell', { name: '<5' }).first()).toBeVisible();
  await expectAccessible(page);
});
