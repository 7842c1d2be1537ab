import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { schoolYearOf } from '@haven/domain';
import {
  DISTRICT_ADMIN,
  renderApp,
  signedInAs,
  TEACHER,
  viewer,
  type Resolver,
} from '../../testing/render-app';
import {
  complianceReport,
  gradeCompliance,
  outcomesReport,
  staffTraining,
  studentCompliance,
} from './district-fixtures';

const CURRENT = schoolYearOf(new Date());

describe('mandate compliance dashboard', () => {
  it('shows the rules with their uncertainty, a chart with its table, and each school’s grades', async () => {
    const { calls } = renderApp('/district/compliance', {
      Me: signedInAs(DISTRICT_ADMIN),
      ComplianceReport: complianceReport,
      OutcomesReport: outcomesReport,
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Mandate compliance' })).toBeTruthy();
    await screen.findByRole('heading', { name: 'Florida Child Trafficking Prevention Education' });
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByText('Some facts of this rule are uncertain:')).toBeTruthy();
    expect(screen.getByText('Parents may not opt out (secondary source)')).toBeTruthy();
    expect(screen.getByText('Secondary source')).toBeTruthy();
    expect(screen.getByRole('link', { name: /flrules\.org/ }).getAttribute('href')).toContain('6A-1.094124');

    // The chart is an image with a label; its figures are in a table.
    expect(screen.getByRole('img', { name: /Bar chart: percentage of students/ })).toBeTruthy();
    const chartTable = screen.getByRole('table', {
      name: `Percentage delivered by school and grade, ${CURRENT}`,
    });
    expect(within(chartTable).getAllByRole('row')[1]?.textContent).toBe('Bayside Secondary SchoolGrade 720%');

    const grades = screen.getByRole('table', { name: 'Grades at Bayside Secondary School' });
    const rows = within(grades).getAllByRole('row');
    expect(rows[1]?.textContent).toContain('Partially met');
    expect(rows[1]?.textContent).toContain('<5');
    expect(rows[1]?.textContent).toContain('4 students not reached');
    expect(rows[2]?.textContent).toContain('Not met');
    expect(within(grades).getByRole('link', { name: 'Grade 7' }).getAttribute('href')).toBe(
      `/district/compliance/s-1/7?year=${CURRENT}`,
    );
    expect(screen.getByText(/means fewer than 5 students/)).toBeTruthy();
    expect(calls.find((c) => c.operationName === 'ComplianceReport')?.variables).toEqual({
      schoolYear: CURRENT,
    });
  });

  it('asks for another school year from the selector', async () => {
    const { calls, location } = renderApp('/district/compliance', {
      Me: signedInAs(DISTRICT_ADMIN),
      ComplianceReport: complianceReport,
    });
    const select = await screen.findByRole('combobox', { name: 'School year' });
    const options = within(select)
      .getAllByRole('option')
      .map((o) => o.textContent ?? '');
    expect(options).toHaveLength(3);
    expect(options.every((y) => /^\d{4}-\d{4}$/.test(y))).toBe(true);
    const previous = options[1] ?? '';
    fireEvent.change(select, { target: { value: previous } });
    await waitFor(() =>
      expect(calls.filter((c) => c.operationName === 'ComplianceReport').at(-1)?.variables).toEqual({
        schoolYear: previous,
      }),
    );
    expect(location.search).toBe(`?year=${previous}`);
  });

  it('lists the students of a grade and opens a student record', async () => {
    const { calls } = renderApp(`/district/compliance/s-1/7?year=${CURRENT}`, {
      Me: signedInAs(DISTRICT_ADMIN),
      GradeCompliance: gradeCompliance,
      StudentCompliance: studentCompliance,
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Grade 7, Bayside Secondary School' }),
    ).toBeTruthy();
    expect(calls.find((c) => c.operationName === 'GradeCompliance')?.variables).toEqual({
      schoolId: 's-1',
      grade: 7,
      schoolYear: CURRENT,
    });
    const table = screen.getByRole('table', { name: `Students in Grade 7, ${CURRENT}` });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]?.textContent).toBe('MayaDeliveredNoneHealth 7, Period 2');
    expect(rows[2]?.textContent).toBe('NoahNot reachedOnline safetyHealth 7, Period 2');

    fireEvent.click(within(table).getByRole('link', { name: 'Noah' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Noah' })).toBeTruthy();
    expect(screen.getByText('Not reached')).toBeTruthy();
    expect(screen.getByText('2026-07-01 to 2027-06-30')).toBeTruthy();
    expect(screen.getByText('Nothing has counted yet.')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Required topics' }).textContent).toBe(
      'Signs of human traffickingOnline safety',
    );
    expect(screen.getByRole('list', { name: 'Missing topics' }).textContent).toBe('Online safety');
    expect(screen.getByRole('link', { name: 'Back to the grade' }).getAttribute('href')).toBe(
      `/district/compliance/s-1/7?year=${CURRENT}`,
    );
  });

  it('says "not found" for a student the API does not show', async () => {
    renderApp('/district/compliance/student/st-other', {
      Me: signedInAs(DISTRICT_ADMIN),
      StudentCompliance: studentCompliance,
    });
    expect(await screen.findByRole('heading', { level: 1, name: /not found/i })).toBeTruthy();
  });

  it('gives a school admin the same pages under /school', async () => {
    const principal = viewer({
      id: 'u-p',
      kind: 'staff',
      displayName: 'Pat Kim',
      roles: ['school_admin'],
      home: '/school',
    });
    renderApp('/school/compliance', { Me: signedInAs(principal), ComplianceReport: complianceReport });
    expect(await screen.findByRole('heading', { level: 1, name: 'Mandate compliance' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Mandate compliance' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect((await screen.findByRole('link', { name: 'Grade 7' })).getAttribute('href')).toBe(
      `/school/compliance/s-1/7?year=${CURRENT}`,
    );
  });

  it.each([
    ['a teacher', TEACHER, '/signin'],
    ['a student', viewer(), '/student/signin'],
  ])('keeps %s out', async (_, who, _signIn) => {
    renderApp('/district/compliance', { Me: signedInAs(who), ComplianceReport: complianceReport });
    await waitFor(() => expect(screen.queryByRole('heading', { level: 1 })).toBeTruthy());
    expect(screen.queryByRole('heading', { name: 'Mandate compliance' })).toBeNull();
  });
});

describe('staff training', () => {
  it('lists staff with their trainings and what expires soon', async () => {
    renderApp('/district/training', { Me: signedInAs(DISTRICT_ADMIN), StaffTraining: staffTraining });
    expect(await screen.findByRole('heading', { level: 1, name: 'Staff training' })).toBeTruthy();
    await screen.findByRole('table', { name: 'Staff and their trainings' });
    const expiring = screen.getByRole('region', { name: 'Expiring soon' });
    expect(expiring.textContent).toContain('Jordan Lee: Trafficking awareness for educators expires');
    const rows = within(screen.getByRole('table', { name: 'Staff and their trainings' })).getAllByRole('row');
    expect(rows[1]?.textContent).toContain('Expiring soon');
    expect(rows[1]?.textContent).toContain('teacher@gulfcoast.example');
    expect(rows[2]?.textContent).toContain('Teacher, School admin');
    expect(rows[2]?.textContent).toContain('No training recorded');
  });

  it('records a training and says so', async () => {
    const recordTraining = jest.fn<ReturnType<Resolver>, Parameters<Resolver>>(() => ({
      data: {
        recordTraining: {
          __typename: 'TrainingRecordModel',
          id: 'tr-new',
          courseCode: 'disclosure',
          courseTitle: 'Responding to disclosures',
          completedAt: '2026-11-20T12:00:00.000Z',
          expiresAt: null,
          source: 'external',
          current: true,
          expiringSoon: false,
        },
      },
    }));
    const { calls } = renderApp('/district/training', {
      Me: signedInAs(DISTRICT_ADMIN),
      StaffTraining: staffTraining,
      RecordTraining: recordTraining,
    });
    await screen.findByRole('heading', { name: 'Record a training' });
    fireEvent.click(screen.getByRole('button', { name: 'Record training' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Choose a staff member, a training and a completion date.',
    );
    fireEvent.change(screen.getByRole('combobox', { name: 'Staff member' }), {
      target: { value: 'u-counsel' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Training' }), { target: { value: 'disclosure' } });
    fireEvent.change(screen.getByLabelText('Completion date'), { target: { value: '2026-11-20' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Note (optional)' }), {
      target: { value: 'Certificate 42' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Record training' }));
    expect(
      (await screen.findByText('Recorded Responding to disclosures for Sam Rivera.')).getAttribute('role'),
    ).toBe('status');
    expect(recordTraining.mock.calls[0]?.[0]).toEqual({
      input: {
        userId: 'u-counsel',
        courseCode: 'disclosure',
        completedAt: '2026-11-20T12:00:00.000Z',
        source: 'external',
        note: 'Certificate 42',
      },
    });
    // The list is read again after the write.
    expect(calls.filter((c) => c.operationName === 'StaffTraining').length).toBeGreaterThan(1);
  });

  it('says when recording fails', async () => {
    renderApp('/district/training', {
      Me: signedInAs(DISTRICT_ADMIN),
      StaffTraining: staffTraining,
      RecordTraining: () => ({ errors: [{ message: 'nope', extensions: { code: 'FORBIDDEN' } }] }),
    });
    await screen.findByRole('heading', { name: 'Record a training' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Staff member' }), {
      target: { value: 'u-teacher' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Training' }), { target: { value: 'awareness' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record training' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      "The training couldn't be recorded. Please try again.",
    );
  });
});

describe('evidence report', () => {
  it('renders the figures, rules, training summary, print button and CSV link', async () => {
    const print = jest.fn();
    window.print = print;
    renderApp('/district/report', {
      Me: signedInAs(DISTRICT_ADMIN),
      ComplianceReport: complianceReport,
      StaffTraining: staffTraining,
      OutcomesReport: outcomesReport,
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Compliance evidence report' })).toBeTruthy();
    const grades = await screen.findByRole('table', { name: 'Grades at Bayside Secondary School' });
    expect(within(grades).getAllByRole('row')[2]?.textContent).toContain('Not met');
    expect(within(grades).queryAllByRole('link')).toHaveLength(0);
    expect(screen.getByText('Some facts of this rule are uncertain:')).toBeTruthy();
    expect(screen.getByText('Gulf Coast Unified, FL')).toBeTruthy();
    await screen.findByRole('table', { name: 'Staff and their trainings' });
    const csv = screen.getByRole('link', { name: `Download CSV (${CURRENT})` });
    expect(csv.getAttribute('href')).toBe(`/exports/compliance.csv?schoolYear=${CURRENT}`);
    expect(csv.hasAttribute('download')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalled();
  });
});
