import { devices, expect, test, type Browser, type Page } from '@playwright/test';
import { account, expectAccessible, signIn, signInByLink } from './support.ts';

const JASON = 'jason@gezinsplan.example';
const FAMILY = 'Gezin Verbeeck (Pieter)';
/** A 1×1 PNG: a photo of the flip-chart, as far as the test is concerned. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

async function phone(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, baseURL, locale: 'nl-BE' });
  return context.newPage();
}

async function familyId(page: Page): Promise<string> {
  const list = await (await page.request.get(`/api/v1/families?q=${encodeURIComponent('Verbeeck')}`)).json() as { items: { id: string; displayName: string }[] };
  return list.items.find((f) => f.displayName === FAMILY)!.id;
}

async function openTab(page: Page, tab: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Onderdelen van het gezinsdossier' }).getByRole('link', { name: tab, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  await expectAccessible(page);
}

test('Jason starts a conversation with aunt Caro and the coach on his phone; the coach sees it live, makes it an agreement and hands Jason the lead', async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const title = `Weekend bij tante Caro ${testInfo.project.name}-${Date.now().toString(36)}`;
  const text = `Zaterdag haalt Caro Pieter op om 10 uur (${testInfo.project.name}). Zie https://example.org/zwemles`;

  // Jason signs in by link on his phone and opens the family's conversations.
  const jason = await phone(browser, testInfo.project.use.baseURL);
  await signInByLink(jason, JASON, 'Jason');
  const id = await familyId(jason);
  await jason.goto(`/families/${id}/messages`);
  await expect(jason.getByRole('heading', { level: 1 })).toHaveText('Gesprekken');
  await expectAccessible(jason);

  // The coach, in another browser, has the same page open.
  await signIn(page, account('coach1'));
  await page.goto(`/families/${id}/messages`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gesprekken');

  await jason.getByRole('button', { name: 'Nieuw gesprek' }).click();
  const dialog = jason.getByRole('dialog');
  await dialog.getByLabel('Waarover gaat het gesprek?').fill(title);
  await dialog.getByText(/^Tante Caro/).click();
  await dialog.getByText(/^Chris Peeters/).click();
  await expectAccessible(jason);
  await dialog.getByRole('button', { name: 'Gesprek starten' }).click();
  await expect(jason.getByRole('heading', { level: 1 })).toHaveText(title);
  await expectAccessible(jason);

  // The coach's list shows the new conversation without reloading.
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByText('Nog geen berichten. Schrijf het eerste.')).toBeVisible();

  // Jason writes a message with a photo; it appears at the coach's at once.
  await jason.getByLabel('Je bericht').fill(text);
  await jason.getByLabel('Foto of document (niet verplicht)').setInputFiles({ name: 'flipchart.png', mimeType: 'image/png', buffer: PNG });
  await jason.getByRole('button', { name: 'Versturen' }).click();
  await expect(jason.getByRole('img', { name: 'Foto van Jason: flipchart.png' })).toBeVisible();
  await expectAccessible(jason);

  const message = page.getByRole('listitem').filter({ hasText: 'Zaterdag haalt Caro Pieter op' });
  await expect(message).toBeVisible();
  await expect(message.getByRole('link', { name: 'https://example.org/zwemles' })).toHaveAttribute('rel', /noopener/);
  await expect(message.getByRole('img', { name: 'Foto van Jason: flipchart.png' })).toBeVisible();
  await expectAccessible(page);
  // Jason sees the coach read it.
  await expect(jason.getByText(/Gelezen door/)).toBeVisible();

  // The coach makes an agreement of it.
  await message.getByRole('button', { name: 'Maak er een afspraak van' }).click();
  const agreement = page.getByRole('dialog');
  await expect(agreement.getByLabel('Wat?')).toHaveValue(text);
  await expectAccessible(page);
  await agreement.getByRole('button', { name: 'Afspraak maken' }).click();
  await expect(message.getByText('Hiervan is een afspraak gemaakt.')).toBeVisible();
  const agreements = await (await page.request.get(`/api/v1/families/${id}/agreements`)).json() as { items: { what: string }[] };
  expect(agreements.items.map((a) => a.what)).toContain(text);

  // The coach hands the lead to Jason.
  await openTab(page, 'Regie', 'Wie heeft de regie?');
  await expect(page.getByText('De gezinscoach heeft de regie, samen met de ouders.')).toBeVisible();
  await page.getByText('Jason', { exact: true }).click();
  await page.getByRole('button', { name: 'Regie doorgeven' }).last().click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm.getByRole('heading', { name: 'Regie doorgeven aan Jason?' })).toBeVisible();
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Ja, doorgeven' }).click();
  await expect(page.getByText('Jason heeft de regie, samen met de ouders. De gezinscoach leest mee.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Regie doorgeven' })).toHaveCount(0);
  await expectAccessible(page);

  // The history says who led when.
  await openTab(page, 'Geschiedenis', 'Geschiedenis');
  await expect(page.getByText(/gaf de regie aan Jason/).first()).toBeVisible();

  // Jason sees he has the lead; the coach takes it back so the next run starts as the demo does.
  await jason.goto(`/families/${id}/lead`);
  await expect(jason.getByText('Jason heeft de regie, samen met de ouders. De gezinscoach leest mee.')).toBeVisible();
  await expectAccessible(jason);
  await openTab(page, 'Regie', 'Wie heeft de regie?');
  await page.getByRole('button', { name: 'Regie terugnemen' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Ja, terug naar de coach' }).click();
  await expect(page.getByText('De gezinscoach heeft de regie, samen met de ouders.')).toBeVisible();
  await jason.context().close();
});
