import type { Browser, BrowserContext, Page } from 'playwright-core';
import { join } from 'node:path';
import {
  BASE,
  launch,
  openPage,
  screenshot,
  SCREENSHOTS,
  seriousViolations,
  signInStaff,
} from './support/browser';

const TITLE = 'Trusted Adults Around Me';

/**
 * An author writes a small module with a scenario in the graph editor, play-tests it and submits it; a
 * reviewer asks for a change; the author fixes it; the reviewer approves and publishes; a teacher finds it in
 * the catalog. Each person has their own browser context. The module id is new, so the journey does not
 * depend on other journeys.
 */
describe('authoring studio: write, review, publish', () => {
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

  async function signIn(email: string): Promise<Page> {
    const { context, page } = await openPage(browser, consoleErrors, { width: 1280, height: 900 });
    contexts.push(context);
    await signInStaff(page, email);
    return page;
  }

  async function saved(page: Page): Promise<void> {
    await page.getByRole('status').filter({ hasText: 'All changes saved.' }).waitFor();
  }

  it('goes from a new draft to a published module in the teacher catalog', async () => {
    // The author starts a module.
    const author = await signIn('author@gulfcoast.example');
    await author.getByRole('heading', { level: 1, name: 'Authoring studio' }).waitFor();
    await author.getByLabel('Module title').fill(TITLE);
    await author.getByLabel('Grade band').selectOption('3-5');
    expect(await author.getByLabel('Module id').inputValue()).toBe('trusted-adults-around-me-3-5');
    await author.getByRole('button', { name: 'Create draft' }).click();
    await author.waitForURL(/\/studio\/drafts\/[^/]+$/);
    await author.getByRole('heading', { level: 1, name: new RegExp(TITLE) }).waitFor();
    const draftUrl = author.url();
    expect(await seriousViolations(author)).toEqual([]);

    // In the graph editor: a new ending node, reached by a new choice from the start node.
    await author.getByRole('link', { name: 'Scenarios' }).click();
    await author
      .getByRole('region', { name: 'Scenario graph' })
      .or(author.getByLabel('Scenario graph'))
      .first()
      .waitFor();
    await author.getByRole('button', { name: 'Add node' }).click();
    const panel = author.locator('.scenario-panel');
    const heading = await panel
      .getByRole('heading', { name: /^Node / })
      .first()
      .textContent();
    const newNode = heading!.replace(/^Node /, '').trim();
    const text = panel.getByRole('group', { name: 'Text' });
    await text
      .getByLabel('English')
      .fill('You tell Ms. Lee at recess. She listens and thanks you for telling her.');
    await text
      .getByLabel('Spanish')
      .fill('Le cuentas a la maestra Lee en el recreo. Ella te escucha y te agradece por contárselo.');
    await panel.getByLabel('This node is an ending').check();
    const debrief = panel.getByRole('group', { name: 'Debrief' });
    await debrief.getByLabel('English').fill('Telling a safe adult is always a good choice.');
    await debrief
      .getByLabel('Spanish')
      .fill('Contarle a un adulto de confianza siempre es una buena decisión.');
    await saved(author);

    // The start node gets a choice leading to the new node.
    const nodeList = author
      .getByRole('list', { name: 'Scenario nodes' })
      .or(author.getByRole('navigation', { name: 'Scenario nodes' }));
    const startButton = nodeList.getByRole('button').first();
    await startButton.click();
    await panel.getByRole('button', { name: 'Add choice' }).click();
    const choice = panel.getByRole('group', { name: /^Choice \d+ / }).last();
    await choice
      .getByRole('group', { name: 'Choice text' })
      .getByLabel('English')
      .fill('Tell Ms. Lee at recess');
    await choice
      .getByRole('group', { name: 'Choice text' })
      .getByLabel('Spanish')
      .fill('Contarle a la maestra Lee en el recreo');
    await choice.getByLabel('Leads to').selectOption(newNode);
    await choice
      .getByRole('group', { name: 'Feedback' })
      .getByLabel('English')
      .fill('Good thinking: a teacher is a safe adult.');
    await choice
      .getByRole('group', { name: 'Feedback' })
      .getByLabel('Spanish')
      .fill('Bien pensado: una maestra es una adulta de confianza.');
    await saved(author);
    await author.getByText('No problems found: this draft can be submitted.').waitFor();
    await screenshot(author, 'studio-scenario-graph');
    // A full-page capture does not paint the graph's transformed layer: capture the canvas itself too.
    await author
      .locator('.scenario-editor__canvas')
      .screenshot({ path: join(SCREENSHOTS, 'studio-graph-canvas.png') });
    expect(await seriousViolations(author)).toEqual([]);

    // Play-test with the real engine: the new choice reaches the new ending.
    await author.getByRole('button', { name: 'Play-test' }).click();
    await author.getByRole('button', { name: 'Tell Ms. Lee at recess' }).click();
    await author.getByText('Good thinking: a teacher is a safe adult.', { exact: true }).waitFor();
    await author
      .getByText(/Ending:/)
      .first()
      .waitFor();
    await screenshot(author, 'studio-play-test');

    // Submit for review.
    await author.getByRole('link', { name: 'Review and publish' }).click();
    await author.getByRole('button', { name: 'Submit for review' }).click();
    await author.locator('h1 .badge').filter({ hasText: 'In review' }).waitFor();

    // The reviewer asks for a change.
    const reviewer = await signIn('reviewer@gulfcoast.example');
    await reviewer.getByRole('link', { name: 'Reviews' }).click();
    await reviewer.getByRole('heading', { level: 1, name: 'Reviews' }).waitFor();
    await reviewer.getByRole('link', { name: TITLE }).click();
    await reviewer.getByRole('link', { name: 'Review and publish' }).click();
    const educator = reviewer.getByRole('form', { name: 'Educator review' });
    await educator.getByLabel('Notes for the authors').fill('Please give the lesson time as 30 minutes.');
    await educator.getByRole('button', { name: 'Request changes' }).click();
    await reviewer.locator('h1 .badge').filter({ hasText: 'Changes requested' }).waitFor();
    expect(await seriousViolations(reviewer)).toEqual([]);
    await screenshot(reviewer, 'studio-review');

    // The author fixes it and submits again.
    await author.goto(draftUrl);
    await author.locator('h1 .badge').filter({ hasText: 'Changes requested' }).waitFor();
    await author.getByRole('link', { name: 'Review and publish' }).click();
    await author
      .getByText(/Please give the lesson time as 30 minutes\./)
      .first()
      .waitFor();
    await author.getByRole('link', { name: 'Lessons' }).click();
    await author.getByLabel('Minutes').first().fill('30');
    await saved(author);
    await author.getByRole('link', { name: 'Review and publish' }).click();
    await author.getByRole('button', { name: 'Submit for review' }).click();
    await author.locator('h1 .badge').filter({ hasText: 'In review' }).waitFor();

    // The reviewer approves both required reviews and publishes.
    await reviewer.reload();
    await reviewer.locator('h1 .badge').filter({ hasText: 'In review' }).waitFor();
    for (const kind of ['Educator', 'Trauma-informed']) {
      const form = reviewer.getByRole('form', { name: `${kind} review` });
      for (const box of await form.getByRole('checkbox').all()) await box.check();
      // Credited by the kind of review unless the reviewer chooses their name (the educator does here).
      if (kind === 'Educator') await form.getByRole('radio', { name: 'By my name' }).check();
      await form.getByRole('button', { name: 'Approve' }).click();
      await form
        .getByRole('checkbox')
        .first()
        .waitFor({ state: 'detached', timeout: 2000 })
        .catch(() => undefined);
    }
    await reviewer.locator('h1 .badge').filter({ hasText: 'Approved' }).waitFor();
    await reviewer.getByRole('button', { name: 'Publish this version' }).click();
    await reviewer.locator('h1 .badge').filter({ hasText: 'Published' }).waitFor();
    await reviewer
      .getByText('Educator: approved by Dr. Kim Nguyen (named in the published module)')
      .waitFor();
    await reviewer
      .getByText('Trauma-informed: approved by Dr. Kim Nguyen (not named in the published module)')
      .waitFor();
    await screenshot(reviewer, 'studio-published');

    // A teacher finds it in the catalog.
    const teacher = await signIn('teacher@gulfcoast.example');
    await teacher.getByRole('heading', { level: 1, name: 'My classes' }).waitFor();
    await teacher.goto(`${BASE()}/catalog`);
    await teacher.getByRole('link', { name: TITLE }).waitFor();

    expect(consoleErrors).toEqual([]);
  }, 150_000); // the longest journey (two people, a review round, publishing): more than the suite's 60 s

  it('imports a module folder as a new draft of that module', async () => {
    const author = await signIn('author@gulfcoast.example');
    await author.getByRole('heading', { level: 1, name: 'Authoring studio' }).waitFor();
    await author
      .getByLabel('Or a module folder')
      .setInputFiles(join(__dirname, '../curricula/body-autonomy-k-2'));
    await author.getByRole('button', { name: 'Import as a draft' }).click();
    await author.waitForURL(/\/studio\/drafts\/[^/]+$/);
    await author.getByText(/body-autonomy-k-2 · Revision of \d+\.\d+\.\d+/).waitFor();
    expect(await author.getByRole('alert').count()).toBe(0);
  });
});
