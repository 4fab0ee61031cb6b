import { expect, test, type Browser, type Page } from '@playwright/test';
import { account, expectAccessible, signIn, signInByLink, signOut, unique } from './support.ts';
import { brusselsDay } from '../src/shared/brussels-day.ts';

/*
 * A coach's day on a phone (and at a desk): what needs attention, a contact moment and an
 * own-strength reflection, the family brought to the team anonymised, and later a closure with a
 * warm handover; the family still reads its plan. The family is made for this test alone (through a
 * registration), so closing it leaves the demo families to the other journeys.
 */

async function choose(page: Page, label: string | RegExp, option: string): Promise<void> {
  await page.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Calls the API in the signed-in page's session, with its CSRF token. */
async function api(page: Page, method: 'POST' | 'PUT', url: string, data: unknown, headers: Record<string, string> = {}) {
  const me = await (await page.request.get('/api/v1/me')).json();
  const res = await page.request.fetch(`/api/v1${url}`, { method, data, headers: { 'x-csrf-token': me.csrfToken, ...headers } });
  expect(res.status(), `${method} ${url}: ${await res.text()}`).toBeLessThan(300);
  return { body: await res.json(), etag: res.headers()['etag'] ?? '' };
}

/** A coordinator registers a family, assigns the coach, records first contact and starts the trajectory. */
async function startFamily(browser: Browser, familyName: string, parentEmail: string, meetingTitle: string): Promise<{ familyId: string; collaborationId: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, account('coordinator'));
  const reg = await api(page, 'POST', '/registrations', {
    kind: 'family', referrer: { type: 'clb', name: 'CLB Noord', email: 'clb@school.example' },
    family: { name: familyName, email: parentEmail, language: 'nl' }, postcode: '2000', municipality: 'Antwerpen',
    children: [{ firstName: 'Noor', birthYear: 2016 }], reasons: ['many_helpers'], question: 'We zien door de bomen het bos niet meer.', urgent: false, familyConsent: true,
  });
  const collaborationId = reg.body.collaboration.id as string;
  const options = await (await page.request.get(`/api/v1/collaborations/${collaborationId}/coach-options`)).json();
  // coach1.antwerpen in the demo is Chris Peeters.
  const coachId = (options.items as { name: string; userId: string }[]).find((m) => m.name === 'Chris Peeters')!.userId;
  const etagOf = async () => (await page.request.get(`/api/v1/registrations/${reg.body.id}`)).headers()['etag']!;
  await api(page, 'PUT', `/registrations/${reg.body.id}/coaches`, { coachIds: [coachId] }, { 'if-match': await etagOf() });
  await api(page, 'POST', `/registrations/${reg.body.id}/first-contact`, { date: brusselsDay(), method: 'phone' }, { 'if-match': await etagOf() });
  const started = await api(page, 'POST', `/registrations/${reg.body.id}/outcome`, { outcome: 'trajectory_started' }, { 'if-match': await etagOf() });
  // The coordinator prepares this week's team meeting.
  await page.goto(`/collaborations/${collaborationId}/team`);
  await page.getByText('Teamoverleg klaarzetten').click();
  await page.getByLabel('Datum').fill(brusselsDay());
  await page.getByLabel('Titel').fill(meetingTitle);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { name: new RegExp(meetingTitle) })).toBeVisible();
  await expectAccessible(page);
  // The team's load, per coach and per organisation.
  await page.goto(`/collaborations/${collaborationId}/caseload`);
  await expect(page.getByRole('table', { name: /Uren contact per maand/ })).toContainText('Chris Peeters');
  await expectAccessible(page);
  await context.close();
  return { familyId: started.body.familyId as string, collaborationId };
}

test('a coach on a phone follows up, reflects, brings the case to the team and closes with a warm handover', async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const familyName = unique(testInfo.project.name, 'Gezin Vermeulen');
  const parentEmail = `${unique(testInfo.project.name, 'ouder').toLowerCase()}@gezin.example`;
  const meetingTitle = unique(testInfo.project.name, 'Teamoverleg');
  const { familyId, collaborationId } = await startFamily(browser, familyName, parentEmail, meetingTitle);

  // What needs attention today: the new family, with no contact written down yet.
  await signIn(page, account('coach1'));
  await expect(page.getByRole('heading', { name: 'Vandaag' })).toBeVisible();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: familyName }) });
  await expect(card).toContainText('Nog geen contact');
  await expectAccessible(page);

  // A contact moment, with the time it took.
  await card.getByRole('link', { name: 'Contact noteren' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gezin en contacten');
  await page.getByRole('button', { name: 'Contactmoment noteren' }).click();
  const visit = unique(testInfo.project.name, 'Huisbezoek over de papieren');
  await page.getByLabel('Wat bespraken jullie?').fill(visit);
  await page.getByLabel(/Hoeveel minuten/).fill('45');
  await page.getByRole('button', { name: 'Bewaren' }).click();
  // The form closes once it is saved; until then its text box holds the same words as the new entry.
  await expect(page.getByRole('textbox', { name: 'Wat bespraken jullie?' })).toBeHidden();
  await expect(page.getByText(visit)).toBeVisible();
  // Invite the parent, so the family can sign in by link later.
  const plan = await (await page.request.get(`/api/v1/families/${familyId}/plan`)).json();
  const parent = plan.participants.find((p: { role: string }) => p.role === 'parent');
  await api(page, 'POST', `/families/${familyId}/invitations`, { participantId: parent.id, email: parentEmail });

  // Own strength, looked at together.
  await page.goto(`/families/${familyId}/strength`);
  await page.getByRole('button', { name: 'Kijk samen naar eigen kracht' }).click();
  for (const [dimension, value] of [['Kennen en kunnen', '2 – een beetje'], ['Willen en durven', '4 – meestal'], ['Mensen om ons heen', '3 – soms wel, soms niet']] as const) {
    await page.getByRole('group', { name: dimension }).getByText(value, { exact: true }).click();
  }
  await page.getByRole('button', { name: 'Bewaren' }).click();
  await expect(page.getByRole('img', { name: /Eigen kracht door de tijd/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Alle keren dat we keken' })).toContainText('4 – meestal');
  await expectAccessible(page);

  // To the team, anonymised: a name from the file is refused until it is gone.
  await page.goto(`/collaborations/${collaborationId}/team`);
  await page.getByText('Een gezin anoniem inbrengen').click();
  await choose(page, /Welk gezin/, familyName);
  await page.getByRole('button', { name: 'Maak een samenvatting zonder namen' }).click();
  await expect(page.getByLabel('Samenvatting zonder namen')).toHaveValue(/Een gezin met/);
  await choose(page, /Welk overleg/, `${meetingTitle} · ${brusselsDay()}`);
  // A neutral name, told apart from the other project's run on the same server.
  const caseTitle = `Casus ${testInfo.project.name === 'phone' ? 'P' : 'D'}${Date.now() % 100000}`;
  await page.getByLabel('Korte naam voor de casus').fill(caseTitle);
  await page.getByLabel('Je vraag aan het team').fill('Hoe helpen we Noor met haar huiswerk?');
  await page.getByRole('button', { name: 'Op de agenda zetten' }).click();
  await expect(page.getByText('Haal dit weg, het kan het gezin herkenbaar maken: “Noor”.').first()).toBeVisible();
  await page.getByLabel('Je vraag aan het team').fill('Hoe helpen we het jongste kind met het huiswerk?');
  await page.getByRole('button', { name: 'Op de agenda zetten' }).click();
  await expect(page.getByText('Je casus staat op de agenda.')).toBeVisible();
  await expect(page.getByRole('article').filter({ hasText: caseTitle })).toContainText(`jouw gezin: ${familyName}`);
  await expectAccessible(page);

  // Later: a warm handover the family approves (recorded by the coach), then the closure.
  await page.goto(`/families/${familyId}/closure`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Afsluiten');
  await page.getByRole('button', { name: 'Warme overdracht voorbereiden' }).click();
  await page.getByRole('button', { name: /Naar welke dienst/ }).click();
  await page.getByRole('option').first().click();
  await page.getByLabel('Naam van de contactpersoon').fill('Ann De Wit');
  const contactEmail = `${unique(testInfo.project.name, 'ann').toLowerCase()}@ckg.example`;
  await page.getByLabel('E-mail van de contactpersoon').fill(contactEmail);
  await page.getByLabel('Overdrachtsnota').fill('Het gezin wil verder werken aan rust in huis.');
  await page.getByRole('group', { name: 'Wat stellen we voor om te delen' }).getByRole('checkbox').first().check({ force: true });
  await page.getByRole('button', { name: 'Voorstellen aan het gezin' }).click();
  await expect(page.getByText('Wacht op het ja van het gezin')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Ja, zo mag het' }).click();
  await expect(page.getByText('Het gezin zei ja')).toBeVisible();
  await page.getByRole('radiogroup', { name: 'Waarom stopt de begeleiding?' }).getByText('Warm doorverwezen', { exact: true }).click();
  const summary = unique(testInfo.project.name, 'We vonden samen rust. Het CKG helpt verder.');
  await page.getByLabel('Wat we samen bereikten').fill(summary);
  await page.getByRole('button', { name: 'Afsluiten', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Afgesloten op/ })).toBeVisible();
  await expect(page.getByText(summary)).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // The family still reads its plan, and keeps the summary.
  await signInByLink(page, parentEmail, parent.displayName);
  await expect(page.getByText(summary)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Ons plan' }).first().click();
  await expect(page).toHaveURL(new RegExp(`/families/${familyId}/view`));
  await expectAccessible(page);
});
