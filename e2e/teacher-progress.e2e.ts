import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BASE, launch, openPage, screenshot, seriousViolations, signInStaff } from './support/browser';

const CLASS_NAME = 'Health 10, Period 4';
const MODULE_ID = 'recognizing-trafficking-9-12';
const MODULE_TITLE = 'Recognizing Human Trafficking';

/**
 * A teacher assigns a module to Health 10 (other journeys use Health 7), a student answers the pre-test,
 * and the teacher sees it on the progress page. Teacher and student each have their own browser context.
 */
describe('teacher assigns a module and follows progress', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser.close();
  });

  async function newPage(): Promise<Page> {
    const { context, page } = await openPage(browser, consoleErrors);
    contexts.push(context);
    return page;
  }

  it('assigns, the student starts, and the teacher sees the first step done', async () => {
    // The teacher assigns the module from the class page.
    const teacher = await newPage();
    await signInStaff(teacher, 'teacher@gulfcoast.example');
    await teacher.getByRole('heading', { level: 1, name: 'My classes' }).waitFor();
    await teacher.getByRole('link', { name: CLASS_NAME }).first().click();
    await teacher.getByRole('heading', { level: 1, name: CLASS_NAME }).waitFor();

    const assignments = teacher.getByRole('region', { name: 'Assignments' });
    await assignments.getByText('No modules are assigned to this class yet.').waitFor();
    const select = teacher.getByRole('combobox', { name: 'Module' });
    await select.locator(`option[value="${MODULE_ID}"]`).waitFor({ state: 'attached' });
    await select.selectOption(MODULE_ID);
    await teacher.getByRole('button', { name: 'Assign module' }).click();
    await teacher
      .getByRole('status')
      .filter({ hasText: `“${MODULE_TITLE}” is assigned to ${CLASS_NAME}.` })
      .waitFor();
    const link = assignments.getByRole('link', { name: MODULE_TITLE });
    await link.waitFor();
    const progressPath = await link.getAttribute('href');
    expect(progressPath).toMatch(/^\/teacher\/classes\/[^/]+\/assignments\/[^/]+$/);
    expect(await teacher.getByRole('alert').count()).toBe(0);
    expect(await seriousViolations(teacher)).toEqual([]);
    await screenshot(teacher, 'teacher-assign');

    // The student opens it from My lessons and sends the pre-test, skipping the questions.
    const student = await newPage();
    await student.goto(`${BASE()}/student/signin`);
    await student.getByLabel('School code').fill('BAYSIDE');
    await student.getByLabel('Username').fill('priya');
    await student.getByLabel('PIN or password').fill('2020');
    await student.getByRole('button', { name: 'Sign in' }).click();
    await student.getByRole('heading', { level: 2, name: 'My lessons' }).waitFor();
    const card = student.locator('.lesson-card').filter({ hasText: MODULE_TITLE });
    await card.getByText('Not started').waitFor();
    await card.getByRole('link', { name: MODULE_TITLE }).click();
    await student.waitForURL(/\/student\/lessons\/[^/]+$/);
    await student.getByText(/Step 1 of \d+/).waitFor();
    const send = student.getByRole('button', { name: 'Send my answers' });
    await send.click();
    await student.getByText(/Press “Send my answers” again to send the rest/).waitFor();
    await send.click();
    await student
      .locator('.save-status')
      .filter({ hasText: /^Saved$/ })
      .waitFor();

    // The teacher follows the link from the class page and sees Priya in progress, step 1 done.
    await link.click();
    await teacher.waitForURL((u) => u.pathname === progressPath);
    await teacher.getByRole('heading', { level: 1, name: MODULE_TITLE }).waitFor();
    const table = teacher.getByRole('table', { name: /Progress of each student/ });
    const priya = table.getByRole('row').filter({ has: teacher.getByRole('rowheader', { name: 'Priya' }) });
    await priya.getByText('In progress').waitFor();
    const steps = priya.locator('td.step-cell');
    expect(await steps.count()).toBeGreaterThan(1);
    expect((await steps.nth(0).innerText()).trim()).toBe('Done');
    expect((await steps.nth(1).innerText()).trim()).toBe('Current');
    const leo = table.getByRole('row').filter({ has: teacher.getByRole('rowheader', { name: 'Leo' }) });
    await leo.getByText('Not started').waitFor();
    await teacher
      .getByRole('region', { name: 'Reflections' })
      .getByText(/do not question the student/)
      .waitFor();
    expect(await seriousViolations(teacher)).toEqual([]);
    await screenshot(teacher, 'teacher-progress');

    // Class insights, opened on demand: one student answered the pre-test only, so every figure is hidden.
    const insights = teacher.getByRole('region', { name: 'Class insights' });
    await insights.getByRole('button', { name: 'Show class insights' }).click();
    const prePost = insights.getByRole('table', { name: 'Before and after, per construct' });
    await prePost.waitFor();
    await prePost
      .getByText('Fewer than 5 students answered both: hidden to protect privacy.')
      .first()
      .waitFor();
    await insights
      .getByText('Fewer than 5 students reached this point: hidden to protect privacy.')
      .first()
      .waitFor();
    expect(await seriousViolations(teacher)).toEqual([]);
    await insights.scrollIntoViewIfNeeded();
    await screenshot(teacher, 'teacher-class-insights');

    // The letter to parents and guardians, in Spanish, ready to print.
    await teacher.getByRole('link', { name: /Letter to parents and guardians/ }).click();
    await teacher.getByRole('heading', { level: 1, name: 'Letter to parents and guardians' }).waitFor();
    await teacher.getByRole('link', { name: 'Español' }).click();
    const letter = teacher.locator('article.letter[lang="es"]');
    await letter.waitFor();
    expect(await letter.innerText()).toMatch(/Estimad/);
    expect(await seriousViolations(teacher)).toEqual([]);
    await screenshot(teacher, 'teacher-parent-letter');
    expect(consoleErrors).toEqual([]);
  });
});
