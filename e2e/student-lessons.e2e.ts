import {
  request,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
} from 'playwright-core';
import { BASE, launch, screenshot, seriousViolations, stubNeutralSite } from './support/browser';

const MODULE_TITLE = /Real Friends, Fake Offers/;

interface ServerProgress {
  status: string;
  stepIndex: number;
  blockIndex: number;
  completedSteps: number[];
  scenarioRuns: { scenarioId: string; runNo: number; path: string[]; ended: boolean }[];
  answers: { itemId: string }[];
}

async function gql<T>(api: APIRequestContext, query: string): Promise<T> {
  const res = await api.post(`${BASE()}/graphql`, {
    headers: { 'content-type': 'application/json' },
    data: { query },
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(JSON.stringify(body.errors ?? body));
  return body.data;
}

/** The demo data has no assignments: the teacher assigns the module to Health 7, Period 2. */
async function assignModule(): Promise<void> {
  const api = await request.newContext();
  try {
    await gql(
      api,
      'mutation { signIn(input: { email: "teacher@gulfcoast.example", password: "haven-demo-2026" }) { id } }',
    );
    const { classes } = await gql<{ classes: { id: string; name: string }[] }>(
      api,
      '{ classes { id name } }',
    );
    const target = classes.find((c) => c.name === 'Health 7, Period 2');
    if (!target) throw new Error(`No Health 7, Period 2 in ${classes.map((c) => c.name).join(', ')}`);
    await gql(
      api,
      `mutation { assignModule(input: { classId: "${target.id}", moduleId: "online-safety-6-8" }) { id } }`,
    );
  } finally {
    await api.dispose();
  }
}

describe('student lessons', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    browser = await launch();
    await assignModule();
  });
  afterAll(() => browser.close());

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 860 }, bypassCSP: true });
    page = await context.newPage();
    consoleErrors.length = 0;
    page.on('console', (m) => {
      // Requests refused while the test has the browser offline are expected.
      if (m.type() === 'error' && !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(m.text()))
        consoleErrors.push(m.text());
    });
    await stubNeutralSite(page);
  });
  afterEach(() => context.close());

  async function serverProgress(assignmentId: string): Promise<ServerProgress> {
    const data = await gql<{ myAssignment: { progress: ServerProgress } }>(
      page.request,
      `{ myAssignment(id: "${assignmentId}") { progress { status stepIndex blockIndex completedSteps
         scenarioRuns { scenarioId runNo path ended } answers { itemId } } } }`,
    );
    return data.myAssignment.progress;
  }

  const saved = () =>
    page
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor();

  async function answerAll(): Promise<void> {
    const questions = page.locator('fieldset.question');
    const count = await questions.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) await questions.nth(i).locator('input[type="radio"]').first().check();
  }

  async function readLesson(reflection?: string): Promise<void> {
    const thoughts = page.getByRole('heading', { name: 'Your thoughts' });
    for (let i = 0; i < 40 && !(await thoughts.isVisible()); i++) {
      await page.getByRole('button', { name: 'Next' }).click();
    }
    if (reflection) await page.getByLabel(/What is one thing you want to remember/).fill(reflection);
    await page.getByRole('button', { name: 'Finish lesson' }).click();
  }

  it('a student plays a module from pre-test to post-test, offline and across a reload', async () => {
    await page.goto(`${BASE()}/student/signin`);
    await page.getByLabel('School code').fill('BAYSIDE');
    await page.getByLabel('Username').fill('ana');
    await page.getByLabel('PIN or password').fill('3434');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 2, name: 'My lessons' }).waitFor();

    // My lessons: the assigned module, not started.
    const card = page.locator('.lesson-card').filter({ hasText: MODULE_TITLE });
    await card.getByText('Not started').waitFor();
    await card.getByRole('link', { name: MODULE_TITLE }).click();
    await page.waitForURL(/\/student\/lessons\/[0-9a-f-]+$/);
    const assignmentId = new URL(page.url()).pathname.split('/').pop()!;

    // Pre-test. The tab title stays neutral: nothing about the topic in the tab or the history.
    await page.getByText('Step 1 of 6').waitFor();
    expect(await page.title()).toBe('Lesson · Haven');
    expect(await page.locator('[aria-current="step"]').count()).toBe(1);
    await answerAll();
    await page.getByRole('button', { name: 'Send my answers' }).click();

    // Content warning before the first lesson.
    await page.getByRole('heading', { level: 2, name: 'Before you continue' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();

    // Lesson 1, one block at a time.
    await page.getByText(/Part 1 of \d+/).waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText(/Part 2 of \d+/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'student-lesson');
    await readLesson('Check who someone really is.');
    await saved();

    // Offline for three steps in lesson 2: nothing is lost.
    await page.getByText('Step 3 of 6').waitFor();
    await context.setOffline(true);
    for (let n = 2; n <= 4; n++) {
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByText(new RegExp(`Part ${n} of \\d+`)).waitFor();
    }
    await page.getByText(/Offline: your answers are kept on this device/).waitFor();
    await context.setOffline(false);
    await saved();
    const midway = await serverProgress(assignmentId);
    expect(midway.stepIndex).toBe(2);
    expect(midway.blockIndex).toBe(3);
    expect(midway.completedSteps).toEqual([0, 1]);
    await readLesson();

    // The scenario: play, reload mid-way, resume at the same node.
    await page.getByText('Step 4 of 6').waitFor();
    await page.locator('.button--choice').first().click();
    await saved();
    const lastLine = (await page.locator('.conversation .dialogue__text').last().innerText()).trim();
    await page.reload();
    await page.getByText('Step 4 of 6').waitFor();
    expect((await page.locator('.conversation .dialogue__text').last().innerText()).trim()).toBe(lastLine);
    expect(await page.locator('.conversation .dialogue--you').count()).toBe(1);
    const debrief = page.getByRole('heading', { name: 'What happened' });
    for (let i = 0; i < 20 && !(await debrief.isVisible()); i++) {
      await page.locator('.button--choice').first().click();
      await page.waitForTimeout(50);
    }
    await debrief.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'student-scenario');
    // Try a different path, then finish it.
    await page.getByRole('button', { name: 'Try a different path' }).click();
    await page.getByRole('heading', { name: 'What do you do?' }).waitFor();
    expect(await page.locator('.conversation .dialogue--you').count()).toBe(0);
    for (let i = 0; i < 20 && !(await debrief.isVisible()); i++) {
      await page.locator('.button--choice').last().click();
      await page.waitForTimeout(50);
    }
    await page.getByRole('button', { name: 'Continue', exact: true }).click();

    // Lesson 3, then the post-test.
    await page.getByText('Step 5 of 6').waitFor();
    await readLesson();
    await page.getByText('Step 6 of 6').waitFor();
    await answerAll();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'student-assessment');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('heading', { name: 'You finished this module' }).waitFor();
    await saved();

    const done = await serverProgress(assignmentId);
    expect(done.status).toBe('completed');
    expect(done.completedSteps).toEqual([0, 1, 2, 3, 4, 5]);
    const runs = done.scenarioRuns.filter((r) => r.scenarioId === 'the-new-follower');
    expect(runs.map((r) => r.ended)).toEqual([true, true]);

    await page.getByRole('link', { name: 'Back to my lessons' }).first().click();
    await page.locator('.lesson-card').filter({ hasText: MODULE_TITLE }).getByText('Completed').waitFor();
    expect(consoleErrors).toEqual([]);
  });
});
