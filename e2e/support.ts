import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-gezinsplan';
export const account = (role: string, collaboration: 'antwerpen' | 'gent' = 'antwerpen') => `${role}.${collaboration}@gezinsplan.example`;
export const PLATFORM_ADMIN = 'platform@gezinsplan.example';

/** Every page we visit must pass axe's WCAG 2.0/2.1/2.2 A and AA rules without a single violation. */
export async function expectAccessible(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Dag ');
}

interface OutboxMail {
  to: string;
  subject: string;
  text: string;
}

/** Waits for the newest mail to `to` in the development outbox and returns the first link in it. */
export async function linkInLatestMail(request: APIRequestContext, to: string, pathPart: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      const mails = (await (await request.get('/dev/mail.json')).json()) as OutboxMail[];
      const mail = mails.find((m) => m.to === to);
      link = mail?.text.match(/https?:\/\/\S+/g)?.find((l) => l.includes(pathPart));
      return link;
    }, { timeout: 10_000 })
    .toBeTruthy();
  const url = new URL(link!);
  return `${url.pathname}${url.search}`;
}

/** Follows a link in the main navigation; at phone width it first opens the menu. */
export async function navigateTo(page: Page, linkName: string): Promise<void> {
  const menu = page.getByRole('button', { name: /^(Menu)$/ });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('navigation').getByRole('link', { name: linkName }).click();
}

export async function signOut(page: Page): Promise<void> {
  const menu = page.getByRole('button', { name: /^(Menu)$/ });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await expect(page.getByText('Je bent afgemeld.')).toBeVisible();
}

/** A value unique to this test run and project, so phone and desktop runs do not collide. */
export const unique = (projectName: string, label: string) => `${label}-${projectName}-${Date.now().toString(36)}`;

/** The sign-in and invitation links mailed to `to`, newest first. */
export async function signInLinksTo(request: APIRequestContext, to: string): Promise<string[]> {
  const mails = (await (await request.get('/dev/mail.json')).json()) as OutboxMail[];
  return mails.filter((m) => m.to === to).flatMap((m) => m.text.match(/https?:\/\/\S+\/sign-in\/link\?token=\S+/g) ?? []);
}

/** Waits for a sign-in link to `to` that was not in `before` (an older, used link may still be in the outbox). */
export async function newSignInLink(request: APIRequestContext, to: string, before: readonly string[]): Promise<string> {
  let link: string | undefined;
  await expect.poll(async () => {
    link = (await signInLinksTo(request, to)).find((l) => !before.includes(l));
    return link;
  }, { timeout: 10_000 }).toBeTruthy();
  const url = new URL(link!);
  return `${url.pathname}${url.search}`;
}

/** Signs in by a link from the outbox, as someone without a password does. */
export async function signInByLink(page: Page, email: string, name: string): Promise<void> {
  await page.goto('/sign-in/link');
  const before = await signInLinksTo(page.request, email);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByRole('button', { name: 'Stuur mij een link' }).click();
  await expect(page.getByText('Kijk in je mailbox.')).toBeVisible();
  await page.goto(await newSignInLink(page.request, email, before));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Dag ${name}`);
}
