import { expect, test, type Locator, type Page } from '@playwright/test';
import { account, expectAccessible, navigateTo, signIn, unique } from './support.ts';

const MALIKA = 'Gezin El Amrani (Malika)';

async function choose(scope: Locator, label: RegExp, option: string): Promise<void> {
  await scope.getByRole('button', { name: label }).click();
  await scope.page().getByRole('option', { name: option, exact: true }).click();
}

async function openTab(page: Page, tab: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Onderdelen van het gezinsdossier' }).getByRole('link', { name: tab }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  await expectAccessible(page);
}

interface NewPerson { name: string; relation: string; roles: string[]; ring?: string; phone?: string; callAnytime?: boolean; slots?: [day: string, from: string, to: string][] }

async function addPerson(page: Page, p: NewPerson): Promise<void> {
  await page.getByRole('button', { name: 'Iemand toevoegen' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Naam').fill(p.name);
  await dialog.getByLabel('Wie is dit voor het gezin?').fill(p.relation);
  if (p.ring) await choose(dialog, /^Kring 2/, p.ring);
  for (const role of p.roles) await dialog.getByText(role, { exact: true }).click();
  if (p.callAnytime) await dialog.getByText('Geen vaste uren: je mag altijd bellen').click();
  for (const [i, [day, from, to]] of (p.slots ?? []).entries()) {
    await dialog.getByRole('button', { name: 'Moment toevoegen' }).click();
    const slot = dialog.getByRole('group', { name: `Moment ${i + 1}` });
    await choose(slot, /maandag/, day);
    await slot.getByLabel('Van (uu:mm)').fill(from);
    await slot.getByLabel('Tot (uu:mm)').fill(to);
  }
  if (p.phone) await dialog.getByLabel('Telefoon').fill(p.phone);
  await dialog.getByRole('button', { name: 'Bewaren' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 3, name: p.name })).toBeVisible();
}

test('the coach maps Malika\'s network; the family sees who they can call on a phone and prints it', async ({ page }, testInfo) => {
  const neighbour = unique(testInfo.project.name, 'Buurman Karel');
  const homeHelp = unique(testInfo.project.name, 'Els thuishulp');
  const girl = unique(testInfo.project.name, 'Meisje Zoë');

  await signIn(page, account('coach2'));
  await navigateTo(page, 'Gezinnen');
  await page.getByRole('link', { name: MALIKA }).click();
  await openTab(page, 'Netwerk', 'Ons netwerk');
  // Grandmother is already there from the first visit; the map shows everyone.
  await expect(page.getByRole('heading', { level: 3, name: 'Oma Fatima' })).toBeVisible();
  await expect(page.getByRole('img', { name: `Netwerkkaart van ${MALIKA}` })).toBeVisible();

  await addPerson(page, { name: neighbour, relation: 'buurman', roles: ['Rijden'], phone: '0475 10 20 30', slots: [['dinsdag', '08:00', '08:30'], ['donderdag', '08:00', '08:30']] });
  await addPerson(page, { name: homeHelp, relation: 'gezinszorg', ring: 'Kring 3: hulpverleners', roles: ['Huishouden', 'Een luisterend oor'], callAnytime: true, phone: '03 999 99 99' });
  await addPerson(page, { name: girl, relation: 'meisje uit de straat', roles: ['Huiswerk'], slots: [['woensdag', '14:00', '15:00']] });

  // The home help holds two roles; the list under the map is the same map in words.
  const help = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: homeHelp }) });
  await expect(help.getByText('Helpt met: Huishouden, Een luisterend oor')).toBeVisible();
  await expect(page.getByRole('region', { name: /Kring 3: hulpverleners/ }).getByRole('heading', { name: homeHelp })).toBeVisible();

  // A tie to the family, drawn with the form (the keyboard way of drawing on the map).
  await page.getByRole('button', { name: 'Band tekenen' }).click();
  const dialog = page.getByRole('dialog');
  await choose(dialog, /Naar/, neighbour);
  await dialog.getByRole('button', { name: 'Bewaren' }).click();
  await expect(page.getByText(`Gezin – ${neighbour}: sterke band`)).toBeVisible();
  await expectAccessible(page);

  // Removing asks first.
  await page.getByRole('button', { name: `Verwijderen: ${girl}` }).click();
  await expect(page.getByRole('alertdialog')).toContainText(girl);
  await page.getByRole('alertdialog').getByRole('button', { name: 'Annuleren' }).click();

  await openTab(page, 'Wie kunnen we bellen?', 'Wie kunnen we bellen?');
  const driving = page.getByRole('region', { name: 'Rijden' });
  await expect(driving.getByText(neighbour)).toBeVisible();
  await expect(driving.getByText('dinsdag, donderdag 08:00–08:30').first()).toBeVisible();
  await expect(driving.getByRole('link', { name: `Bel ${neighbour} op 0475 10 20 30` })).toHaveAttribute('href', 'tel:0475102030');
  await expect(page.getByRole('region', { name: 'Een luisterend oor' }).getByText(homeHelp)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Huiswerk' }).getByText(girl)).toBeVisible();

  // For the fridge: printed without the menu and the buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeHidden();
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(driving.getByText(neighbour)).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  await openTab(page, 'Hulpverlening', 'Overzicht hulpverlening');
  await expect(page.getByRole('heading', { name: /Wachtlijst/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /CGG: Therapie/ })).toBeVisible();
  await choose(page.locator('main'), /Toon/, 'Per levensdomein');
  await expectAccessible(page);
});

test('a coach searches the social map in Dutch and confirms a waiting time', async ({ page }, testInfo) => {
  // Each project its own collaboration: the confirmation changes the entry for good.
  await signIn(page, account('coach1', testInfo.project.name === 'phone' ? 'antwerpen' : 'gent'));
  await navigateTo(page, 'Sociale kaart');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sociale kaart');
  await expectAccessible(page);
  await page.getByLabel('Zoeken').fill('opvoeding');
  const entry = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /CKG De Boomhut/ }) });
  await expect(entry).toBeVisible();
  await expect(page.getByRole('heading', { name: /OCMW/ })).toHaveCount(0);
  await page.getByLabel('Zoeken').fill('budget');
  const ocmw = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /OCMW/ }) });
  await expect(ocmw.getByText('Wachttijd misschien niet meer juist')).toBeVisible();
  await ocmw.getByLabel('Wachttijd in weken').fill('5');
  await ocmw.getByRole('button', { name: /Wachttijd bijwerken/ }).click();
  await expect(ocmw.getByText('Wachttijd: 5 weken')).toBeVisible();
  await expect(ocmw.getByText('Wachttijd misschien niet meer juist')).toHaveCount(0);
  await expectAccessible(page);
});
