import { fireEvent, screen, within } from '@testing-library/react';
import { renderApp, signedInAs, viewer } from '../../testing/render-app';

const PRINCIPAL = viewer({
  id: 'u-principal',
  kind: 'staff',
  displayName: 'David Chen',
  roles: ['school_admin'],
  home: '/school',
});

const teacher = {
  __typename: 'StaffMember',
  id: 't-1',
  displayName: 'James Okafor',
  email: 'teacher@x.example',
};
const cls = {
  __typename: 'Class',
  id: 'c-1',
  name: 'Health 7, Period 2',
  gradeLevels: [7],
  schoolYear: '2026-2027',
  studentCount: 1,
  teachers: [teacher],
};
const school = {
  __typename: 'School',
  id: 's-1',
  name: 'Bayside Secondary School',
  lowestGrade: 6,
  highestGrade: 12,
};

const managed = () => ({
  data: { schools: [school], classes: [{ ...cls, school: { __typename: 'School', id: 's-1' } }] },
});
const staff = () => ({ data: { school: { __typename: 'School', id: 's-1', staff: [teacher] } } });

describe('classes by hand', () => {
  it('lists the classes and adds one with grades and a teacher', async () => {
    const { calls } = renderApp('/school/classes', {
      Me: signedInAs(PRINCIPAL),
      ManagedClasses: managed,
      SchoolStaff: staff,
      CreateClass: () => ({
        data: {
          createClass: { ...cls, id: 'c-2', name: 'Health 8, Period 1', gradeLevels: [8], studentCount: 0 },
        },
      }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Classes' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Classes at Bayside Secondary School' });
    expect(within(table).getByRole('link', { name: 'Health 7, Period 2' }).getAttribute('href')).toBe(
      '/school/classes/c-1',
    );
    expect(within(table).getAllByRole('row')[1]!.textContent).toContain('James Okafor');

    fireEvent.click(screen.getByRole('button', { name: 'Add the class' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Please fill in: Class name, Grade levels.');
    expect(calls.some((c) => c.operationName === 'CreateClass')).toBe(false);

    fireEvent.change(screen.getByLabelText(/Class name/), { target: { value: 'Health 8, Period 1' } });
    const grades = screen.getByRole('group', { name: 'Grade levels' });
    expect(within(grades).getAllByRole('checkbox')).toHaveLength(7);
    fireEvent.click(within(grades).getByLabelText('Grade 8'));
    fireEvent.click(await screen.findByLabelText(/James Okafor/));
    fireEvent.click(screen.getByRole('button', { name: 'Add the class' }));
    expect((await screen.findByRole('status')).textContent).toContain('“Health 8, Period 1” was added.');
    expect(calls.find((c) => c.operationName === 'CreateClass')?.variables).toEqual({
      input: {
        schoolId: 's-1',
        name: 'Health 8, Period 1',
        gradeLevels: [8],
        schoolYear: expect.stringMatching(/^\d{4}-\d{4}$/),
        teacherIds: ['t-1'],
      },
    });
    expect(screen.getByRole('link', { name: 'Edit Health 8, Period 1' }).getAttribute('href')).toBe(
      '/school/classes/c-2',
    );
  });

  it('says clearly when the name is already taken', async () => {
    renderApp('/school/classes', {
      Me: signedInAs(PRINCIPAL),
      ManagedClasses: managed,
      SchoolStaff: staff,
      CreateClass: () => ({
        errors: [{ message: 'A class named "x" already exists', extensions: { code: 'CONFLICT' } }],
      }),
    });
    fireEvent.change(await screen.findByLabelText(/Class name/), { target: { value: 'Health 7, Period 2' } });
    fireEvent.click(await screen.findByLabelText('Grade 7'));
    fireEvent.click(screen.getByRole('button', { name: 'Add the class' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/already exists at this school/);
  });

  it('edits a class: rename, enroll and unenroll', async () => {
    const { calls } = renderApp('/school/classes/c-1', {
      Me: signedInAs(PRINCIPAL),
      ClassEditor: () => ({
        data: {
          class: {
            ...cls,
            school: { ...school, staff: [teacher] },
            students: [
              { __typename: 'Student', id: 'st-1', username: 'maya', displayName: 'Maya', gradeLevel: 7 },
            ],
          },
        },
      }),
      SchoolStudents: () => ({
        data: {
          school: {
            __typename: 'School',
            id: 's-1',
            students: [
              { __typename: 'Student', id: 'st-1', username: 'maya', displayName: 'Maya', gradeLevel: 7 },
              { __typename: 'Student', id: 'st-2', username: 'kai', displayName: 'Kai', gradeLevel: 7 },
            ],
          },
        },
      }),
      UpdateClass: (v) => ({
        data: { updateClass: { ...cls, name: (v.input as { name: string }).name } },
      }),
      EnrollStudents: () => ({ data: { enrollStudents: { ...cls, studentCount: 2 } } }),
      UnenrollStudents: () => ({ data: { unenrollStudents: { ...cls, studentCount: 0 } } }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Class: Health 7, Period 2' })).toBeTruthy();
    const name = screen.getByLabelText('Class name');
    fireEvent.change(name, { target: { value: 'Health 7, Period 3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));
    expect(await screen.findByText('Saved: “Health 7, Period 3”.')).toBeTruthy();
    expect(calls.find((c) => c.operationName === 'UpdateClass')?.variables).toEqual({
      input: { classId: 'c-1', name: 'Health 7, Period 3', gradeLevels: [7], schoolYear: '2026-2027' },
    });

    // Maya is enrolled: only Kai is offered.
    const offered = await screen.findByRole('group', {
      name: 'Students of the school who are not in this class',
    });
    expect(within(offered).getAllByRole('checkbox')).toHaveLength(1);
    fireEvent.click(within(offered).getByLabelText(/Kai/));
    fireEvent.click(screen.getByRole('button', { name: 'Enroll the selected students (1)' }));
    expect(await screen.findByText('1 student was enrolled.')).toBeTruthy();
    expect(calls.find((c) => c.operationName === 'EnrollStudents')?.variables).toEqual({
      input: { classId: 'c-1', studentIds: ['st-2'] },
    });

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Maya to unenroll' }));
    fireEvent.click(screen.getByRole('button', { name: 'Unenroll the selected students (1)' }));
    expect(await screen.findByText('1 student was unenrolled.')).toBeTruthy();
    expect(calls.find((c) => c.operationName === 'UnenrollStudents')?.variables).toEqual({
      input: { classId: 'c-1', studentIds: ['st-1'] },
    });
  });

  it('is not open to teachers', async () => {
    renderApp('/school/classes', {
      Me: signedInAs(viewer({ kind: 'staff', roles: ['teacher'], home: '/teacher' })),
    });
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 1, name: 'Classes' })).toBeNull();
  });
});
