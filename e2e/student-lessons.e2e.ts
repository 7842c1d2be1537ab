import {
  request,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
  type Route,
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

  // The visible save status (the live region beside it speaks only when the connection goes or comes back).
  const saveStatus = (text: RegExp) => page.locator('.save-status').filter({ hasText: text });
  const saved = () => saveStatus(/^Saved$/).waitFor();

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
    await saveStatus(/Offline: your answers are kept on this device/).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /Offline: your answers are kept/ })
      .waitFor();
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

    // A choice made while the server cannot be reached is kept on the device (IndexedDB): a reload before it
    // is sent still shows it, and once the server is back it reaches the server after the earlier ones.
    const { path: pathBefore } = (await serverProgress(assignmentId)).scenarioRuns.find(
      (r) => r.scenarioId === 'the-new-follower',
    )!;
    const unreachable = (route: Route) =>
      route.request().postData()?.includes('submitProgress')
        ? route.abort('internetdisconnected')
        : route.continue();
    await page.route('**/graphql', unreachable);
    await page.locator('.button--choice').first().click();
    await saveStatus(/Offline/).waitFor();
    const keptLine = (await page.locator('.conversation .dialogue__text').last().innerText()).trim();
    await page.reload();
    await page.getByText('Step 4 of 6').waitFor();
    expect(await page.locator('.conversation .dialogue--you').count()).toBe(2);
    expect((await page.locator('.conversation .dialogue__text').last().innerText()).trim()).toBe(keptLine);
    await page.unroute('**/graphql', unreachable);
    await saved(); // the next retry gets through
    const run = (await serverProgress(assignmentId)).scenarioRuns.find(
      (r) => r.scenarioId === 'the-new-follower',
    )!;
    expect(run.path.slice(0, pathBefore.length)).toEqual(pathBefore);
    expect(run.path).toHaveLength(pathBefore.length + 1);
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

  /** The focused element's accessible text: its label for a form field, else its text. */
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      if (!el || el === document.body) return { name: '', tag: '', type: '', checked: false, group: false };
      const name = (el.labels?.[0]?.innerText ?? el.getAttribute('aria-label') ?? el.innerText ?? '').trim();
      const group =
        el.type === 'radio' && !!document.querySelector(`input[type="radio"][name="${el.name}"]:checked`);
      return { name, tag: el.tagName, type: el.type ?? '', checked: !!el.checked, group };
    });

  /** Presses Tab until the focused element's text matches (keyboard only: no clicks). */
  async function tabTo(name: RegExp, limit = 80): Promise<void> {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      if (name.test((await focused()).name)) return;
    }
    throw new Error(`Tab never reached ${name}`);
  }

  it('a student plays by keyboard alone, in Spanish, and leaves the lesson with Escape twice', async () => {
    await page.goto(`${BASE()}/student/signin`);
    await tabTo(/^Español$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Acceso para estudiantes' }).waitFor();
    await tabTo(/^Código de la escuela/);
    await page.keyboard.type('BAYSIDE');
    await tabTo(/^Nombre de usuario/);
    await page.keyboard.type('noah');
    await tabTo(/^PIN o contraseña/);
    await page.keyboard.type('7878');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Mis lecciones' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');

    // The module, in Spanish (its title, status and the player).
    await tabTo(/Amigos reales, ofertas falsas/);
    await page.keyboard.press('Enter');
    await page.getByText('Paso 1 de 6').waitFor();

    // The pre-test: Tab reaches each question's options, Space picks one, Enter on the button sends.
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      if (f.type === 'radio' && !f.group) await page.keyboard.press('Space');
      if (/^Enviar mis respuestas$/.test(f.name)) break;
    }
    expect((await focused()).name).toBe('Enviar mis respuestas');
    expect(await page.locator('fieldset.question').count()).toBe(
      await page.locator('fieldset.question:has(input:checked)').count(),
    );
    await page.keyboard.press('Enter');

    // The content warning, then the lesson, part by part.
    await page.getByRole('heading', { level: 2, name: 'Antes de continuar' }).waitFor();
    await tabTo(/^Continuar$/);
    await page.keyboard.press('Enter');
    await page.getByText(/Parte 1 de \d+/).waitFor();
    await tabTo(/^Siguiente$/);
    await page.keyboard.press('Enter');
    await page.getByText(/Parte 2 de \d+/).waitFor();
    // Focus moves to the new part, so the next Tab goes on from there.
    await tabTo(/^Siguiente$/);
    await page.keyboard.press('Enter');
    await page.getByText(/Parte 3 de \d+/).waitFor();
    expect(await page.title()).toBe('Lección · Haven');
    // The lesson's illustration, served by Haven, with its Spanish alt text.
    const illustration = page.locator('.lesson-player__body img');
    expect(await illustration.getAttribute('alt')).toMatch(/^Un chat en un teléfono/);
    await page.waitForFunction(() => {
      const image = document.querySelector<HTMLImageElement>('.lesson-player__body img');
      return !!image && image.complete && image.naturalWidth > 0;
    });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'student-lesson-es');
    await page
      .locator('.save-status')
      .filter({ hasText: /^Guardado$/ })
      .waitFor();

    // Escape twice: the lesson is gone from the tab and from Back.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => !url.href.startsWith(BASE()));
    await page.goBack().catch(() => undefined);
    expect(page.url()).not.toContain('/student/lessons/');
    expect(consoleErrors).toEqual([]);
  });
});
