import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BASE, launch, openPage, screenshot, seriousViolations, signInStaff } from './support/browser';

const PASSWORD = 'haven-demo-2026';
const FIXTURE = join(__dirname, 'fixtures/oneroster-harbor');

/** The fixture's OneRoster CSV files, zipped the way a student information system exports them. */
function harborZip(): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (const file of readdirSync(FIXTURE)) files[file] = strToU8(readFileSync(join(FIXTURE, file), 'utf8'));
  return Buffer.from(zipSync(files));
}

/**
 * A school admin's small delta export: a new Bayside class with two new students, plus rows of the district org
 * and of Palmetto, which the principal's import lists as outside their school and leaves alone.
 */
function baysideZip(): Buffer {
  const csv = (...lines: string[]): Uint8Array => strToU8(lines.join('\n'));
  return Buffer.from(
    zipSync({
      'manifest.csv': csv(
        'propertyName,value',
        'manifest.version,1.0',
        'oneroster.version,1.1',
        'file.academicSessions,bulk',
        'file.orgs,delta',
        'file.classes,delta',
        'file.users,delta',
        'file.enrollments,delta',
        'file.courses,absent',
        'file.demographics,absent',
      ),
      'academicSessions.csv': csv(
        'sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear',
        'sy2027,,,2026-2027,schoolYear,2026-07-01,2027-06-30,,2027',
      ),
      'orgs.csv': csv(
        'sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId',
        'gc-district,active,2026-11-01,Gulf Coast County Schools,district,GCCS,',
        'gc-bayside,active,2026-11-01,Bayside Secondary School,school,BAYSIDE,gc-district',
        'gc-palmetto,active,2026-11-01,Palmetto Elementary School,school,PALMETTO,gc-district',
      ),
      'classes.csv': csv(
        'sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods',
        'bay-h9p6,active,2026-11-01,"Health 9, Period 6",09,,,scheduled,Room 9,gc-bayside,sy2027,Health,,',
      ),
      'users.csv': csv(
        'sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password',
        'bay-s-nia,active,2026-11-01,true,gc-bayside,student,nia.h9,,Nia,Brooks,,S9001,,,,,09,',
        'bay-s-omar,active,2026-11-01,true,gc-bayside,student,omar.h9,,Omar,Haddad,,S9002,,,,,09,',
        'palm-s-zoe,active,2026-11-01,true,gc-palmetto,student,zoe.p,,Zoe,Lane,,S1001,,,,,03,',
      ),
      'enrollments.csv': csv(
        'sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate',
        'bay-e1,active,2026-11-01,bay-h9p6,gc-bayside,bay-s-nia,student,false,,',
        'bay-e2,active,2026-11-01,bay-h9p6,gc-bayside,bay-s-omar,student,false,,',
      ),
    }),
  );
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
    consoleErrors.length = 0;
    ({ context, page } = await openPage(browser, consoleErrors));
  });
  afterEach(() => context.close());

  async function signIn(email: string, heading: string): Promise<void> {
    await signInStaff(page, email, PASSWORD);
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
    const { context: student, page: studentPage } = await openPage(browser, consoleErrors);
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

  // Last in this file: the district journey's bulk import would otherwise remove what this one links.
  it('a principal imports a small roster: only Bayside’s new class and students, the other rows listed as outside', async () => {
    await signIn('principal@gulfcoast.example', 'School overview');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rostering' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rostering' }).waitFor();
    await page.getByText(/Only the rows about your school are imported/).waitFor();

    await page.getByLabel('OneRoster zip file').setInputFiles({
      name: 'bayside-health-9.zip',
      mimeType: 'application/zip',
      buffer: baysideZip(),
    });
    await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
    await page.getByRole('heading', { name: '2. What would change' }).waitFor();
    const counts = page.getByRole('table', { name: 'Records to add, update and remove' });
    expect(await counts.getByRole('row', { name: /^Schools/ }).textContent()).toBe('Schools000');
    expect(await counts.getByRole('row', { name: /^Classes/ }).textContent()).toBe('Classes100');
    expect(await counts.getByRole('row', { name: /^Students/ }).textContent()).toBe('Students200');
    expect(await counts.getByRole('row', { name: /^Enrollments/ }).textContent()).toBe('Enrollments200');
    await page
      .getByText('4 rows are outside your school: they are listed below and will not be imported.')
      .waitFor();
    const issues = page.getByRole('table', { name: 'Issues by file and line' });
    const outside = issues.getByRole('row', { name: /outside your school: not imported/ });
    expect(await outside.allTextContents()).toEqual([
      'Warningorgs.csv2outside your school: not imported',
      'Warningorgs.csv4outside your school: not imported',
      'Warningusers.csv4outside your school: not imported',
    ]);
    await issues.getByRole('row', { name: /grades differ from Haven/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'school-roster-dry-run');

    await page.getByRole('button', { name: 'Apply the import' }).click();
    await page.getByRole('heading', { name: 'Initial PINs of 2 new students' }).waitFor();
    const pins = page.getByRole('table', { name: /New students’ sign-in details/ });
    expect(await pins.getByRole('row', { name: /Nia/ }).textContent()).toMatch(
      /^Bayside Secondary SchoolBAYSIDENiania\.h9\d{6}$/,
    );
    await page
      .getByRole('table', { name: 'Recent imports, newest first' })
      .getByRole('row', { name: /bayside-health-9\.zip/ })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'school-roster-pins');
    await page.getByRole('button', { name: 'I have saved the PINs: close this sheet' }).click();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Classes' }).click();
    const classes = page.getByRole('table', { name: 'Classes at Bayside Secondary School' });
    expect(await classes.getByRole('row', { name: /Health 9, Period 6/ }).textContent()).toMatch(
      /^Health 9, Period 69/,
    );
    expect(consoleErrors).toEqual([]);
  });
});
