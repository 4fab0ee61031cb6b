import { devices, expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { account, expectAccessible, navigateTo, signIn, signInByLink } from './support.ts';

const JASON = 'jason@gezinsplan.example';
const SARAH = 'juf.sarah@gezinsplan.example';

async function choose(scope: Page | Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('button', { name: new RegExp(label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
  const page = 'keyboard' in scope ? scope : scope.page();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** React Aria's checkbox: a click on its label, as a person does. */
async function tick(scope: Locator, label: string): Promise<void> {
  await scope.getByText(label, { exact: true }).click();
  await expect(scope.getByRole('checkbox', { name: label })).toBeChecked();
}

async function phone(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, baseURL, locale: 'nl-BE' });
  return context.newPage();
}

interface OutboxMail { to: string; subject: string; text: string; attachments: { filename: string; content: string }[] }

/** Three days from now, in Brussels, as yyyy-mm-dd: inside the coach's two-week agenda. */
const inThreeDays = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date(Date.now() + 3 * 86_400_000));

test('Jason plans a round table with aunt Caro in the chair and the teacher for the school item only; notes become an agreement; it shows in the coach\'s agenda', async ({ page, browser }, testInfo) => {
  test.setTimeout(240_000);
  const title = `Rondetafel ${testInfo.project.name}-${Date.now().toString(36)}`;
  const baseURL = testInfo.project.use.baseURL;

  // Jason, a parent without a password, signs in with a link and opens the family's meetings.
  await signInByLink(page, JASON, 'Jason');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Ons plan' }).click();
  await page.getByRole('navigation', { name: 'Onderdelen van het gezinsdossier' }).getByRole('link', { name: 'Rondetafels', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rondetafelgesprekken');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Een gesprek plannen' }).click();
  const form = page.getByRole('form', { name: 'Een gesprek plannen' });
  await form.getByLabel('Naam van het gesprek').fill(title);
  await form.getByLabel('Dag').fill(inThreeDays());
  await form.getByLabel('Waar?').fill('Bij tante Caro');
  await choose(form, 'Wie zit het gesprek voor?', 'Tante Caro (tante, Pieter woont bij haar)');
  const first = form.getByRole('group', { name: 'Agendapunt 1' });
  await first.getByLabel('Agendapunt 1: waarover?').fill('School van Pieter');
  await choose(first, 'Bij welk doel of levensdomein?', 'School');
  await tick(first, 'Juf Sarah (leerkracht van Pieter)');
  await tick(first, 'Tante Caro (tante, Pieter woont bij haar)');
  await form.getByRole('button', { name: 'Nog een agendapunt' }).click();
  const second = form.getByRole('group', { name: 'Agendapunt 2' });
  await second.getByLabel('Agendapunt 2: waarover?').fill('Schulden');
  await choose(second, 'Bij welk doel of levensdomein?', 'Geld en schulden');
  await tick(second, 'Tante Caro (tante, Pieter woont bij haar)');
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Gesprek plannen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByText('Voorzitter: Tante Caro')).toBeVisible();
  await expectAccessible(page);

  // The invitation goes to the teacher (the aunt has no address in the file).
  await page.getByRole('button', { name: 'Uitnodigingen versturen' }).click();
  await expect(page.getByText(/uitnodiging(en)? verstuurd/)).toBeVisible();

  // Notes per item; the school note becomes an agreement in the plan in one action.
  await page.getByLabel('Notitie bij School van Pieter').fill('Juf Sarah leest elke week met Pieter.');
  await page.getByRole('button', { name: 'Notitie bewaren' }).first().click();
  await expect(page.getByText('Juf Sarah leest elke week met Pieter.')).toBeVisible();
  await page.getByLabel('Notitie bij Schulden').fill('Jason maakt een afspraak bij het OCMW voor de schulden.');
  await page.getByRole('button', { name: 'Notitie bewaren' }).last().click();
  await expect(page.getByText('Jason maakt een afspraak bij het OCMW voor de schulden.')).toBeVisible();
  await page.getByRole('button', { name: 'Maak er een afspraak van' }).first().click();
  const agreement = page.getByRole('form', { name: 'Maak er een afspraak van' });
  await choose(agreement, 'Wie doet het?', 'Juf Sarah');
  await expectAccessible(page);
  await agreement.getByRole('button', { name: 'Afspraak in het plan zetten' }).click();
  await expect(page.getByText('Dit is een afspraak in het plan geworden.')).toBeVisible();
  // Attendance per item: the teacher was there for school.
  await tick(page.getByRole('group', { name: 'Bij School van Pieter' }), 'Juf Sarah');
  await page.getByRole('button', { name: 'Aanwezigheid bewaren' }).click();
  await expect(page.getByText('Bewaard.')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('navigation', { name: 'Onderdelen van het gezinsdossier' }).getByRole('link', { name: 'Plan', exact: true }).click();
  await expect(page.getByText('Juf Sarah leest elke week met Pieter.').first()).toBeVisible();

  // The teacher got the mail with an .ics, and sees only the school item.
  let mail: OutboxMail | undefined;
  await expect.poll(async () => {
    const mails = (await (await page.request.get('/dev/mail.json')).json()) as OutboxMail[];
    mail = mails.find((m) => m.to === SARAH && m.subject.startsWith('Uitnodiging'));
    return mail;
  }, { timeout: 10_000 }).toBeTruthy();
  expect(mail!.attachments[0]!.content).toContain('METHOD:REQUEST');
  expect(mail!.text).not.toContain('Schulden');
  const teacher = await phone(browser, baseURL);
  await signInByLink(teacher, SARAH, 'Juf Sarah');
  const card = teacher.getByRole('listitem').filter({ has: teacher.getByRole('link', { name: title }) });
  await expect(card.getByText('Jouw agendapunten: School van Pieter')).toBeVisible();
  await expectAccessible(teacher);
  await card.getByRole('button', { name: 'Ja' }).click();
  await expect(card.getByText('Je antwoord: Ja')).toBeVisible();
  await card.getByRole('link', { name: title }).click();
  await expect(teacher.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(teacher.getByRole('heading', { name: 'School van Pieter' })).toBeVisible();
  await expect(teacher.getByText('Juf Sarah leest elke week met Pieter.')).toBeVisible();
  await expect(teacher.getByText('Schulden')).toHaveCount(0);
  await expect(teacher.getByText(/OCMW/)).toHaveCount(0);
  await expectAccessible(teacher);
  await teacher.context().close();

  // The coach sees it in "Mijn agenda" and gets a feed address to copy.
  const coach = await browser.newContext({ ...testInfo.project.use, baseURL, locale: 'nl-BE' });
  await coach.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const chris = await coach.newPage();
  await signIn(chris, account('coach1'));
  await navigateTo(chris, 'Mijn agenda');
  await expect(chris.getByRole('heading', { level: 1 })).toHaveText('Mijn agenda');
  await expect(chris.getByRole('link', { name: new RegExp(title) })).toBeVisible();
  await expectAccessible(chris);
  // A first run made one already: then it is renewed, which shows a new address just the same.
  await chris.getByRole('button', { name: /^(Geheim adres maken|Nieuw adres maken)$/ }).click();
  const url = (await chris.getByTestId('feed-url').textContent())!;
  expect(url).toMatch(/\/api\/v1\/ical\/[A-Za-z0-9_-]+\.ics$/);
  await chris.getByRole('button', { name: 'Adres kopiëren' }).click();
  await expect(chris.getByText('Gekopieerd. Plak het in je agenda-app.')).toBeVisible();
  expect(await chris.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await expectAccessible(chris);
  const feed = await chris.request.get(new URL(url).pathname);
  expect(feed.headers()['content-type']).toMatch(/^text\/calendar/);
  expect(await feed.text()).toContain(title);
  await coach.close();
});
