import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BASE, launch, screenshot, seriousViolations } from './support/browser';

const PASSWORD = 'haven-demo-2026';

describe('curriculum catalog journey', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser.close());

  beforeEach(async () => {
    // bypassCSP lets the test inject axe-core; the app's own CSP stays on for everything else.
    context = await browser.newContext({ viewport: { width: 1280, height: 860 }, bypassCSP: true });
    page = await context.newPage();
    consoleErrors.length = 0;
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
  });
  afterEach(() => context.close());

  it('a teacher browses the catalog, opens a module and reads it in Spanish', async () => {
    await page.goto(`${BASE()}/signin`);
    await page.getByLabel('Email').fill('teacher@gulfcoast.example');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'My classes' }).waitFor();

    // The catalog is its own chunk, fetched only now.
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Curriculum catalog' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Curriculum catalog' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/catalog');
    expect(scripts.some((s) => /\/assets\/catalog-area-[\w-]+\.js$/.test(s))).toBe(true);
    const results = page.getByRole('region', { name: 'Modules' });
    await results.locator('a[href="/catalog/online-safety-6-8"]').waitFor();
    expect(await results.getByRole('heading', { level: 3 }).count()).toBeGreaterThan(1);

    await page.getByLabel('Grade band').selectOption('6-8');
    await page.waitForURL((u) => u.searchParams.get('band') === '6-8');
    await results
      .getByRole('status')
      .filter({ hasText: /^1 module$/ })
      .waitFor();
    const titles = await results.getByRole('heading', { level: 3 }).allInnerTexts();
    expect(titles).toEqual(['Real Friends, Fake Offers: Staying Safe Online']);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'catalog-list');

    await results.locator('a[href="/catalog/online-safety-6-8"]').click();
    await page
      .getByRole('heading', { level: 1, name: 'Real Friends, Fake Offers: Staying Safe Online' })
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/catalog/online-safety-6-8');
    const warnings = page.getByRole('region', { name: 'Content warnings' });
    await warnings.getByText(/There is no graphic content/).waitFor();
    const lesson = page.getByRole('article', { name: 'How Online Grooming Works' });
    await lesson.waitFor();
    await lesson.getByRole('complementary', { name: 'For facilitators only' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'catalog-module');

    await page
      .getByRole('group', { name: /Language|Idioma/ })
      .getByRole('button', { name: 'Español' })
      .click();
    await page
      .getByRole('heading', { level: 1, name: 'Amigos reales, ofertas falsas: seguridad en internet' })
      .waitFor();
    await page
      .getByRole('region', { name: 'Advertencias de contenido' })
      .getByText(/No hay contenido gráfico/)
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await seriousViolations(page)).toEqual([]);

    // The language is saved on the account: switch back so other journeys meet the teacher in English.
    await page
      .getByRole('group', { name: /Language|Idioma/ })
      .getByRole('button', { name: 'English' })
      .click();
    await page
      .getByRole('heading', { level: 1, name: 'Real Friends, Fake Offers: Staying Safe Online' })
      .waitFor();
    expect(consoleErrors).toEqual([]);
  });
});
