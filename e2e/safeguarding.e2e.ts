import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BASE, launch, openPage, screenshot, seriousViolations, signInStaff } from './support/browser';

const MESSAGE = 'Someone at home is scaring me. Can we talk?';

/**
 * Kai (Bayside, grade 7; no other journey uses Kai) asks to talk to someone with a short message. The
 * school counsellor, Bayside's designated safeguarding staff, signs in, sees the open alert on her home,
 * opens the Safeguarding page, reads it and acknowledges it with a note.
 */
describe('a student asks to talk, and the designated counsellor follows up', () => {
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

  it('Kai asks to talk; the counsellor sees and acknowledges it', async () => {
    const student = await newPage();
    await student.goto(`${BASE()}/student/signin`);
    await student.getByLabel('School code').fill('BAYSIDE');
    await student.getByLabel('Username').fill('kai');
    await student.getByLabel('PIN or password').fill('5656');
    await student.getByRole('button', { name: 'Sign in' }).click();
    await student.getByRole('heading', { level: 2, name: 'My lessons' }).waitFor();

    const talk = student.getByRole('region', { name: 'Want to talk to someone?' });
    await talk.getByRole('button', { name: 'I want to talk to someone' }).click();
    const box = talk.getByRole('textbox', { name: 'Anything you’d like them to know? (optional)' });
    await box.waitFor();
    // Focus moves into the form, so keyboard and screen-reader users land where they type.
    await student.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
    await box.fill(MESSAGE);
    // The quick exit and help stay on screen while the form is open.
    expect(await student.getByTestId('quick-exit').isVisible()).toBe(true);
    expect(await student.getByTestId('help-toggle').isVisible()).toBe(true);
    expect(await seriousViolations(student)).toEqual([]);
    await screenshot(student, 'safeguarding-student-ask');

    await talk.getByRole('button', { name: 'Send' }).click();
    await student.getByRole('heading', { name: 'Thank you for telling us' }).waitFor();
    await student.getByText('A trusted adult at your school will follow up.').waitFor();
    expect(await seriousViolations(student)).toEqual([]);
    await screenshot(student, 'safeguarding-student-sent');

    // The counsellor signs in: her home says an alert is open.
    const counsellor = await newPage();
    await signInStaff(counsellor, 'counsellor@gulfcoast.example');
    await counsellor.getByRole('heading', { level: 1, name: 'My classes' }).waitFor();
    const inbox = counsellor.getByTestId('safeguarding-inbox');
    await inbox.getByText('Safeguarding: 1 open alert').waitFor();
    await inbox.getByRole('link', { name: 'Open the safeguarding page' }).click();

    await counsellor.getByRole('heading', { level: 1, name: 'Safeguarding' }).waitFor();
    const open = counsellor.getByRole('region', { name: 'Open alerts' });
    const alert = open.getByRole('listitem', { name: 'Kai, Grade 7: Asked to talk to someone' });
    await alert.waitFor();
    await alert.getByText(MESSAGE).waitFor();
    await alert.getByText('Health 7, Period 2').waitFor();
    expect(await seriousViolations(counsellor)).toEqual([]);
    await screenshot(counsellor, 'safeguarding-counsellor-open');

    await alert
      .getByRole('textbox', { name: 'Note of what you did' })
      .fill('Met Kai at lunch; followed the school protocol.');
    await alert.getByRole('button', { name: 'Acknowledge' }).click();
    await counsellor.getByText('Acknowledged. The alert moved to the acknowledged list.').waitFor();
    await open.getByText('No open alerts.').waitFor();
    const done = counsellor.getByRole('region', { name: 'Acknowledged' });
    await done.getByText(/Acknowledged by Ms\. Dana Brooks/).waitFor();
    await done.getByText('Met Kai at lunch; followed the school protocol.').waitFor();
    expect(await seriousViolations(counsellor)).toEqual([]);
    await screenshot(counsellor, 'safeguarding-counsellor-acknowledged');

    expect(consoleErrors).toEqual([]);
  });
});
