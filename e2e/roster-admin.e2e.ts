import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BASE, launch, screenshot, seriousViolations, stubNeutralSite } from './support/browser';

const PASSWORD = 'haven-demo-2026';
const FIXTURE = join(__dirname, 'fixtures/oneroster-harbor');

/** The fixture's OneRoster CSV files, zipped the way a student information system exports them. */
function harborZip(): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (const file of readdirSync(FIXTURE)) files[file] = strToU8(readFileSync(join(FIXTURE, file), 'utf8'));
  return Buffer.from(zipSync(files));
}

describe('rostering journey', () => {
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

  async function signIn(email: string, heading: string): Promise<void> {
    await page.goto(`${BASE()}/signin`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }

  it('a district admin imports a OneRoster export: dry run, apply, the new PINs once, the history', async () => {
    await signIn('admin@gulfcoast.example', 'District overview');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rostering' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rostering' }).waitFor();
    await page.getByText('No imports yet. Dry runs are not recorded.').waitFor();

    await page.getByLabel('OneRoster zip file').setInputFiles({
      name: 'harbor-point.zip',
      mimeType: 'application/zip',
      buffer: harborZip(),
    });
    await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
    await page.getByRole('heading', { name: '2. What would change' }).waitFor();
    const counts = page.getByRole('table', { name: 'Records to add, update and remove' });
    expect(await counts.getByRole('row', { name: /^Schools/ }).textContent()).toBe('Schools100');
    expect(await counts.getByRole('row', { name: /^Students/ }).textContent()).toBe('Students200');
    expect(await counts.getByRole('row', { name: /^Enrollments/ }).textContent()).toBe('Enrollments300');
    const issues = page.getByRole('table', { name: 'Issues by file and line' });
    expect(await issues.getByRole('row').count()).toBe(2);
    expect(await issues.getByRole('row').nth(1).textContent()).toMatch(/^Warningusers\.csv.*parent/);
    await page.getByLabel('Show').selectOption('error');
    await page.getByText('Showing 0 of 1 issues.').waitFor();
    await page.getByLabel('Show').selectOption('all');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'roster-dry-run');

    await page.getByRole('button', { name: 'Apply the import' }).click();
    await page.getByRole('heading', { name: 'Initial PINs of 2 new students' }).waitFor();
    await page.getByText('The import was applied.').waitFor();
    await page.getByText('Shown only once.').waitFor();
    const pins = page.getByRole('table', { name: /New students’ sign-in details/ });
    const amara = await pins.getByRole('row', { name: /Amara/ }).textContent();
    expect(amara).toMatch(/^Harbor Point Middle SchoolHARBOR-PTAmaraamara\.hp\d{6}$/);
    expect(amara).not.toContain('Okoye'); // family names are never kept
    await page.getByRole('button', { name: 'Download the PINs (CSV)' }).waitFor();
    const history = page.getByRole('table', { name: 'Recent imports, newest first' });
    await history.getByRole('row', { name: /harbor-point\.zip/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'roster-pins');

    // The new student signs in with the PIN from the sheet.
    const pin = amara!.slice(-6);
    await page.getByRole('button', { name: 'I have saved the PINs: close this sheet' }).click();
    expect(await page.getByText(pin).count()).toBe(0);
    const student = await browser.newContext({ viewport: { width: 1280, height: 860 }, bypassCSP: true });
    const studentPage = await student.newPage();
    await stubNeutralSite(studentPage);
    await studentPage.goto(`${BASE()}/student/signin`);
    await studentPage.getByLabel('School code').fill('HARBOR-PT');
    await studentPage.getByLabel('Username').fill('amara.hp');
    await studentPage.getByLabel('PIN or password').fill(pin);
    await studentPage.getByRole('button', { name: 'Sign in' }).click();
    await studentPage.getByRole('heading', { level: 2, name: 'My lessons' }).waitFor();
    await student.close();
    expect(consoleErrors).toEqual([]);
  });

  it('a principal adds a class by hand and renames it', async () => {
    await signIn('principal@gulfcoast.example', 'School overview');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Classes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Classes' }).waitFor();
    await page.getByRole('table', { name: 'Classes at Bayside Secondary School' }).waitFor();

    await page.getByLabel('Class name').fill('Health 8, Period 1');
    await page.getByRole('group', { name: 'Grade levels' }).getByLabel('Grade 8').check();
    await page
      .getByRole('group', { name: 'Teachers (school staff)' })
      .getByLabel(/Mr\. James Okafor/)
      .check();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Add the class' }).click();
    await page.getByText('“Health 8, Period 1” was added.').waitFor();
    const row = page
      .getByRole('table', { name: 'Classes at Bayside Secondary School' })
      .getByRole('row', { name: /Health 8, Period 1/ });
    expect(await row.textContent()).toMatch(/Health 8, Period 18.*Mr\. James Okafor0$/);
    await screenshot(page, 'school-classes');

    await page.getByRole('link', { name: 'Edit Health 8, Period 1' }).click();
    await page.getByRole('heading', { level: 1, name: 'Class: Health 8, Period 1' }).waitFor();
    await page.getByLabel('Class name').fill('Health 8, Period 1 (Room 14)');
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await page.getByText('Saved: “Health 8, Period 1 (Room 14)”.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Class: Health 8, Period 1 (Room 14)' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'school-class-edit');

    await page.getByRole('link', { name: 'Back to classes' }).click();
    await page
      .getByRole('table', { name: 'Classes at Bayside Secondary School' })
      .getByRole('link', { name: 'Health 8, Period 1 (Room 14)' })
      .waitFor();
    expect(consoleErrors).toEqual([]);
  });
});
