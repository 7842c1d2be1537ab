import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  DISTRICT_ADMIN,
  renderApp,
  signedInAs,
  TEACHER,
  viewer,
  type RecordedCall,
  type Resolver,
} from '../../testing/render-app';
import { catalogModule, catalogModules } from './catalog-fixtures';

const variablesOf = (calls: RecordedCall[], operation: string) =>
  calls.filter((c) => c.operationName === operation).map((c) => c.variables);

function cards(): HTMLElement[] {
  const list = screen.getByRole('region', { name: 'Modules' });
  return within(list).queryAllByRole('heading', { level: 3 });
}

describe('curriculum catalog: list', () => {
  it('lists modules as cards, in the nav of the teacher area', async () => {
    const { calls } = renderApp('/catalog', { Me: signedInAs(TEACHER), CatalogModules: catalogModules });
    expect(await screen.findByRole('heading', { level: 1, name: 'Curriculum catalog' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Curriculum catalog' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(within(nav).getByRole('link', { name: 'My classes' }).getAttribute('aria-current')).toBeNull();

    await screen.findByRole('link', { name: 'Real Friends, Fake Offers' });
    expect(cards().map((h) => h.textContent)).toEqual([
      'Real Friends, Fake Offers',
      'My Body, My Boundaries',
    ]);
    const card = screen.getByRole('link', { name: 'Real Friends, Fake Offers' }).closest('li') as HTMLElement;
    expect(card.textContent).toContain('Grade band6-8');
    expect(card.textContent).toContain('Grades6, 7, 8');
    expect(card.textContent).toContain('120 minutes');
    expect(card.textContent).toContain('English, Español');
    expect(within(card).getByRole('list', { name: 'Topics' }).textContent).toBe('Online safetyGrooming');
    expect(card.textContent).toContain('Middle-school learners learn how online grooming works.');
    expect(screen.getByRole('link', { name: 'Real Friends, Fake Offers' }).getAttribute('href')).toBe(
      '/catalog/online-safety-6-8',
    );
    expect(screen.getByRole('status').textContent).toBe('2 modules');
    // The unfiltered list and the results are the same request while nothing is filtered.
    expect(variablesOf(calls, 'CatalogModules')).toEqual([{ first: 100, displayLanguage: 'en' }]);
    expect(document.title).toBe('Curriculum catalog · Haven');
  });

  it('filters as soon as a choice changes, sending only the filters in use', async () => {
    const { calls, location } = renderApp('/catalog', {
      Me: signedInAs(TEACHER),
      CatalogModules: catalogModules,
    });
    await screen.findByRole('link', { name: 'My Body, My Boundaries' });

    // Topics come from the unfiltered list.
    const topic = screen.getByRole('combobox', { name: 'Topic' });
    expect(
      within(topic)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All topics', 'Body autonomy', 'Grooming', 'Help-seeking', 'Online safety']);
    expect(
      within(screen.getByRole('combobox', { name: 'Grade band' }))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All grade bands', 'K-2', '3-5', '6-8', '9-12']);
    expect(within(screen.getByRole('combobox', { name: 'Grade' })).getAllByRole('option')).toHaveLength(14);

    fireEvent.change(screen.getByRole('combobox', { name: 'Grade band' }), { target: { value: '6-8' } });
    await waitFor(() => expect(cards().map((h) => h.textContent)).toEqual(['Real Friends, Fake Offers']));
    expect(variablesOf(calls, 'CatalogModules').at(-1)).toEqual({
      first: 100,
      displayLanguage: 'en',
      gradeBand: '6-8',
    });
    expect(location.pathname).toBe('/catalog');

    fireEvent.change(screen.getByRole('combobox', { name: 'Grade' }), { target: { value: '7' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'es' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Topic' }), { target: { value: 'grooming' } });
    await waitFor(() =>
      expect(variablesOf(calls, 'CatalogModules').at(-1)).toEqual({
        first: 100,
        displayLanguage: 'en',
        gradeBand: '6-8',
        grade: 7,
        language: 'es',
        topic: 'grooming',
      }),
    );
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('1 module'));

    fireEvent.change(screen.getByRole('combobox', { name: 'Grade' }), { target: { value: '0' } });
    await screen.findByText('No modules match these filters. Try another grade, language or topic.');
    expect(variablesOf(calls, 'CatalogModules').at(-1)).toMatchObject({ grade: 0 });

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(cards()).toHaveLength(2));
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Grade band' }));
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
  });

  it('reads filters from the address and ignores values the API would refuse', async () => {
    const { calls } = renderApp('/catalog?band=K-2&grade=13&language=fr&topic=Bad%20Tag', {
      Me: signedInAs(TEACHER),
      CatalogModules: catalogModules,
    });
    await screen.findByRole('link', { name: 'My Body, My Boundaries' });
    expect((screen.getByRole('combobox', { name: 'Grade band' }) as HTMLSelectElement).value).toBe('K-2');
    expect(variablesOf(calls, 'CatalogModules')).toContainEqual({
      first: 100,
      displayLanguage: 'en',
      gradeBand: 'K-2',
    });
  });

  it('says so when the catalog is empty', async () => {
    renderApp('/catalog', { Me: signedInAs(TEACHER), CatalogModules: () => ({ data: { modules: [] } }) });
    expect(await screen.findByText('There are no modules in the catalog yet.')).toBeTruthy();
  });

  it('says plainly when the catalog cannot be loaded, and retries', async () => {
    let fail = true;
    renderApp('/catalog', {
      Me: signedInAs(TEACHER),
      CatalogModules: (variables) => (fail ? new TypeError('Failed to fetch') : catalogModules(variables)),
    });
    expect((await screen.findByRole('alert')).textContent).toContain("This couldn't be loaded.");
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Real Friends, Fake Offers' })).toBeTruthy();
  });

  it.each([
    [
      'a district admin',
      DISTRICT_ADMIN,
      [
        'Schools',
        'Mandates',
        'Training',
        'Evidence export',
        'State filings',
        'Facilitators',
        'Rostering',
        'Classes',
        'Curriculum catalog',
      ],
    ],
    [
      'a school admin',
      viewer({ id: 'u-p', kind: 'staff', roles: ['school_admin'], home: '/school' }),
      ['School overview', 'Classes', 'Mandate compliance', 'Rostering', 'Curriculum catalog'],
    ],
    [
      'an author',
      viewer({ id: 'u-a', kind: 'staff', roles: ['author'], home: '/studio', school: null }),
      ['Modules', 'Reviews', 'Curriculum catalog'],
    ],
  ])('opens for %s, keeping the navigation of their home', async (_, who, links) => {
    renderApp('/catalog', { Me: signedInAs(who), CatalogModules: catalogModules });
    expect(await screen.findByRole('heading', { level: 1, name: 'Curriculum catalog' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(links);
    expect(within(nav).getByRole('link', { name: 'Curriculum catalog' }).getAttribute('aria-current')).toBe(
      'page',
    );
  });
});

describe('curriculum catalog: module', () => {
  it('shows content warnings before the lessons, the sequence, and notes for facilitators only', async () => {
    const { calls } = renderApp('/catalog/online-safety-6-8', {
      Me: signedInAs(TEACHER),
      CatalogModule: catalogModule,
    });
    const h1 = await screen.findByRole('heading', { level: 1, name: 'Real Friends, Fake Offers' });
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(variablesOf(calls, 'CatalogModule')).toEqual([
      { moduleId: 'online-safety-6-8', displayLanguage: 'en' },
    ]);
    expect(document.title).toBe('Real Friends, Fake Offers · Haven');

    const warnings = screen.getByRole('region', { name: 'Content warnings' });
    const lessons = screen.getByRole('region', { name: 'Lessons' });
    expect(h1.compareDocumentPosition(warnings) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(warnings.compareDocumentPosition(lessons) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(warnings).getByRole('listitem').textContent).toBe(
      "Grooming: These lessons talk about how some people try to gain a young person's trust.",
    );

    const facts = screen.getByText('Licence').closest('dl') as HTMLElement;
    expect(facts.textContent).toContain('Grade band6-8');
    expect(facts.textContent).toContain('Estimated time120 minutes');
    expect(facts.textContent).toContain('LicenceCC-BY-SA-4.0');
    expect(facts.textContent).toContain('Review statusDraft');

    expect(screen.getByRole('region', { name: 'Learning objectives' }).textContent).toContain(
      'Describe how online grooming builds trust.',
    );
    const facilitator = screen.getByRole('region', { name: 'Facilitator requirements' });
    expect(facilitator.textContent).toContain('haven-facilitator-basics');
    expect(facilitator.textContent).toContain('Survivor co-facilitationRecommended');
    expect(screen.getByRole('region', { name: 'Alternative activity' }).textContent).toContain(
      'A poster project on support networks.',
    );

    const sequence = within(screen.getByRole('region', { name: 'Teaching sequence' })).getAllByRole(
      'listitem',
    );
    expect(sequence.map((li) => li.textContent)).toEqual([
      'Assessment Before we start',
      'Lesson How Online Grooming Works',
      'Scenario The New Follower',
    ]);
    expect(
      within(sequence[1] as HTMLElement)
        .getByRole('link')
        .getAttribute('href'),
    ).toBe('#lesson-how-grooming-works');

    const lesson = within(lessons).getByRole('article', { name: 'How Online Grooming Works' });
    expect(lesson.textContent).toContain('45 minutes');
    expect(
      within(lesson)
        .getAllByRole('heading', { level: 4 })
        .map((h) => h.textContent),
    ).toEqual(['Who can see this?', 'Content', 'For facilitators only']);
    // Lesson HTML is cleaned again in the browser.
    expect(lesson.querySelector('script')).toBeNull();
    expect(lesson.querySelector('img')).toBeNull(); // an image from elsewhere (and its onerror) is dropped
    expect(within(lesson).getByText('more').hasAttribute('href')).toBe(false);
    expect((window as unknown as { hacked?: boolean }).hacked).toBeUndefined();

    const notes = within(lesson).getByRole('complementary', { name: 'For facilitators only' });
    expect(notes.className).toBe('facilitator-notes');
    expect(notes.textContent).toContain(
      'Confirm the disclosure protocol with the counsellor before teaching.',
    );

    const scenario = within(screen.getByRole('region', { name: 'Scenarios' })).getByRole('listitem');
    expect(scenario.textContent).toBe('The New FollowerA stranger messages Jay.Steps12Endings3');
    const assessment = within(screen.getByRole('region', { name: 'Assessments' })).getByRole('listitem');
    expect(assessment.textContent).toBe('Pre-assessmentBefore we start2 items');
  });

  it('compares any two versions, showing a word diff of what changed', async () => {
    const { calls } = renderApp('/catalog/online-safety-6-8', {
      Me: signedInAs(TEACHER),
      CatalogModule: catalogModule,
      ModuleVersionDiff: () => ({
        data: {
          moduleVersionDiff: [
            {
              __typename: 'ContentChangeModel',
              anchorKey: 'module:title',
              label: 'Module title (en)',
              change: 'changed',
              before: 'Staying Safe Online',
              after: 'Staying Safe on the Internet',
              parts: [
                { __typename: 'DiffPartModel', value: 'Staying Safe ', added: false, removed: false },
                { __typename: 'DiffPartModel', value: 'Online', added: false, removed: true },
                { __typename: 'DiffPartModel', value: 'on the Internet', added: true, removed: false },
              ],
            },
          ],
        },
      }),
    });
    const compare = await screen.findByRole('region', { name: 'Compare versions' });
    expect((within(compare).getByLabelText('From version') as HTMLSelectElement).value).toBe('1.0.0');
    expect((within(compare).getByLabelText('To version') as HTMLSelectElement).value).toBe('1.1.0');
    fireEvent.click(within(compare).getByRole('button', { name: 'Show what changed' }));
    await within(compare).findByText('1 change from 1.0.0 to 1.1.0:');
    expect(calls.find((c) => c.operationName === 'ModuleVersionDiff')?.variables).toEqual({
      moduleId: 'online-safety-6-8',
      from: '1.0.0',
      to: '1.1.0',
    });
    expect(compare.querySelector('del')?.textContent).toBe('Online');
    expect(compare.querySelector('ins')?.textContent).toBe('on the Internet');
    expect(
      screen
        .getByRole('link', { name: 'Download the content files of version 1.1.0 (zip)' })
        .getAttribute('href'),
    ).toBe('/exports/modules/online-safety-6-8/1.1.0.zip');
  });

  it('switches version through ?version=', async () => {
    const { calls, location } = renderApp('/catalog/online-safety-6-8', {
      Me: signedInAs(TEACHER),
      CatalogModule: catalogModule,
    });
    const picker = await screen.findByRole('combobox', { name: 'Version' });
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['1.1.0 (latest)', '1.0.0']);
    picker.focus();
    fireEvent.change(picker, { target: { value: '1.0.0' } });
    await waitFor(() => expect(calls.filter((c) => c.operationName === 'CatalogModule')).toHaveLength(2));
    await waitFor(() =>
      expect((screen.getByRole('combobox', { name: 'Version' }) as HTMLSelectElement).value).toBe('1.0.0'),
    );
    expect(screen.queryByRole('status')).toBeNull();
    expect(variablesOf(calls, 'CatalogModule').at(-1)).toEqual({
      moduleId: 'online-safety-6-8',
      displayLanguage: 'en',
      version: '1.0.0',
    });
    expect(location.pathname).toBe('/catalog/online-safety-6-8');
    expect(location.search).toBe('?version=1.0.0');
    // The picker stayed on the page (and focused) while the other version loaded.
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Version' }));
  });

  it('opens from the list and goes back to the same filters', async () => {
    const { location } = renderApp('/catalog?band=6-8', {
      Me: signedInAs(TEACHER),
      CatalogModules: catalogModules,
      CatalogModule: catalogModule,
    });
    fireEvent.click(await screen.findByRole('link', { name: 'Real Friends, Fake Offers' }));
    await screen.findByRole('heading', { level: 1, name: 'Real Friends, Fake Offers' });
    expect(location.pathname).toBe('/catalog/online-safety-6-8');
    fireEvent.click(screen.getByRole('link', { name: 'Back to the catalog' }));
    await screen.findByRole('heading', { level: 1, name: 'Curriculum catalog' });
    expect((screen.getByRole('combobox', { name: 'Grade band' }) as HTMLSelectElement).value).toBe('6-8');
  });

  it.each([
    ['/catalog/no-such-module', 1],
    ['/catalog/online-safety-6-8?version=9.9.9', 1],
    ['/catalog/online-safety-6-8?version=latest', 0],
    ['/catalog/Bad%20Id', 0],
  ])('%s is "not found" (asking the API only when it could exist)', async (path, requests) => {
    const { calls } = renderApp(path, { Me: signedInAs(TEACHER), CatalogModule: catalogModule });
    expect(await screen.findByRole('heading', { level: 1, name: 'Module not found' })).toBeTruthy();
    expect(variablesOf(calls, 'CatalogModule')).toHaveLength(requests);
  });
});

describe('curriculum catalog: access and language', () => {
  it('keeps students out', async () => {
    const { calls } = renderApp('/catalog', { Me: signedInAs(viewer()) });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'You do not have access to this page' }),
    ).toBeTruthy();
    expect(calls.map((c) => c.operationName)).toEqual(['Me']);
  });

  it('sends signed-out visitors to staff sign-in', async () => {
    const { location } = renderApp('/catalog/online-safety-6-8', { Me: signedInAs(null) });
    await waitFor(() => expect(location.pathname).toBe('/signin'));
    expect(location.state).toEqual({ from: '/catalog/online-safety-6-8' });
  });

  it('renders in Spanish, asking the API for Spanish texts', async () => {
    const spanishTeacher = { ...TEACHER, preferredLanguage: 'es' };
    const modules = jest.fn<ReturnType<Resolver>, Parameters<Resolver>>(catalogModules);
    const { calls } = renderApp('/catalog', {
      Me: signedInAs(spanishTeacher),
      CatalogModules: modules,
      CatalogModule: catalogModule,
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Catálogo de currículos' })).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Amigos reales, ofertas falsas' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Nivel de grados' })).toBeTruthy();
    expect(variablesOf(calls, 'CatalogModules')).toContainEqual({ first: 100, displayLanguage: 'es' });
    const card = screen
      .getByRole('link', { name: 'Amigos reales, ofertas falsas' })
      .closest('li') as HTMLElement;
    expect(card.textContent).toContain('120 minutos');
    expect(within(card).getByRole('heading', { level: 3 }).getAttribute('lang')).toBe('es');

    fireEvent.click(screen.getByRole('link', { name: 'Amigos reales, ofertas falsas' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Amigos reales, ofertas falsas' }),
    ).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Advertencias de contenido' }).textContent).toContain(
      'Estas lecciones hablan',
    );
    expect(screen.getByRole('complementary', { name: 'Solo para quien facilita' })).toBeTruthy();
    expect(variablesOf(calls, 'CatalogModule').at(-1)).toEqual({
      moduleId: 'online-safety-6-8',
      displayLanguage: 'es',
    });
  });

  it('says when a module is not available in the page language', async () => {
    renderApp('/catalog/online-safety-6-8', {
      Me: signedInAs({ ...TEACHER, preferredLanguage: 'es' }),
      // The API falls back to the source language.
      CatalogModule: (variables) => catalogModule({ ...variables, displayLanguage: 'en' }),
    });
    expect(
      await screen.findByText(
        'Este módulo todavía no está disponible en Español, así que se muestra en English.',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).getAttribute('lang')).toBe('en');
  });
});
