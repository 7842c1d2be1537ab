import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n, LANGUAGE_STORAGE_KEY } from '../i18n/i18n';
import { DISTRICT_ADMIN, renderApp, signedInAs, TEACHER, viewer, type Resolver } from '../testing/render-app';

const teacherClasses: Resolver = () => ({
  data: {
    classes: [
      {
        __typename: 'Class',
        id: 'c-7',
        name: 'Health 7',
        gradeLevels: [7],
        schoolYear: '2026-2027',
        studentCount: 2,
      },
      {
        __typename: 'Class',
        id: 'c-10',
        name: 'Health 10',
        gradeLevels: [10],
        schoolYear: '2026-2027',
        studentCount: 1,
      },
    ],
  },
});

const classDetail: Resolver = (variables) => ({
  data: {
    class:
      variables['id'] === 'c-7'
        ? {
            __typename: 'Class',
            id: 'c-7',
            name: 'Health 7',
            gradeLevels: [7],
            schoolYear: '2026-2027',
            studentCount: 2,
            students: [
              { __typename: 'Student', id: 'st-1', displayName: 'Maya', username: 'maya', gradeLevel: 7 },
              { __typename: 'Student', id: 'st-2', displayName: 'Noah', username: 'noah', gradeLevel: 7 },
            ],
            assignments: [],
          }
        : null,
  },
});

describe('teacher area', () => {
  it('lists classes and opens a class with its students', async () => {
    const { location } = renderApp('/teacher', {
      Me: signedInAs(TEACHER),
      TeacherClasses: teacherClasses,
      ClassDetail: classDetail,
      AssignableModules: () => ({ data: { modules: [] } }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'My classes' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      'My classes',
      'Assignments',
      'Training',
      'My facilitator profile',
      'Facilitators',
      'Curriculum catalog',
    ]);
    expect(within(nav).getByRole('link', { name: 'My classes' }).getAttribute('aria-current')).toBe('page');
    expect(await screen.findByText('Health 10')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Health 10' }).closest('li')?.textContent).toContain('Grades10');

    fireEvent.click(await screen.findByRole('link', { name: 'Health 7' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Health 7' })).toBeTruthy();
    expect(location.pathname).toBe('/teacher/classes/c-7');
    const table = screen.getByRole('table', { name: 'Students in this class' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1] as HTMLElement).getByRole('rowheader').textContent).toBe('Maya');
    expect(rows[1]?.textContent).toContain('maya');
  });

  it('adds a history entry for another page, not for the page already shown', async () => {
    renderApp('/teacher', {
      Me: signedInAs(TEACHER),
      TeacherClasses: teacherClasses,
      TeacherAssignmentsOverview: () => ({ data: { classes: [] } }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'My classes' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const entries = window.history.length;

    fireEvent.click(within(nav).getByRole('link', { name: 'My classes' }));
    expect(window.history.length).toBe(entries);

    fireEvent.click(within(nav).getByRole('link', { name: 'Assignments' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Assignments' })).toBeTruthy();
    expect(window.history.length).toBe(entries + 1);
    expect(within(nav).getByRole('link', { name: 'Assignments' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'My classes' }).getAttribute('aria-current')).toBeNull();
  });

  it('says plainly when a class cannot be found', async () => {
    renderApp('/teacher/classes/nope', { Me: signedInAs(TEACHER), ClassDetail: classDetail });
    expect(await screen.findByRole('heading', { level: 1, name: 'Class not found' })).toBeTruthy();
  });

  it('/teacher/assignments shows every class with where it stands on each module; /teacher/progress leads there', async () => {
    const { location } = renderApp('/teacher/progress', {
      Me: signedInAs(TEACHER),
      TeacherAssignmentsOverview: () => ({
        data: {
          classes: [
            {
              __typename: 'Class',
              id: 'c-7',
              name: 'Health 7, Period 2',
              gradeLevels: [7],
              assignments: [
                {
                  __typename: 'AssignmentModel',
                  id: 'a-1',
                  classId: 'c-7',
                  moduleId: 'online-safety-6-8',
                  version: '1.1.0',
                  newerVersion: '1.2.0',
                  title: 'Real Friends, Fake Offers',
                  opensAt: '2026-09-01T00:00:00.000Z',
                  dueAt: null,
                  summary: {
                    __typename: 'AssignmentSummary',
                    enrolled: 5,
                    notStarted: 2,
                    inProgress: 1,
                    completed: 2,
                  },
                },
              ],
            },
            {
              __typename: 'Class',
              id: 'c-10',
              name: 'Health 10, Period 4',
              gradeLevels: [10],
              assignments: [],
            },
          ],
        },
      }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Assignments' })).toBeTruthy();
    expect(location.pathname).toBe('/teacher/assignments');
    const table = await screen.findByRole('table', { name: 'Modules assigned to Health 7, Period 2' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['No due date', '2', '1', '2 of 5']);
    expect(row.textContent).toContain('1.2.0 is available');
    expect(within(row).getByRole('link', { name: 'Real Friends, Fake Offers' }).getAttribute('href')).toBe(
      '/teacher/classes/c-7/assignments/a-1',
    );
    expect(screen.getByText('No modules are assigned to this class yet.')).toBeTruthy();
  });
});

describe('district area', () => {
  it('shows the district overview with its schools', async () => {
    const schools = jest.fn<ReturnType<Resolver>, Parameters<Resolver>>(() => ({
      data: {
        schools: [
          {
            __typename: 'School',
            id: 's-1',
            name: 'Bayside Middle School',
            code: 'BAYSIDE',
            classCount: 2,
            studentCount: 3,
          },
          {
            __typename: 'School',
            id: 's-2',
            name: 'Palmetto Elementary',
            code: 'PALMETTO',
            classCount: 1,
            studentCount: 1,
          },
        ],
      },
    }));
    renderApp('/district', { Me: signedInAs(DISTRICT_ADMIN), DistrictSchools: schools });
    expect(await screen.findByRole('heading', { level: 1, name: 'District overview' })).toBeTruthy();
    expect(screen.getByText('Gulf Coast Unified, FL')).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Schools in your district' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['School', 'Code', 'Classes', 'Students']);
    expect(within(table).getAllByRole('row')[2]?.textContent).toBe('Palmetto ElementaryPALMETTO11');
    expect(schools.mock.calls[0]?.[0]).toEqual({ first: 100 });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      'Schools',
      'Mandates',
      'Training',
      'Evidence export',
      'State filings',
      'Facilitators',
      'Rostering',
      'Classes',
      'Curriculum catalog',
    ]);
  });

  it('links the nav to the compliance, training and report pages', async () => {
    renderApp('/district/evidence', { Me: signedInAs(DISTRICT_ADMIN) });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Mandates' }).getAttribute('href')).toBe(
      '/district/compliance',
    );
    expect(within(nav).getByRole('link', { name: 'Training' }).getAttribute('href')).toBe(
      '/district/training',
    );
    expect(within(nav).getByRole('link', { name: 'Evidence export' }).getAttribute('href')).toBe(
      '/district/report',
    );
  });
});

describe('school and studio areas', () => {
  it('shows a school admin their school and its classes', async () => {
    const principal = viewer({
      id: 'u-p',
      kind: 'staff',
      displayName: 'Pat Kim',
      roles: ['school_admin'],
      home: '/school',
    });
    renderApp('/school', {
      Me: signedInAs(principal),
      SchoolOverview: () => ({
        data: {
          schools: [
            {
              __typename: 'School',
              id: 's-1',
              name: 'Bayside Middle School',
              code: 'BAYSIDE',
              classCount: 1,
              studentCount: 2,
              classes: [
                {
                  __typename: 'Class',
                  id: 'c-7',
                  name: 'Health 7',
                  gradeLevels: [7, 8],
                  schoolYear: '2026-2027',
                  studentCount: 2,
                },
              ],
            },
          ],
        },
      }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'School overview' })).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 2, name: 'Bayside Middle School' })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Classes at Bayside Middle School' }).textContent).toContain(
      '7, 8',
    );
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['School overview', 'Classes', 'Mandate compliance', 'Rostering', 'Curriculum catalog']);
    expect(within(nav).getByRole('link', { name: 'School overview' }).getAttribute('aria-current')).toBe(
      'page',
    );
  });

  it('gives authors and reviewers the studio with Modules, Reviews and the catalog', async () => {
    const author = viewer({
      id: 'u-a',
      kind: 'staff',
      displayName: 'Sam Author',
      roles: ['author'],
      home: '/studio',
    });
    renderApp('/studio', {
      Me: signedInAs(author),
      StudioDrafts: () => ({ data: { moduleDrafts: [] } }),
      StudioPublishedModules: () => ({ data: { modules: [] } }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Authoring studio' })).toBeTruthy();
    expect(await screen.findByText('No drafts in progress.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Start a new module' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Modules', 'Reviews', 'Curriculum catalog']);
    fireEvent.click(within(nav).getByRole('link', { name: 'Reviews' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Reviews' })).toBeTruthy();
  });
});

describe('student home', () => {
  it('greets the student, lists their classes and says when no lessons are assigned', async () => {
    renderApp('/student', {
      Me: signedInAs(viewer()),
      MyClasses: () => ({
        data: { myClasses: [{ __typename: 'Class', id: 'c-7', name: 'Health 7', gradeLevels: [7] }] },
      }),
      MyLessons: () => ({ data: { myLessons: [] } }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Hi, Maya!' })).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(await screen.findByText('Health 7')).toBeTruthy();
    expect(screen.getByText('Grade 7')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'My lessons' })).toBeTruthy();
    expect(await screen.findByText('Lessons assigned by your teacher will appear here.')).toBeTruthy();
    expect(document.title).toBe('My Haven · Haven');
  });
});

describe('header', () => {
  it('switches language, saves it to the account and updates <html lang>', async () => {
    const saved = jest.fn<ReturnType<Resolver>, Parameters<Resolver>>(({ language }) => ({
      data: { setPreferredLanguage: { __typename: 'Viewer', id: TEACHER.id, preferredLanguage: language } },
    }));
    renderApp('/teacher', {
      Me: signedInAs(TEACHER),
      TeacherClasses: teacherClasses,
      SetPreferredLanguage: saved,
    });
    await screen.findByRole('heading', { level: 1, name: 'My classes' });
    const group = screen.getByRole('group', { name: 'Language' });
    expect(within(group).getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(within(group).getByRole('button', { name: 'Español' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Mis clases' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('es');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('es');
    await waitFor(() => expect(saved).toHaveBeenCalledWith({ language: 'es' }));
    expect(screen.getByRole('button', { name: 'Cerrar sesión' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Idioma' })).toBeTruthy();
  });

  it('uses the language saved to the account when the session is restored', async () => {
    renderApp('/teacher', {
      Me: signedInAs({ ...TEACHER, preferredLanguage: 'es' }),
      TeacherClasses: teacherClasses,
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Mis clases' })).toBeTruthy();
    expect(i18n.resolvedLanguage).toBe('es');
  });

  it('does not call the server when a signed-out visitor switches language', async () => {
    const { calls } = renderApp('/signin', {});
    fireEvent.click(screen.getByRole('button', { name: 'Español' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Acceso para el personal' })).toBeTruthy();
    expect(calls.map((c) => c.operationName)).toEqual([]);
  });

  it('signs out, forgets the cached data and returns to the start page', async () => {
    let signedIn = true;
    const { client, location } = renderApp('/teacher', {
      Me: () => ({ data: { me: signedIn ? TEACHER : null } }),
      TeacherClasses: teacherClasses,
      SignOut: () => {
        signedIn = false;
        return { data: { signOut: true } };
      },
    });
    await screen.findByText('Health 7');

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome to Haven' })).toBeTruthy();
    expect(location.pathname).toBe('/');
    expect(JSON.stringify(client.cache.extract())).not.toContain('Health 7');
  });

  it('stays put and says so when signing out fails', async () => {
    renderApp('/teacher', {
      Me: signedInAs(TEACHER),
      TeacherClasses: teacherClasses,
      SignOut: () => new TypeError('Failed to fetch'),
    });
    await screen.findByRole('heading', { level: 1, name: 'My classes' });
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/couldn't sign you out/);
    expect(screen.getByRole('heading', { level: 1, name: 'My classes' })).toBeTruthy();
  });
});

describe('navigation', () => {
  it('moves focus to the top of the page after a client-side navigation', async () => {
    renderApp('/student/signin', { Me: signedInAs(null) });
    fireEvent.click(screen.getByRole('link', { name: 'Staff sign-in' }));
    await screen.findByRole('heading', { level: 1, name: 'Staff sign-in' });
    const announcer = screen.getByTestId('route-announcer');
    await waitFor(() => expect(document.activeElement).toBe(announcer));
    expect(announcer.textContent).toBe('Staff sign-in · Haven');
  });

  it('shows a not-found page for unknown addresses', async () => {
    renderApp('/nowhere', {});
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    await act(async () => undefined);
  });
});
