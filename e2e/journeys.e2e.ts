import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BASE, launch, screenshot, seriousViolations, stubNeutralSite } from './support/browser';

const PASSWORD = 'haven-demo-2026';

describe('browser journeys', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser.close());

  beforeEach(async () => {
    // bypassCSP lets the test inject axe-core; the app's own CSP stays on for everything else.
    context = await browser.newContext({ viewport: { width: 1280, height: 860 }, bypassCSP: true });
    page = await context.newPage();
    consoleErrors.length = 0;
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await stubNeutralSite(page);
  });
  afterEach(() => context.close());

  async function staffSignIn(email: string): Promise<void> {
    await page.goto(`${BASE()}/signin`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('a teacher signs in, sees their classes and a roster', async () => {
    await staffSignIn('teacher@gulfcoast.example');
    await page.getByRole('heading', { level: 1, name: 'My classes' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/teacher/);
    await page.getByText('Health 7, Period 2').first().waitFor();
    await page.getByText('Health 10, Period 4').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'teacher-home');

    await page
      .getByRole('link', { name: /Health 7, Period 2/ })
      .first()
      .click();
    await page.getByText('Maya').first().waitFor();
    expect(await page.getByText('Jordan').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'teacher-class');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/teacher'));
    expect(consoleErrors).toEqual([]);
  });

  it('a district admin signs in and sees the district overview', async () => {
    await staffSignIn('admin@gulfcoast.example');
    await page.getByRole('heading', { level: 1, name: 'District overview' }).waitFor();
    await page.getByText('Bayside Secondary School').waitFor();
    await page.getByText('Palmetto Elementary School').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'district-home');
    expect(consoleErrors).toEqual([]);
  });

  it('a wrong password gets a generic message and no session', async () => {
    await page.goto(`${BASE()}/signin`);
    await page.getByLabel('Email').fill('teacher@gulfcoast.example');
    await page.getByLabel('Password', { exact: true }).fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Email or password is incorrect.' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/signin');
  });

  async function studentSignIn(code: string, username: string, pin: string): Promise<void> {
    await page.goto(`${BASE()}/student/signin`);
    await page.getByLabel('School code').fill(code);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('PIN or password').fill(pin);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: /Maya|Sam|Leo/ }).waitFor();
  }

  it('a student signs in, finds help, and the quick exit leaves and replaces history', async () => {
    await studentSignIn('BAYSIDE', 'maya', '2468');
    expect(new URL(page.url()).pathname).toBe('/student');
    await page.getByText('Health 7, Period 2', { exact: true }).first().waitFor();

    // The quick exit is reachable by keyboard before the content.
    await page.keyboard.press('Tab');
    const first = await page.evaluate(
      () => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.textContent,
    );
    const second = await (async () => {
      await page.keyboard.press('Tab');
      return page.evaluate(
        () => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.textContent,
      );
    })();
    expect([first, second]).toContain('quick-exit');

    await page.getByTestId('help-toggle').click();
    const help = page.getByTestId('help-panel');
    await help.waitFor();
    expect(await help.innerText()).toContain('1-888-373-7888');
    expect(await help.innerText()).toContain('233733');
    expect(await help.locator('a[href="tel:+18883737888"]').count()).toBe(1);
    expect(await help.locator('a[href="sms:233733"]').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'student-home');

    await page.getByTestId('quick-exit').click();
    await page.waitForURL('https://www.weather.gov/**');
    await page.goBack().catch(() => undefined);
    expect(page.url()).not.toMatch(/\/student$/);
    const me = await page.request.post(`${BASE()}/graphql`, {
      headers: { 'content-type': 'application/json' },
      data: { query: '{ me { id } }' },
    });
    expect(await me.json()).toEqual({ data: { me: null } });
  });

  it('pressing Escape twice is a quick exit too', async () => {
    await studentSignIn('PALMETTO', 'sam', '1122');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForURL('https://www.weather.gov/**');
  });

  it('a student can read Haven in Spanish', async () => {
    await studentSignIn('BAYSIDE', 'leo', '1357');
    await page
      .getByRole('group', { name: /Language|Idioma/ })
      .getByRole('button', { name: 'Español' })
      .click();
    await page.getByTestId('help-toggle').filter({ hasText: /ayuda/i }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'student-home-es');
  });
});
