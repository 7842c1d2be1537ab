import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BASE, launch, screenshot, seriousViolations, stubNeutralSite } from './support/browser';

const PASSWORD = 'haven-demo-2026';

describe('district compliance journey', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser.close());

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 860 }, bypassCSP: true });
    page = await context.newPage();
    consoleErrors.length = 0;
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await stubNeutralSite(page);
  });
  afterEach(() => context.close());

  it('a district admin checks the mandates, drills down to a student and exports the evidence', async () => {
    await page.goto(`${BASE()}/signin`);
    await page.getByLabel('Email').fill('admin@gulfcoast.example');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'District overview' }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mandates' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mandate compliance' }).waitFor();
    await page
      .getByText(/Florida/)
      .first()
      .waitFor();
    const bayside = page.getByRole('table', { name: 'Grades at Bayside Secondary School' });
    await bayside.waitFor();
    expect(await page.getByRole('img', { name: /Bar chart/ }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'district-compliance');

    await bayside.getByRole('link', { name: 'Grade 7' }).click();
    await page.getByRole('heading', { level: 1, name: /^Grade 7, Bayside Secondary School$/ }).waitFor();
    const students = page.getByRole('table', { name: /^Students in Grade 7/ });
    await students.waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await students
      .getByRole('link', { name: /^(Noah|Jordan)/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: /^(Noah|Jordan)/ }).waitFor();
    await page.getByText('Window').first().waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/district\/compliance\/student\//);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'district-student');

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Evidence export' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Compliance evidence report' }).waitFor();
    await page.getByRole('table', { name: 'Grades at Bayside Secondary School' }).waitFor();
    await page.getByRole('table', { name: 'Staff and their trainings' }).waitFor();
    const csv = page.getByRole('link', { name: /^Download CSV/ });
    const href = await csv.getAttribute('href');
    expect(href).toMatch(/^\/exports\/compliance\.csv\?schoolYear=\d{4}-\d{4}$/);
    // context.request shares the page's cookies: the export is read as the signed-in admin.
    const response = await page.request.get(`${BASE()}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/csv/);
    const firstLine = (await response.text()).split(/\r?\n/)[0] ?? '';
    expect(firstLine.split(',').length).toBeGreaterThan(3);
    expect(firstLine.toLowerCase()).toMatch(/school/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'district-report');

    expect(consoleErrors).toEqual([]);
  });
});
