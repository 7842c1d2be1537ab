import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

export const BASE = (): string => {
  const url = process.env.HAVEN_E2E_URL;
  if (!url) throw new Error('HAVEN_E2E_URL is not set: run through e2e/jest.config.js');
  return url;
};

export const SCREENSHOTS = join(__dirname, '../screenshots');

/** Debian's Chromium, headless, with no background network traffic (this machine has no internet). */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page and returns the serious and critical violations (WCAG 2.x A and AA). */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core') });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: unknown[] }> } })
      .axe;
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Answers the quick-exit destination locally: the sandbox has no internet. */
export async function stubNeutralSite(page: Page): Promise<void> {
  await page.route('https://www.weather.gov/**', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: '<html><head><title>Weather</title></head><body>Forecast</body></html>',
    }),
  );
}

/** The demo district's staff password (apps/api/src/seed/demo-district.ts). */
export const DEMO_PASSWORD = 'haven-demo-2026';

/**
 * A fresh context and page as every journey wants them: a desktop viewport, the CSP bypassed only so that the
 * test can inject axe-core (the app's own CSP stays on for everything else), console errors collected into
 * `consoleErrors`, and the quick-exit destination answered locally.
 */
export async function openPage(
  browser: Browser,
  consoleErrors: string[],
  viewport = { width: 1280, height: 860 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, bypassCSP: true });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await stubNeutralSite(page);
  return { context, page };
}

/** Signs a staff member in on the staff sign-in page (it does not wait for their home: callers know it). */
export async function signInStaff(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${BASE()}/signin`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
