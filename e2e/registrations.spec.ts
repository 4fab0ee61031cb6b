import { expect, test, type Locator, type Page } from '@playwright/test';
import { account, expectAccessible, navigateTo, signIn, signOut, unique } from './support.ts';

const ANTWERPEN = 'Samenwerkingsverband Regio Antwerpen (demo)';

/** Today in Brussels (the server counts calendar days there), as YYYY-MM-DD. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
const todayInWords = () =>
  new Intl.DateTimeFormat('nl-BE', { timeZone: 'Europe/Brussels', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());

/** Taps a checkbox or radio button by its visible text, as a person would. */
async function tick(scope: Page | Locator, role: 'checkbox' | 'radio', name: string): Promise<void> {
  await scope.getByText(name, { exact: true }).click();
  await expect(scope.getByRole(role, { name })).toBeChecked();
}

async function choose(page: Page, select: RegExp, option: string): Promise<void> {
  await page.getByRole('button', { name: select }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Finds a registration in the (paged) queue on screen and opens it. */
async function openFromQueue(page: Page, familyName: string): Promise<void> {
  const link = page.getByRole('link', { name: familyName });
  const more = page.getByRole('button', { name: 'Meer tonen' });
  await expect(link.or(more).first()).toBeVisible();
  while (!(await link.isVisible()) && (await more.isVisible())) await more.click();
  await expectAccessible(page);
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(familyName);
}

/** The dashboard over today only: the share of today's families with a first contact within 14 days. */
async function todaysShare(page: Page): Promise<string> {
  await navigateTo(page, 'Cijfers');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cijfers');
  await page.getByLabel('Van', { exact: true }).fill(today());
  await page.getByLabel('Tot en met', { exact: true }).fill(today());
  await expect(page.getByRole('heading', { name: `Van ${todayInWords()} tot en met ${todayInWords()}` })).toBeVisible();
  const figure = page.locator('[data-figure="within14"]');
  await expect(figure).toBeVisible();
  return (await figure.textContent()) ?? '';
}

test('a family registered on the public page reaches the coordinator, a coach, and the figures', async ({ page }, testInfo) => {
  const family = unique(testInfo.project.name, 'Gezin Peeters');

  await page.goto('/login');
  await page.getByRole('link', { name: 'Een gezin aanmelden' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Een gezin aanmelden');
  await expectAccessible(page);

  await choose(page, /Wie ben je\?/, 'School');
  await page.getByLabel('Je naam').fill('Leen Janssens');
  await page.getByLabel('Je e-mailadres').fill('leen.janssens@school.example');
  await page.getByLabel('Naam van het gezin').fill(family);
  await page.getByLabel('Postcode').fill('2060');
  await expect(page.getByText(`Jullie aanmelding gaat naar ${ANTWERPEN}.`)).toBeVisible();
  await expect(page.getByLabel('Gemeente')).toHaveValue('Antwerpen');
  await page.getByLabel('Voornaam').fill('Noor');
  await page.getByLabel('Geboortejaar').fill('2016');
  await page.getByRole('button', { name: 'Kind toevoegen' }).click();
  await expect(page.getByLabel('Voornaam').nth(1)).toBeFocused();
  await page.getByLabel('Voornaam').nth(1).fill('Sami');
  await page.getByLabel('Geboortejaar').nth(1).fill('2019');
  await tick(page, 'checkbox', 'Er zijn veel hulpverleners en niemand heeft het overzicht');
  await page.getByLabel('De vraag van het gezin').fill('We willen weten wie ons met wat helpt.');
  await tick(page, 'checkbox', 'Het gezin weet van deze aanmelding en gaat akkoord');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Aanmelding versturen' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Je aanmelding is goed ontvangen');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByRole('status')).toContainText(`Ze gaat naar ${ANTWERPEN}.`);
  await expect(page.getByText('Je krijgt deze bevestiging ook per e-mail.')).toBeVisible();
  await expectAccessible(page);

  // The coordinator of Antwerpen finds it in the queue and assigns a coach.
  await signIn(page, account('coordinator'));
  const before = await todaysShare(page);
  await expectAccessible(page);
  await navigateTo(page, 'Aanmeldingen');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aanmeldingen');
  await choose(page, /Aangemeld door/, 'School');
  await openFromQueue(page, family);
  await expect(page.getByText('We willen weten wie ons met wat helpt.')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Gezinscoach toewijzen' }).click();
  const dialog = page.getByRole('dialog');
  await tick(dialog, 'checkbox', 'Chris Peeters');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Toewijzen' }).click();
  await expect(page.getByText('Toegewezen aan Chris Peeters.')).toBeVisible();
  await signOut(page);

  // The coach records the first contact.
  await signIn(page, account('coach1'));
  await navigateTo(page, 'Op te volgen aanmeldingen');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Op te volgen aanmeldingen');
  await openFromQueue(page, family);
  await page.getByRole('button', { name: 'Eerste contact noteren' }).click();
  const contact = page.getByRole('dialog');
  await expect(contact.getByLabel('Datum van het eerste contact')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await tick(contact, 'radio', 'Telefonisch');
  await expectAccessible(page);
  await contact.getByRole('button', { name: 'Eerste contact bewaren' }).click();
  await expect(page.getByText('Het eerste contact is genoteerd.')).toBeVisible();
  await expect(page.getByText('Eerste contact gebeurd').first()).toBeVisible();

  // The family wants guidance: the trajectory starts.
  await page.getByRole('button', { name: 'Afloop noteren' }).click();
  const outcome = page.getByRole('dialog');
  await expect(outcome.getByRole('radio', { name: /De begeleiding start/ })).toBeChecked();
  await expectAccessible(page);
  await outcome.getByRole('button', { name: 'Afloop bewaren' }).click();
  await expect(page.getByText('De begeleiding is gestart.')).toBeVisible();
  await expect(page.getByText('Begeleiding gestart').first()).toBeVisible();
  await signOut(page);

  // The coordinator's figures for today changed.
  await signIn(page, account('coordinator'));
  await expect.poll(() => todaysShare(page)).not.toBe(before);
  await expectAccessible(page);
});

test('an unknown postcode asks to choose, and bad input is explained per field', async ({ page }) => {
  await page.goto('/register');
  await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
  const summary = page.getByRole('heading', { name: 'Er is een probleem' });
  await expect(summary).toBeVisible();
  await expect(page.getByRole('link', { name: 'Je naam: Vul dit in.' })).toBeVisible();
  await expect(page.getByText('Vink dit aan. Vraag eerst aan het gezin of het akkoord gaat.').first()).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Postcode').fill('4000');
  await expect(page.getByText('We kennen postcode 4000 niet.', { exact: false })).toBeVisible();
  await expect(page.getByRole('radio', { name: /Samenwerkingsverband Regio Gent \(demo\)/ })).toBeVisible();
  await expectAccessible(page);

  // Choosing nothing is explained at the choice.
  await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
  await expect(page.getByRole('link', { name: 'Samenwerkingsverband: Kies een van de mogelijkheden.' })).toBeVisible();
  await tick(page, 'radio', 'Samenwerkingsverband Regio Gent (demo)');
  await page.getByLabel('Geboortejaar').fill('1900');
  await page.getByLabel('Voornaam').fill('Mira');
  await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
  await expect(page.getByRole('link', { name: /^Kind 1: Geboortejaar: / })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Samenwerkingsverband:/ })).toHaveCount(0);
});

test('a referrer registers signed in and follows their own registrations', async ({ page }) => {
  await signIn(page, account('referrer'));
  await navigateTo(page, 'Aanmelden');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Een gezin aanmelden');
  await expect(page.getByLabel('Je naam')).toHaveValue('Lotte Claes');
  await expect(page.getByLabel('Je e-mailadres')).toHaveValue('referrer.antwerpen@gezinsplan.example');
  await expectAccessible(page);
  await navigateTo(page, 'Mijn aanmeldingen');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn aanmeldingen');
  await expectAccessible(page);
});

test('the admin imports postcodes from a CSV file and sees the lines that could not be read', async ({ page }) => {
  await signIn(page, account('admin'));
  await navigateTo(page, 'Instellingen');
  await page.getByLabel('CSV-bestand kiezen').setInputFiles({
    name: 'postcodes.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('postcode;gemeente\n2070;Zwijndrecht\nabc;Nergens\n'),
  });
  await expect(page.getByText('1 nieuwe postcode toegevoegd (1 in het bestand).', { exact: false })).toBeVisible();
  await expect(page.getByText('Regel 3: Een postcode heeft 4 cijfers, bv. 2000.')).toBeVisible();
  await expect(page.getByLabel('Gemeente').last()).toHaveValue('Zwijndrecht');
  await expectAccessible(page);
});

test('a coordinator forwards a registration to the right collaboration, which sees it with its date', async ({ page }, testInfo) => {
  const family = unique(testInfo.project.name, 'Gezin Verhuisd');
  const created = await page.request.post('/api/v1/registrations', {
    data: {
      kind: 'family',
      referrer: { type: 'clb', name: 'Lies Verbeke', organisation: 'CLB Noord', email: 'lies@clb.example', phone: '' },
      family: { name: family, email: 'gezin@example.org', phone: '0470 00 00 00', language: 'nl' },
      postcode: '2000', municipality: 'Antwerpen', children: [{ firstName: 'Lou', birthYear: 2017 }],
      reasons: ['many_helpers'], question: 'Het gezin verhuisde net naar Gent.', helpersInvolved: '', networkInvolved: '',
      urgent: false, familyConsent: true,
    },
  });
  expect(created.status(), await created.text()).toBe(201);

  await signIn(page, account('coordinator'));
  await navigateTo(page, 'Aanmeldingen');
  await openFromQueue(page, family);
  await page.getByRole('button', { name: 'Doorsturen naar een ander samenwerkingsverband' }).click();
  // A confirmation: assistive technology announces it as an alert dialog.
  const dialog = page.getByRole('alertdialog');
  await dialog.getByRole('button', { name: 'Doorsturen', exact: true }).click();
  await expect(dialog.getByText('Kies een samenwerkingsverband.')).toBeVisible();
  await tick(dialog, 'radio', 'Samenwerkingsverband Regio Gent (demo)');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Doorsturen', exact: true }).click();
  await expect(page.getByText(`De aanmelding van ${family} is doorgestuurd naar Samenwerkingsverband Regio Gent (demo).`)).toBeVisible();
  await expect(page.getByRole('link', { name: family })).toHaveCount(0);
  await signOut(page);

  // Gent's admin (its coordinator's password is changed by the password-reset test).
  await signIn(page, account('admin', 'gent'));
  await navigateTo(page, 'Aanmeldingen');
  await openFromQueue(page, family);
  await expect(page.getByText(ANTWERPEN)).toBeVisible();
  await expect(page.getByText('Het gezin verhuisde net naar Gent.')).toBeVisible();
});
