import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  renderApp,
  signedInAs,
  TEACHER,
  viewer,
  type RecordedCall,
  type Resolver,
} from '../../testing/render-app';
import {
  assignableModules,
  assignment,
  assignmentProgress,
  assignmentTopics,
  ASSIGNMENT_ID,
  classConsent,
  classDetail,
  CLASS_ID,
} from './teacher-fixtures';

const variablesOf = (calls: RecordedCall[], operation: string) =>
  calls.filter((c) => c.operationName === operation).map((c) => c.variables);

const CLASS_PATH = `/teacher/classes/${CLASS_ID}`;
const PROGRESS_PATH = `${CLASS_PATH}/assignments/${ASSIGNMENT_ID}`;

describe('teacher: class assignments', () => {
  it('lists the class’s assignments, each linking to its progress', async () => {
    const { calls } = renderApp(CLASS_PATH, {
      Me: signedInAs(TEACHER),
      ClassConsent: classConsent,
      ClassDetail: classDetail(),
      AssignableModules: assignableModules,
    });
    const section = await screen.findByRole('region', { name: 'Assignments' });
    const table = within(section).getByRole('table', { name: 'Modules assigned to this class' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Module', 'Version', 'Opens', 'Due']);
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(rows[1]?.textContent).toBe('Recognizing Human Trafficking1.1.0Sep 1, 2026Sep 30, 2026');
    expect(
      within(table).getByRole('link', { name: 'Recognizing Human Trafficking' }).getAttribute('href'),
    ).toBe(PROGRESS_PATH);
    // Modules for the class's one grade, in the teacher's language.
    await waitFor(() =>
      expect(variablesOf(calls, 'AssignableModules')).toEqual([
        { first: 100, displayLanguage: 'en', grade: 10 },
      ]),
    );
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });

  it('says so when nothing is assigned yet', async () => {
    renderApp(CLASS_PATH, {
      Me: signedInAs(TEACHER),
      ClassConsent: classConsent,
      ClassDetail: classDetail([]),
      AssignableModules: assignableModules,
    });
    expect(await screen.findByText('No modules are assigned to this class yet.')).toBeTruthy();
  });

  it('assigns a module with a due date, announces it and adds it to the list', async () => {
    const assignModule = jest.fn(() => ({
      data: {
        assignModule: assignment({
          id: 'a-2',
          moduleId: 'healthy-relationships-9-12',
          title: 'Healthy Relationships',
        }),
      },
    }));
    const { calls } = renderApp(CLASS_PATH, {
      Me: signedInAs(TEACHER),
      ClassConsent: classConsent,
      ClassDetail: classDetail(),
      AssignableModules: assignableModules,
      AssignModule: assignModule,
    });
    const select = await screen.findByRole('combobox', { name: 'Module' });
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(3));
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'Choose a module',
      'Healthy Relationships (grades 9-12, version 1.1.0)',
      // The class has this one already, in this version: shown, not offered.
      'Recognizing Human Trafficking (grades 9-12, version 1.1.0): already assigned',
    ]);
    const offered = (name: RegExp) =>
      !(within(select).getByRole('option', { name }) as HTMLOptionElement).disabled;
    expect(offered(/^Healthy Relationships/)).toBe(true);
    expect(offered(/^Recognizing Human Trafficking/)).toBe(false);
    fireEvent.change(select, { target: { value: 'healthy-relationships-9-12' } });
    fireEvent.change(screen.getByLabelText('Due date (optional)'), { target: { value: '2026-10-15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Assign module' }));

    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        '“Healthy Relationships” is assigned to Health 10, Period 4. Students can start it now.',
      ),
    );
    expect(variablesOf(calls, 'AssignModule')).toEqual([
      {
        input: {
          classId: CLASS_ID,
          moduleId: 'healthy-relationships-9-12',
          dueAt: new Date('2026-10-15T23:59:59').toISOString(),
        },
      },
    ]);
    const table = screen.getByRole('table', { name: 'Modules assigned to this class' });
    expect(within(table).getByRole('link', { name: 'Healthy Relationships' }).getAttribute('href')).toBe(
      `${CLASS_PATH}/assignments/a-2`,
    );
    // The cache was updated: no second request for the class.
    expect(variablesOf(calls, 'ClassDetail')).toHaveLength(1);
    expect((select as HTMLSelectElement).value).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
    // The module just assigned is no longer offered.
    expect(offered(/^Healthy Relationships/)).toBe(false);
  });

  it('sends no due date when none is picked, and asks for a module first', async () => {
    const { calls } = renderApp(CLASS_PATH, {
      Me: signedInAs(TEACHER),
      ClassConsent: classConsent,
      ClassDetail: classDetail([]),
      AssignableModules: assignableModules,
      AssignModule: () => ({ data: { assignModule: assignment() } }),
    });
    const select = await screen.findByRole('combobox', { name: 'Module' });
    fireEvent.click(screen.getByRole('button', { name: 'Assign module' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Choose a module to assign.');
    expect(document.activeElement).toBe(select);
    expect(variablesOf(calls, 'AssignModule')).toEqual([]);

    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(3));
    fireEvent.change(select, { target: { value: 'recognizing-trafficking-9-12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Assign module' }));
    await screen.findByText(/is assigned to Health 10, Period 4/);
    expect(variablesOf(calls, 'AssignModule')).toEqual([
      { input: { classId: CLASS_ID, moduleId: 'recognizing-trafficking-9-12' } },
    ]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it.each([
    ['BAD_USER_INPUT', 'The due date must be after today: the module opens to students now.'],
    ['NOT_FOUND', 'This class or module is no longer available. Reload the page and try again.'],
    [
      'CONFLICT',
      'This class already has this module, in its latest version: open it from the list of assignments.',
    ],
    ['INTERNAL_SERVER_ERROR', 'The module couldn’t be assigned. Check your connection and try again.'],
  ])('shows a clear alert for %s, never the raw message', async (code, message) => {
    renderApp(CLASS_PATH, {
      Me: signedInAs(TEACHER),
      ClassConsent: classConsent,
      ClassDetail: classDetail(),
      AssignableModules: assignableModules,
      AssignModule: () => ({ errors: [{ message: 'dueAt must be after opensAt', extensions: { code } }] }),
    });
    const select = await screen.findByRole('combobox', { name: 'Module' });
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(3));
    fireEvent.change(select, { target: { value: 'recognizing-trafficking-9-12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Assign module' }));
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(screen.queryByText(/dueAt must be after opensAt/)).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('');
  });
});

describe('teacher: assignment progress', () => {
  async function renderProgress() {
    const view = renderApp(PROGRESS_PATH, {
      Me: signedInAs(TEACHER),
      AssignmentProgress: assignmentProgress,
      AssignmentTopics: assignmentTopics,
    });
    await screen.findByRole('heading', { level: 1, name: 'Recognizing Human Trafficking' });
    return view;
  }

  it('shows real counts for the class’s teacher', async () => {
    await renderProgress();
    const summary = screen.getByRole('region', { name: 'Summary' });
    const pairs = within(summary)
      .getAllByRole('term')
      .map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
    expect(pairs).toEqual([
      'Not started: 1',
      'In progress: 1',
      'Completed: 1',
      'Excused (alternative activity): 1',
    ]);
    expect(document.title).toBe('Recognizing Human Trafficking · Haven');
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });

  it('renders each student’s state per step in words, with accessible table markup', async () => {
    await renderProgress();
    const table = screen.getByRole('table', {
      name: 'Progress of each student in Recognizing Human Trafficking, step by step',
    });
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((h) => h.getAttribute('scope'))).toEqual(Array(7).fill('col'));
    // Short headers on screen, the full step name for screen readers and as a tooltip.
    const step2 = headers[4] as HTMLElement;
    expect(step2.textContent).toBe('Step 2Step 2, Lesson: What trafficking is');
    expect(within(step2).getByTitle('Step 2, Lesson: What trafficking is').getAttribute('aria-hidden')).toBe(
      'true',
    );

    const rowOf = (name: string) =>
      within(table).getByRole('rowheader', { name }).closest('tr') as HTMLElement;
    const cells = (name: string) =>
      within(rowOf(name))
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(cells('Priya')).toEqual([
      'priya',
      'In progress',
      'Done',
      'Current',
      'Not yet',
      'Sep 2, 2026, 10:15 AM',
    ]);
    expect(cells('Eli')).toEqual(['eli', 'Not started', 'Not yet', 'Not yet', 'Not yet', 'None yet']);
    expect(cells('Leo')?.slice(0, 5)).toEqual([
      'leo',
      'CompletedExcused: alternative activity (Sex trafficking)',
      'Done',
      'Done',
      'Done',
    ]);
    expect(within(rowOf('Priya')).getByRole('rowheader').getAttribute('scope')).toBe('row');
  });

  it('lists reflections with the privacy and safeguarding note', async () => {
    await renderProgress();
    const section = screen.getByRole('region', { name: 'Reflections' });
    expect(section.textContent).toContain('only the student and their teachers can see them');
    expect(section.textContent).toContain('do not question the student');
    expect(section.textContent).toContain('designated staff member (counsellor or social worker)');
    expect(section.textContent).toContain('school protocol');
    const priya = within(section).getByRole('article', { name: 'Priya (priya)' });
    expect(priya.textContent).toContain('Check who someone really is.');
    expect(priya.textContent).toContain('Sep 2, 2026, 10:15 AM');
    // Only students who wrote something.
    expect(within(section).getAllByRole('article')).toHaveLength(1);
  });

  it('tells an admin who does not teach the class, and gets no reflection text, that the student wrote one', async () => {
    // A teacher who is also their school's admin opens another teacher's class: the API sends each reflection
    // with its text null (only the class's own teachers get the text).
    const withoutText: Resolver = (variables) => {
      const result = assignmentProgress(variables) as {
        data: { assignmentProgress: { students: { reflections: { text: string | null }[] }[] } };
      };
      for (const row of result.data.assignmentProgress.students)
        row.reflections = row.reflections.map((r) => ({ ...r, text: null }));
      return result;
    };
    renderApp(PROGRESS_PATH, {
      Me: signedInAs({ ...TEACHER, roles: ['teacher', 'school_admin'] }),
      AssignmentProgress: withoutText,
      AssignmentTopics: assignmentTopics,
    });
    await screen.findByRole('heading', { level: 1, name: 'Recognizing Human Trafficking' });
    const section = screen.getByRole('region', { name: 'Reflections' });
    const priya = within(section).getByRole('article', { name: 'Priya (priya)' });
    expect(priya.textContent).toContain(
      'The student wrote a reflection here. Only the student and their teachers can read it.',
    );
    expect(priya.textContent).toContain('Sep 2, 2026, 10:15 AM');
    expect(priya.querySelector('blockquote')).toBeNull();
    expect(section.textContent).not.toContain('Check who someone really is.');
  });

  it.each([
    ['the API does not show', `${CLASS_PATH}/assignments/other`],
    ['belongs to another class', `/teacher/classes/c-other/assignments/${ASSIGNMENT_ID}`],
  ])('says "not found" for an assignment %s', async (_, path) => {
    renderApp(path, { Me: signedInAs(TEACHER), AssignmentProgress: assignmentProgress });
    expect(await screen.findByRole('heading', { level: 1, name: 'Assignment not found' })).toBeTruthy();
    expect(screen.queryByText('Priya')).toBeNull();
  });

  it('is closed to students', async () => {
    const { calls } = renderApp(PROGRESS_PATH, {
      Me: signedInAs(viewer()),
      AssignmentProgress: assignmentProgress,
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'You do not have access to this page' }),
    ).toBeTruthy();
    expect(variablesOf(calls, 'AssignmentProgress')).toEqual([]);
    expect(screen.queryByText('Priya')).toBeNull();
  });
});

describe('teacher: parental consent', () => {
  it('explains the state model, shows each student’s status and records an opt-out with a note', async () => {
    const recordConsent = jest.fn(() => ({
      data: { recordConsent: { __typename: 'ConsentRecordModel', id: 'cr-2' } },
    }));
    const { calls } = renderApp(CLASS_PATH, {
      Me: signedInAs(TEACHER),
      ClassDetail: classDetail(),
      AssignableModules: assignableModules,
      ClassConsent: classConsent,
      RecordConsent: recordConsent,
    });
    const section = await screen.findByRole('region', { name: 'Parental consent' });
    expect(await within(section).findByText(/In CA, parents may opt their child out/)).toBeTruthy();
    const table = within(section).getByRole('table', {
      name: 'Consent status of each student this school year',
    });
    const rows = within(table).getAllByRole('row');
    expect(within(rows[1]!).getByText('Takes part')).toBeTruthy();
    expect(within(rows[2]!).getByText('Opted out')).toBeTruthy();
    expect(within(rows[2]!).getByRole('button', { name: 'Remove Opt-out for Leo' })).toBeTruthy();

    fireEvent.change(within(section).getByLabelText('Note for Eli (optional)'), {
      target: { value: 'Phone call' },
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Record opt-out for Eli' }));
    expect(await within(section).findByText('Opt-out recorded for Eli.')).toBeTruthy();
    expect(variablesOf(calls, 'RecordConsent')).toEqual([
      { input: { studentId: 'st-eli', schoolYear: '2026-2027', kind: 'opt-out', note: 'Phone call' } },
    ]);
  });

  it('marks students excused for consent on the progress page', async () => {
    renderApp(PROGRESS_PATH, {
      Me: signedInAs(TEACHER),
      AssignmentProgress: (v) => {
        const r = assignmentProgress(v) as {
          data: { assignmentProgress: { students: Record<string, unknown>[] } };
        };
        r.data.assignmentProgress.students[0]!['excusedForConsent'] = true;
        return r;
      },
      AssignmentTopics: assignmentTopics,
    });
    expect(
      await screen.findByText('Excused: no parental consent for this module (alternative activity)'),
    ).toBeTruthy();
  });
});

describe('teacher: my training', () => {
  it('lists the trainings the teacher holds, with expiry and status', async () => {
    renderApp('/teacher/training', {
      Me: signedInAs(TEACHER),
      MyTrainings: () => ({
        data: {
          myTrainings: [
            {
              __typename: 'TrainingRecordModel',
              id: 'r1',
              courseCode: 'haven-facilitator-basics',
              courseTitle: 'Haven facilitator basics',
              completedAt: '2026-08-15T00:00:00.000Z',
              expiresAt: '2028-08-15T00:00:00.000Z',
              source: 'haven',
              current: true,
              expiringSoon: false,
            },
            {
              __typename: 'TrainingRecordModel',
              id: 'r2',
              courseCode: 'mandated-reporter',
              courseTitle: 'Mandated reporter training',
              completedAt: '2024-08-16T00:00:00.000Z',
              expiresAt: '2025-08-16T00:00:00.000Z',
              source: 'external',
              current: false,
              expiringSoon: false,
            },
          ],
        },
      }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'My training' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Your training records' });
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows[1]).toMatch(/^Haven facilitator basics.*Current$/);
    expect(rows[2]).toMatch(/^Mandated reporter training.*Expired$/);
  });
});

describe('teacher: letter to parents and guardians', () => {
  it('shows the module’s letter in the chosen language, ready to print', async () => {
    const { calls } = renderApp(`${PROGRESS_PATH}/letter/es`, {
      Me: signedInAs(TEACHER),
      AssignmentProgress: assignmentProgress,
      ParentLetter: () => ({
        data: {
          moduleVersion: {
            __typename: 'ModuleVersion',
            id: 'mv-1',
            language: 'es',
            title: 'Reconocer la trata de personas',
            estimatedMinutes: 150,
            parentNotice:
              'Estimada familia:\n\nEste año la clase de su hijo…\n\n¿Preguntas? Escriba al docente.',
          },
        },
      }),
    });
    const letter = await screen.findByRole('article', { name: 'Reconocer la trata de personas' });
    expect(letter.getAttribute('lang')).toBe('es');
    expect(
      within(letter)
        .getAllByRole('paragraph')
        .map((p) => p.textContent)
        .slice(1),
    ).toEqual(['Estimada familia:', 'Este año la clase de su hijo…', '¿Preguntas? Escriba al docente.']);
    expect(screen.getByRole('button', { name: 'Print' })).toBeTruthy();
    expect(variablesOf(calls, 'ParentLetter')[0]).toMatchObject({ language: 'es' });
  });
});

describe('teacher: moving an assignment to a newer module version', () => {
  const REFUSAL =
    'Students have already started this assignment, so it stays on version 1.1.0. To use version 1.2.0, assign it to the class as a new assignment.';

  function renderList(move: Resolver) {
    return renderApp(CLASS_PATH, {
      Me: signedInAs(TEACHER),
      ClassConsent: classConsent,
      ClassDetail: classDetail([assignment({ newerVersion: '1.2.0' })]),
      AssignableModules: assignableModules,
      MoveAssignmentToVersion: move,
    });
  }

  it('shows nothing when the assignment uses the latest version', async () => {
    renderApp(CLASS_PATH, {
      Me: signedInAs(TEACHER),
      ClassConsent: classConsent,
      ClassDetail: classDetail(),
      AssignableModules: assignableModules,
    });
    await screen.findByRole('table', { name: 'Modules assigned to this class' });
    expect(screen.queryByText(/is available/)).toBeNull();
    expect(screen.queryByRole('button', { name: /Move to/ })).toBeNull();
  });

  it('offers the newer version in the class list, asks to confirm, and moves the assignment', async () => {
    const { calls } = renderList(() => ({
      data: { moveAssignmentToVersion: assignment({ version: '1.2.0', newerVersion: null }) },
    }));
    const table = await screen.findByRole('table', { name: 'Modules assigned to this class' });
    expect(within(table).getByText('Version 1.2.0 is available')).toBeTruthy();
    const move = within(table).getByRole('button', { name: 'Move to 1.2.0' });
    // Which assignment the button acts on, for a list of several.
    expect(move.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(move.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Recognizing Human Trafficking',
    );

    fireEvent.click(move);
    const group = within(table).getByRole('group', {
      name: 'Move this assignment from version 1.1.0 to version 1.2.0? This is possible only while no student has started it.',
    });
    const confirm = within(group).getByRole('button', { name: 'Yes, move to 1.2.0' });
    expect(document.activeElement).toBe(confirm);
    expect(variablesOf(calls, 'MoveAssignmentToVersion')).toEqual([]);

    fireEvent.click(confirm);
    const done = await within(table).findByRole('status');
    expect(done.textContent).toBe('This assignment now uses version 1.2.0.');
    await waitFor(() => expect(document.activeElement).toBe(done));
    expect(variablesOf(calls, 'MoveAssignmentToVersion')).toEqual([
      { input: { assignmentId: ASSIGNMENT_ID, version: '1.2.0' } },
    ]);
    // The cache holds the moved assignment: the row shows its new version, and no offer any more.
    expect(within(table).getAllByRole('row')[1]?.textContent).toMatch(
      /^Recognizing Human Trafficking1\.2\.0/,
    );
    expect(within(table).queryByText('Version 1.2.0 is available')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('can be cancelled, sending nothing', async () => {
    const { calls } = renderList(() => ({ errors: [{ message: 'unexpected' }] }));
    fireEvent.click(await screen.findByRole('button', { name: 'Move to 1.2.0' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    const move = screen.getByRole('button', { name: 'Move to 1.2.0' });
    await waitFor(() => expect(document.activeElement).toBe(move));
    expect(screen.queryByRole('button', { name: 'Yes, move to 1.2.0' })).toBeNull();
    expect(variablesOf(calls, 'MoveAssignmentToVersion')).toEqual([]);
  });

  it('shows the server’s reason when a student has already started', async () => {
    renderList(() => ({ errors: [{ message: REFUSAL, extensions: { code: 'BAD_USER_INPUT' } }] }));
    fireEvent.click(await screen.findByRole('button', { name: 'Move to 1.2.0' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, move to 1.2.0' }));
    expect((await screen.findByRole('alert')).textContent).toBe(REFUSAL);
    const table = screen.getByRole('table', { name: 'Modules assigned to this class' });
    expect(within(table).getAllByRole('row')[1]?.textContent).toMatch(
      /^Recognizing Human Trafficking1\.1\.0/,
    );
    expect(within(table).getByRole('button', { name: 'Move to 1.2.0' })).toBeTruthy();
  });

  it.each([
    ['NOT_FOUND', 'This assignment or version was not found. Reload the page and try again.'],
    ['INTERNAL_SERVER_ERROR', 'The assignment could not be moved. Try again.'],
  ])('shows a clear alert for %s, not the raw message', async (code, message) => {
    renderList(() => ({ errors: [{ message: 'raw server text', extensions: { code } }] }));
    fireEvent.click(await screen.findByRole('button', { name: 'Move to 1.2.0' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, move to 1.2.0' }));
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(screen.queryByText('raw server text')).toBeNull();
  });

  it('offers and makes the move on the progress page, then reloads the progress', async () => {
    let version = '1.1.0';
    const progress: Resolver = (variables) => {
      const view = assignmentProgress(variables) as { data: { assignmentProgress: Record<string, unknown> } };
      return {
        data: {
          assignmentProgress: {
            ...view.data.assignmentProgress,
            assignment: assignment({ version, newerVersion: version === '1.1.0' ? '1.2.0' : null }),
          },
        },
      };
    };
    const { calls } = renderApp(PROGRESS_PATH, {
      Me: signedInAs(TEACHER),
      AssignmentProgress: progress,
      AssignmentTopics: assignmentTopics,
      MoveAssignmentToVersion: () => {
        version = '1.2.0';
        return { data: { moveAssignmentToVersion: assignment({ version, newerVersion: null }) } };
      },
    });
    expect(await screen.findByText('Version 1.2.0 is available')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Move to 1.2.0' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, move to 1.2.0' }));
    expect((await screen.findByRole('status')).textContent).toBe('This assignment now uses version 1.2.0.');
    const facts = screen.getByText('Version', { selector: 'dt' }).nextElementSibling;
    expect(facts?.textContent).toMatch(/^1\.2\.0/);
    await waitFor(() => expect(variablesOf(calls, 'AssignmentProgress')).toHaveLength(2));
    expect(screen.queryByText('Version 1.2.0 is available')).toBeNull();
  });
});
