import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BASE, launch, openPage, screenshot, seriousViolations, signInStaff } from './support/browser';

const PASSWORD = 'haven-demo-2026';
const STATEMENT = 'I share what helped me, so students know the signs and who to tell.';

describe('state filings and facilitator profiles journey', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    browser = await launch();
    // Ms. Rivera assigns the grade 3 module, so the district's plan has something to show for grade 3.
    const api = await browser.newContext();
    const gql = async (query: string, variables: Record<string, unknown> = {}) =>
      (
        await api.request.post(`${BASE()}/graphql`, {
          headers: { 'content-type': 'application/json' },
          data: { query, variables },
        })
      ).json();
    await gql('mutation($i: StaffSignInInput!) { signIn(input: $i) { id } }', {
      i: { email: 'ms.rivera@gulfcoast.example', password: PASSWORD },
    });
    const classes = await gql('{ classes { id name } }');
    const grade3 = classes.data.classes.find((c: { name: string }) => c.name === 'Grade 3, Room 12');
    const assigned = await gql('mutation($i: AssignModuleInput!) { assignModule(input: $i) { id } }', {
      i: { classId: grade3.id, moduleId: 'my-body-my-boundaries-3-5' },
    });
    // The facilitation journey may have assigned it first: a class gets each module once.
    if (assigned.errors) expect(assigned.errors[0].extensions.code).toBe('CONFLICT');
    await api.close();
  });
  afterAll(() => browser.close());

  beforeEach(async () => {
    consoleErrors.length = 0;
    ({ context, page } = await openPage(browser, consoleErrors));
  });
  afterEach(() => context.close());

  async function staffSignIn(email: string, heading: string): Promise<void> {
    await signInStaff(page, email, PASSWORD);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }

  it('a teacher writes their facilitator profile and chooses to be listed, as a survivor facilitator too', async () => {
    await staffSignIn('ms.rivera@gulfcoast.example', 'My classes');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'My facilitator profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'My facilitator profile' }).waitFor();
    await page.getByLabel('Name shown to colleagues').fill('Sofia Rivera');
    await page.getByLabel('Pronouns (optional)').fill('she/her');
    await page
      .getByLabel('About your facilitation')
      .fill('Grade 3 teacher at Palmetto. I teach body safety in English and Spanish.');
    await page.getByLabel('English').check();
    await page.getByLabel('Spanish').check();
    await page.getByLabel("List my profile in my district's facilitator directory").check();
    await page.getByRole('button', { name: 'Save my profile' }).click();
    await page.getByText('Your profile is saved.').waitFor();

    await page.getByLabel('What you choose to share').fill(STATEMENT);
    await page.getByLabel('I choose to be listed as a survivor facilitator').check();
    await page.getByRole('button', { name: 'List me as a survivor facilitator' }).click();
    await page.getByText('You are listed as a survivor facilitator.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'facilitator-profile');

    await nav.getByRole('link', { name: 'Facilitators' }).click();
    await page.getByRole('heading', { level: 1, name: 'Facilitators' }).waitFor();
    await page.getByRole('heading', { name: /Sofia Rivera/ }).waitFor();
    await page.getByText(STATEMENT).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('a district admin opens the Florida plan draft, prints it and downloads the CSV', async () => {
    await staffSignIn('admin@gulfcoast.example', 'District overview');
    await page.getByRole('heading', { name: 'Expiring soon' }).waitFor();
    await page.getByText(/Mr\. David Chen: Haven facilitator basics/).waitFor();

    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'State filings' }).click();
    await page.getByRole('heading', { level: 1, name: 'State filings' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page
      .getByRole('link', { name: /^Open the draft: Child trafficking prevention implementation plan/ })
      .click();
    await page
      .getByRole('heading', { level: 1, name: 'Child trafficking prevention implementation plan (draft)' })
      .waitFor();
    await page.getByText('Draft — check before filing.').waitFor();
    await page.getByText(/Where the law is unclear/).waitFor();
    const grade3 = page.getByRole('table', { name: 'Modules for Grade 3' });
    await grade3.waitFor();
    expect(await grade3.textContent()).toContain('My Body, My Boundaries');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'filings-fl-plan');

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    await screenshot(page, 'filings-fl-plan-print');
    await page.emulateMedia({ media: 'screen' });

    const href = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    expect(href).toMatch(/^\/exports\/filings\/fl-implementation-plan\.csv\?schoolYear=\d{4}-\d{4}$/);
    const response = await page.request.get(`${BASE()}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/csv/);
    const lines = (await response.text()).trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^district,plan_year,based_on_school_year,due_on,grade,material/);
    expect(lines.some((l) => l.includes('my-body-my-boundaries-3-5'))).toBe(true);

    await nav.getByRole('link', { name: 'Facilitators' }).click();
    await page.getByRole('heading', { level: 1, name: 'Facilitators' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'facilitator-directory');
    expect(consoleErrors).toEqual([]);
  });
});
