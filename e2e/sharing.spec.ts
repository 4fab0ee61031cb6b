import { devices, expect, test, type Browser, type Page } from '@playwright/test';
import { account, expectAccessible, newSignInLink, signIn, signInByLink, signInLinksTo } from './support.ts';

const MALIKA_EMAIL = 'malika@gezinsplan.example';
const SCHOOL_GOAL = 'Sami krijgt hulp bij zijn huiswerk';
const MONEY_GOAL = 'Een afbetalingsplan voor de energie';

async function openTab(page: Page, tab: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Onderdelen van het gezinsdossier' }).getByRole('link', { name: tab, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  await expectAccessible(page);
}

/** A new browser on a phone, for the teacher and the coach, beside the parent's. */
async function phone(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, baseURL, locale: 'nl-BE' });
  return context.newPage();
}

test('a parent invites the teacher, shares only school, revokes it, and sees the teacher in "who looked"', async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const teacher = `Meester Tom ${stamp}`;
  const teacherEmail = `tom-${stamp}@school.example`;
  const baseURL = testInfo.project.use.baseURL;

  // Malika has no password: she asks for a link on the login page.
  await page.goto('/login');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Aanmelden met een link via e-mail' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aanmelden met een link');
  await expectAccessible(page);
  const before = await signInLinksTo(page.request, MALIKA_EMAIL);
  await page.getByLabel('E-mailadres').fill(MALIKA_EMAIL);
  await page.getByRole('button', { name: 'Stuur mij een link' }).click();
  await expect(page.getByText('Kijk in je mailbox.')).toBeVisible();
  await expectAccessible(page);
  const link = await newSignInLink(page.request, MALIKA_EMAIL, before);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dag Malika');
  await expect(page.getByRole('link', { name: 'Ons plan' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Wie kan ik bellen' })).toBeVisible();
  await expectAccessible(page);
  // The link works once.
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deze link werkt niet meer');
  await expect(page.getByRole('button', { name: 'Stuur mij een link' })).toBeVisible();
  await expectAccessible(page);

  // She invites the teacher of her son.
  await page.goto('/');
  await page.getByRole('link', { name: 'Gezin en contacten, iemand uitnodigen' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gezin en contacten');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Iemand uitnodigen' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Naam').fill(teacher);
  await dialog.getByText('Hulpverlener van buiten', { exact: true }).click();
  await dialog.getByLabel('Wie is dit voor jullie?').fill('leerkracht van Sami');
  await dialog.getByLabel('E-mailadres').fill(teacherEmail);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(page.getByText(`We stuurden een uitnodiging naar ${teacherEmail}.`)).toBeVisible();

  // Who sees what: school yes, money no.
  await openTab(page, 'Wie ziet wat', 'Wie ziet wat');
  const card = page.getByRole('region', { name: teacher, exact: true });
  await expect(card.getByText('Ziet nu niets')).toBeVisible();
  await card.getByRole('button', { name: `Kiezen wat ${teacher} ziet` }).click();
  await card.getByRole('button', { name: `Delen: School – ${teacher}` }).click();
  await expect(dialog.getByRole('heading', { name: `${teacher} en School` })).toBeVisible();
  await dialog.getByText('Mag lezen', { exact: true }).click();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Bewaren' }).click();
  await expect(page.getByText(`${teacher}: Mag lezen over School. Dit geldt vanaf nu.`)).toBeVisible();
  await expect(card.getByRole('button', { name: `Stoppen met delen: School – ${teacher}` })).toBeVisible();
  await expect(card.getByRole('button', { name: `Delen: Geld en schulden – ${teacher}` })).toBeVisible();
  await expect(card.getByText('Beslist door Malika op').first()).toBeVisible();
  await expect(card.getByText('Ziet nu: School (mag lezen)')).toBeVisible();
  await expectAccessible(page);

  // The teacher opens the invitation on a phone: the school goal, not the money goal.
  const tom = await phone(browser, baseURL);
  await tom.goto(await newSignInLink(page.request, teacherEmail, []));
  await expect(tom.getByRole('heading', { level: 1 })).toHaveText(`Dag ${teacher}`);
  await expectAccessible(tom);
  await tom.getByRole('link', { name: 'Het plan van het gezin' }).click();
  await expect(tom.getByRole('heading', { level: 1 })).toHaveText('Ons plan');
  await expect(tom.getByText(SCHOOL_GOAL)).toBeVisible();
  await expect(tom.getByText(MONEY_GOAL)).toHaveCount(0);
  await expect(tom.getByText('Je ziet alleen wat het gezin met jou deelt.')).toBeVisible();
  // The family view and the round tables and conversations they may be in: no working plan, no
  // members, no history, no sharing.
  const tabs = tom.getByRole('navigation', { name: 'Onderdelen van het gezinsdossier' });
  await expect(tabs.getByRole('link')).toHaveText(['Gezinsweergave', 'Rondetafels', 'Gesprekken']);
  await expectAccessible(tom);
  const planUrl = tom.url();

  // Malika stops sharing school, after a confirmation.
  await page.getByRole('button', { name: `Stoppen met delen: School – ${teacher}` }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm.getByText('Dit gaat meteen in.')).toBeVisible();
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Stoppen met delen' }).click();
  await expect(page.getByText(`${teacher} ziet School niet meer. Dit geldt vanaf nu.`)).toBeVisible();
  await expect(card.getByText('Ziet nu niets')).toBeVisible();

  // On the next request the teacher sees nothing of the plan.
  await tom.goto(planUrl);
  await tom.reload();
  await expect(tom.getByText('Het gezin deelt nu niets met jou')).toBeVisible();
  await expect(tom.getByText(SCHOOL_GOAL)).toHaveCount(0);
  await expect(tom.getByText(MONEY_GOAL)).toHaveCount(0);
  await expectAccessible(tom);

  // Who looked: the teacher's reads, in plain words.
  await openTab(page, 'Wie keek', 'Wie keek in ons dossier');
  await page.getByText('Alleen mensen buiten ons gezin', { exact: true }).click();
  const teacherReads = page.getByRole('listitem').filter({ hasText: teacher }).filter({ hasText: 'las het plan' });
  await expect(teacherReads.first()).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: /^Malika/ })).toHaveCount(0);
  // The whole file to take along, with who looked in it.
  const pdf = await page.request.get((await page.getByRole('link', { name: /Ons hele dossier \(PDF/ }).getAttribute('href'))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  const json = await page.request.get((await page.getByRole('link', { name: /Ons hele dossier \(JSON/ }).getAttribute('href'))!);
  expect(json.status()).toBe(200);
  expect(JSON.stringify(await json.json())).toContain(teacher);
  await expectAccessible(page);

  // A coach proposes to share school again; it waits until Malika agrees.
  const coach = await phone(browser, baseURL);
  await signIn(coach, account('coach2'));
  const familyId = /families\/([0-9a-f-]+)/.exec(page.url())![1]!;
  await coach.goto(`/families/${familyId}/sharing`);
  await expect(coach.getByRole('heading', { level: 1 })).toHaveText('Wie ziet wat');
  const coachCard = coach.getByRole('region', { name: teacher, exact: true });
  await coachCard.getByRole('button', { name: `Kiezen wat ${teacher} ziet` }).click();
  await coachCard.getByRole('button', { name: `Delen: School – ${teacher}` }).click();
  const coachDialog = coach.getByRole('dialog');
  await coachDialog.getByText('Mag lezen', { exact: true }).click();
  await expect(coachDialog.getByText('Ik stel het voor', { exact: true })).toBeVisible();
  await expectAccessible(coach);
  await coachDialog.getByRole('button', { name: 'Bewaren' }).click();
  await expect(coach.getByText(`Je voorstel is bewaard. ${teacher} ziet School pas als het gezin akkoord geeft.`)).toBeVisible();
  await expect(coach.getByRole('region', { name: 'Dit wacht op jullie ja' }).getByText('Wacht op akkoord van het gezin').first()).toBeVisible();
  await expectAccessible(coach);

  // Still nothing for the teacher.
  await tom.reload();
  await expect(tom.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(tom.getByText(SCHOOL_GOAL)).toHaveCount(0);

  // Malika's home page says a proposal waits; she agrees.
  await page.goto('/');
  await expect(page.getByText(/voorstel(len)? om iets te delen/).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Bekijk de voorstellen' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wie ziet wat');
  await page.getByRole('button', { name: `Akkoord: School – ${teacher}`, exact: true }).click();
  await expect(page.getByText(`Akkoord gegeven. ${teacher} ziet School vanaf nu.`)).toBeVisible();
  await expectAccessible(page);

  await tom.reload();
  await expect(tom.getByText(SCHOOL_GOAL)).toBeVisible();
  await expect(tom.getByText(MONEY_GOAL)).toHaveCount(0);

  await tom.context().close();
  await coach.context().close();
});

test('a coach declares knowing the family before; the parent says whether those records may come in', async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const organisation = `CAW Antwerpen ${testInfo.project.name}-${Date.now().toString(36)}`;

  const coach = await phone(browser, testInfo.project.use.baseURL);
  await signIn(coach, account('coach2'));
  await coach.goto('/families');
  await coach.getByRole('link', { name: 'Gezin El Amrani (Malika)' }).click();
  await expect(coach.getByRole('heading', { level: 1 })).toHaveText('Gezinsplan');
  const familyPath = new URL(coach.url()).pathname;
  await coach.goto(`${familyPath}/members`);
  await expect(coach.getByRole('heading', { level: 1 })).toHaveText('Gezin en contacten');
  await coach.getByRole('button', { name: 'Ik kende dit gezin al van mijn eigen organisatie' }).click();
  const dialog = coach.getByRole('dialog');
  await dialog.getByLabel('Van welke organisatie?').fill(organisation);
  await dialog.getByLabel('Wat weet je al, en sinds wanneer?').fill('Ik begeleidde Malika in 2024 bij haar budget.');
  await dialog.getByText('Ik wil het gezin vragen of ik gegevens uit het dossier van mijn organisatie mag gebruiken').click();
  await expectAccessible(coach);
  await dialog.getByRole('button', { name: 'Bewaren' }).click();
  await expect(coach.getByText('Bewaard. Het gezin ziet dit nu ook.')).toBeVisible();
  const coachView = coach.getByRole('listitem').filter({ hasText: organisation });
  await expect(coachView.getByText('Wacht op het antwoord van een ouder.')).toBeVisible();
  await expectAccessible(coach);

  await signInByLink(page, MALIKA_EMAIL, 'Malika');
  await page.goto(`${familyPath}/members`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gezin en contacten');
  const declaration = page.getByRole('listitem').filter({ hasText: organisation });
  await expect(declaration.getByText(`kende jullie al van ${organisation}.`)).toBeVisible();
  await expectAccessible(page);
  await declaration.getByRole('button', { name: 'Nee, liever niet' }).click();
  await expect(declaration.getByText(`Het gezin zei nee: niets uit het dossier van ${organisation} komt in dit dossier.`)).toBeVisible();
  await expect(declaration.getByText('Beslist door Malika op')).toBeVisible();
  await expectAccessible(page);

  await coach.reload();
  await expect(coachView.getByText('Het gezin zei nee')).toBeVisible();
  await coach.context().close();
});
