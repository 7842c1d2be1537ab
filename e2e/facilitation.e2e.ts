import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, openPage, screenshot, seriousViolations, signInStaff } from './support/browser';

const CLASS_NAME = 'Grade 3, Room 12';
const MODULE_ID = 'my-body-my-boundaries-3-5';
const MODULE_TITLE = 'My Body, My Boundaries';

/**
 * A grade 3 teacher teaches a lesson in class: facilitation mode on her screen, the projector view in a second
 * window that follows her, then who was present, which the progress page shows per student. The module may
 * already be assigned to the class by another journey (state filings); either way this one goes on from it.
 */
describe('teacher teaches a lesson in class', () => {
  let browser: Browser;
  let context: BrowserContext;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await context?.close();
    await browser.close();
  });

  it('runs facilitation mode with the projector view and records presence', async () => {
    const opened = await openPage(browser, consoleErrors);
    context = opened.context;
    const teacher: Page = opened.page;
    await signInStaff(teacher, 'ms.rivera@gulfcoast.example');
    await teacher.getByRole('heading', { level: 1, name: 'My classes' }).waitFor();
    await teacher.getByRole('link', { name: CLASS_NAME }).first().click();
    await teacher.getByRole('heading', { level: 1, name: CLASS_NAME }).waitFor();

    const assignments = teacher.getByRole('region', { name: 'Assignments' });
    const link = assignments.getByRole('link', { name: MODULE_TITLE });
    await assignments
      .getByRole('table')
      .or(assignments.getByText('No modules are assigned to this class yet.'))
      .first()
      .waitFor();
    if ((await link.count()) === 0) {
      const select = teacher.getByRole('combobox', { name: 'Module' });
      await select.locator(`option[value="${MODULE_ID}"]`).waitFor({ state: 'attached' });
      await select.selectOption(MODULE_ID);
      await teacher.getByRole('button', { name: 'Assign module' }).click();
      await link.waitFor();
    }
    await link.click();
    await teacher.waitForURL(/\/assignments\/[^/]+$/);

    // Facilitation mode for the first lesson.
    await teacher
      .getByRole('link', { name: /^Teach this lesson in class/ })
      .first()
      .click();
    await teacher.getByRole('heading', { level: 1, name: /^Teach in class:/ }).waitFor();
    await teacher.getByRole('heading', { name: /^Part 1 of \d+/ }).waitFor();
    await teacher.getByRole('heading', { name: 'Facilitator notes' }).waitFor();
    expect(await seriousViolations(teacher)).toEqual([]);

    // The projector view opens in its own window and follows the teacher.
    const [projector] = await Promise.all([
      context.waitForEvent('page'),
      teacher.getByRole('button', { name: 'Open projector view' }).click(),
    ]);
    await projector.waitForLoadState();
    await projector.getByText(/^Part 1 of \d+$/).waitFor();
    expect(await projector.getByText('Facilitator notes').count()).toBe(0);
    await teacher
      .getByRole('navigation', { name: 'Lesson parts' })
      .getByRole('button', { name: 'Next' })
      .click();
    await teacher.getByRole('heading', { name: /^Part 2 of \d+/ }).waitFor();
    await projector.getByText(/^Part 2 of \d+$/).waitFor();
    expect(await seriousViolations(projector)).toEqual([]);
    await screenshot(projector, 'facilitation-projector');
    await screenshot(teacher, 'facilitation-teacher');

    // Who was present: everyone is ticked to start with; one student was absent.
    const presence = teacher.getByRole('group', { name: 'Students present' });
    const boxes = presence.getByRole('checkbox');
    const total = await boxes.count();
    expect(total).toBeGreaterThan(1);
    await boxes.first().uncheck();
    await teacher.getByRole('button', { name: 'Save attendance' }).click();
    await teacher.getByText(`Saved: ${total - 1} students present in class for this lesson.`).waitFor();

    // The progress page shows who was present in class for that lesson.
    await teacher
      .getByRole('link', { name: /^Back to the assignment/ })
      .first()
      .click();
    // One cell per student present (the page's key also mentions the words, so count the cells).
    const present = teacher.getByRole('cell', { name: 'Present in class', exact: true });
    await present.nth(total - 2).waitFor();
    expect(await present.count()).toBe(total - 1);
    expect(consoleErrors).toEqual([]);
  });
});
