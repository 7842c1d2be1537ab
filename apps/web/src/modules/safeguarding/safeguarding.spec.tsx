import axe from 'axe-core';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  renderApp,
  signedInAs,
  TEACHER,
  viewer,
  type RecordedCall,
  type Resolver,
} from '../../testing/render-app';
import { assignmentProgress, assignmentTopics, ASSIGNMENT_ID, CLASS_ID } from '../teacher/teacher-fixtures';

async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, {
    runOnly: {
      type: 'tag',
      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    },
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const variablesOf = (calls: RecordedCall[], operation: string) =>
  calls.filter((c) => c.operationName === operation).map((c) => c.variables);

const ANSWER = 'A trusted adult at your school will follow up.';
const noClasses: Resolver = () => ({ data: { myClasses: [] } });
const noLessons: Resolver = () => ({ data: { myLessons: [] } });
const answered: Resolver = () => ({
  data: { askToTalk: { __typename: 'AskToTalkAnswer', message: ANSWER } },
});

const COUNSELLOR = viewer({
  id: 'u-counsellor',
  kind: 'staff',
  displayName: 'Ms. Dana Brooks',
  roles: ['teacher'],
  home: '/teacher',
});
const PRINCIPAL = viewer({
  id: 'u-principal',
  kind: 'staff',
  displayName: 'Mr. David Chen',
  roles: ['school_admin'],
  home: '/school',
});

const inbox =
  (designated: boolean, openAlerts: number): Resolver =>
  () => ({ data: { safeguardingInbox: { __typename: 'SafeguardingInbox', designated, openAlerts } } });

const alert = (fields: Record<string, unknown>) => ({
  __typename: 'SafeguardingAlertModel',
  id: 'a-1',
  kind: 'talk-request',
  schoolName: 'Bayside Secondary School',
  studentName: 'Kai',
  gradeLevel: 7,
  classNames: ['Health 7, Period 2'],
  text: 'Can I talk to someone about home?',
  categories: [],
  createdAt: '2026-11-26T09:30:00.000Z',
  acknowledgedAt: null,
  acknowledgedByName: null,
  notes: null,
  ...fields,
});

describe('student: "I want to talk to someone"', () => {
  it('on the student home, sends the optional message and shows the same calm answer', async () => {
    const { calls } = renderApp('/student', {
      Me: signedInAs(viewer()),
      MyClasses: noClasses,
      MyLessons: noLessons,
      AskToTalk: answered,
    });
    const region = await screen.findByRole('region', { name: 'Want to talk to someone?' });
    // It sits beside the safety bar, never instead of it.
    expect(screen.getByTestId('quick-exit')).toBeTruthy();
    expect(screen.getByTestId('help-toggle')).toBeTruthy();

    fireEvent.click(within(region).getByRole('button', { name: 'I want to talk to someone' }));
    const message = within(region).getByRole('textbox', {
      name: 'Anything you’d like them to know? (optional)',
    });
    await waitFor(() => expect(document.activeElement).toBe(message));
    expect(message.getAttribute('maxLength')).toBe('2000');
    fireEvent.change(message, { target: { value: '  I need to talk about my uncle.  ' } });
    expect(await violations()).toEqual([]);

    fireEvent.click(within(region).getByRole('button', { name: 'Send' }));
    const thanks = await screen.findByRole('heading', { name: 'Thank you for telling us' });
    await waitFor(() => expect(document.activeElement).toBe(thanks));
    expect(screen.getByText(ANSWER)).toBeTruthy();
    expect(screen.getByText(/If you are in danger right now, call 911/)).toBeTruthy();
    expect(variablesOf(calls, 'AskToTalk')).toEqual([
      { input: { message: 'I need to talk about my uncle.' } },
    ]);
    expect(await violations()).toEqual([]);
  });

  it('sends without a message, and "Not now" closes the form without sending anything', async () => {
    const { calls } = renderApp('/student', {
      Me: signedInAs(viewer()),
      MyClasses: noClasses,
      MyLessons: noLessons,
      AskToTalk: answered,
    });
    const region = await screen.findByRole('region', { name: 'Want to talk to someone?' });
    fireEvent.click(within(region).getByRole('button', { name: 'I want to talk to someone' }));
    fireEvent.click(within(region).getByRole('button', { name: 'Not now' }));
    const opener = within(region).getByRole('button', { name: 'I want to talk to someone' });
    await waitFor(() => expect(document.activeElement).toBe(opener));
    expect(variablesOf(calls, 'AskToTalk')).toEqual([]);

    fireEvent.click(opener);
    fireEvent.click(within(region).getByRole('button', { name: 'Send' }));
    await screen.findByText(ANSWER);
    expect(variablesOf(calls, 'AskToTalk')).toEqual([{ input: {} }]);
  });

  it('keeps what the student wrote when sending fails, says what to do, and sends on retry', async () => {
    let fail = true;
    const { calls } = renderApp('/student', {
      Me: signedInAs(viewer()),
      MyClasses: noClasses,
      MyLessons: noLessons,
      AskToTalk: (v) => (fail ? new Error('offline') : answered(v)),
    });
    const region = await screen.findByRole('region', { name: 'Want to talk to someone?' });
    fireEvent.click(within(region).getByRole('button', { name: 'I want to talk to someone' }));
    fireEvent.change(within(region).getByRole('textbox'), { target: { value: 'please' } });
    fireEvent.click(within(region).getByRole('button', { name: 'Send' }));
    expect((await within(region).findByRole('alert')).textContent).toMatch(/didn’t send.*1-888-373-7888/);
    expect((within(region).getByRole('textbox') as HTMLTextAreaElement).value).toBe('please');
    fail = false;
    fireEvent.click(within(region).getByRole('button', { name: 'Try again' }));
    await screen.findByText(ANSWER);
    expect(variablesOf(calls, 'AskToTalk')).toEqual([
      { input: { message: 'please' } },
      { input: { message: 'please' } },
    ]);
  });

  it('is offered in Spanish too', async () => {
    renderApp('/student', {
      Me: signedInAs(viewer({ preferredLanguage: 'es' })),
      MyClasses: noClasses,
      MyLessons: noLessons,
    });
    expect(await screen.findByRole('button', { name: 'Quiero hablar con alguien' })).toBeTruthy();
  });
});

describe('designated staff: the safeguarding page', () => {
  it('lists open alerts with the student, class, time and text, and acknowledges one with a note', async () => {
    let acknowledged = false;
    const { calls } = renderApp('/safeguarding', {
      Me: signedInAs(COUNSELLOR),
      SafeguardingInbox: inbox(true, 2),
      SafeguardingAlerts: (v) => ({
        data: {
          safeguardingAlerts:
            v['status'] === 'open'
              ? [
                  ...(acknowledged ? [] : [alert({})]),
                  alert({
                    id: 'a-2',
                    kind: 'concerning-phrase',
                    studentName: 'Maya',
                    text: 'My boss took my passport',
                    categories: ['control'],
                  }),
                ]
              : acknowledged
                ? [
                    alert({
                      acknowledgedAt: '2026-11-26T10:00:00.000Z',
                      acknowledgedByName: 'Ms. Dana Brooks',
                      notes: 'Met Kai; followed the protocol.',
                    }),
                  ]
                : [],
        },
      }),
      AcknowledgeSafeguardingAlert: () => {
        acknowledged = true;
        return {
          data: {
            acknowledgeSafeguardingAlert: alert({
              acknowledgedAt: '2026-11-26T10:00:00.000Z',
              acknowledgedByName: 'Ms. Dana Brooks',
              notes: 'Met Kai; followed the protocol.',
            }),
          },
        };
      },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Safeguarding' })).toBeTruthy();
    const open = await screen.findByRole('region', { name: 'Open alerts' });
    const kai = await within(open).findByRole('listitem', { name: 'Kai, Grade 7: Asked to talk to someone' });
    expect(within(kai).getByText('Health 7, Period 2')).toBeTruthy();
    expect(within(kai).getByText('Can I talk to someone about home?')).toBeTruthy();
    const maya = within(open).getByRole('listitem', {
      name: 'Maya, Grade 7: Reflection that may show a concern',
    });
    expect(within(maya).getByText('ID, papers or phone taken, or not allowed to leave')).toBeTruthy();
    expect(screen.getByText(/recorded in the audit log/)).toBeTruthy();
    expect(await violations()).toEqual([]);

    // A note is required.
    fireEvent.click(within(kai).getByRole('button', { name: 'Acknowledge' }));
    expect(within(kai).getByRole('alert').textContent).toBe('Write a short note of what you did.');
    expect(variablesOf(calls, 'AcknowledgeSafeguardingAlert')).toEqual([]);

    fireEvent.change(within(kai).getByRole('textbox', { name: 'Note of what you did' }), {
      target: { value: 'Met Kai; followed the protocol.' },
    });
    fireEvent.click(within(kai).getByRole('button', { name: 'Acknowledge' }));
    expect(await screen.findByText('Acknowledged. The alert moved to the acknowledged list.')).toBeTruthy();
    expect(variablesOf(calls, 'AcknowledgeSafeguardingAlert')).toEqual([
      { input: { alertId: 'a-1', note: 'Met Kai; followed the protocol.' } },
    ]);
    const done = screen.getByRole('region', { name: 'Acknowledged' });
    expect(await within(done).findByText(/Acknowledged by Ms. Dana Brooks/)).toBeTruthy();
    expect(within(done).getByText('Met Kai; followed the protocol.')).toBeTruthy();
    await waitFor(() => expect(within(open).queryByRole('listitem', { name: /^Kai/ })).toBeNull());
  });

  it('explains the page to staff who are not designated, and shows them no alert', async () => {
    const { calls } = renderApp('/safeguarding', {
      Me: signedInAs(TEACHER),
      SafeguardingInbox: inbox(false, 0),
      SafeguardingAlerts: () => ({ data: { safeguardingAlerts: [] } }),
    });
    expect(await screen.findByText(/Only your school’s designated safeguarding staff/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Open alerts' })).toBeNull();
    expect(calls.some((c) => c.operationName === 'SafeguardingInbox')).toBe(true);
  });

  it('shows designated staff the open count on their home, linking to the page', async () => {
    renderApp('/teacher', {
      Me: signedInAs(COUNSELLOR),
      TeacherClasses: () => ({ data: { classes: [] } }),
      SafeguardingInbox: inbox(true, 2),
    });
    const notice = await screen.findByTestId('safeguarding-inbox');
    expect(notice.textContent).toBe('Safeguarding: 2 open alerts Open the safeguarding page');
    expect(within(notice).getByRole('link').getAttribute('href')).toBe('/safeguarding');
  });

  it('shows nothing on the home of staff who are not designated', async () => {
    const { calls } = renderApp('/teacher', {
      Me: signedInAs(TEACHER),
      TeacherClasses: () => ({ data: { classes: [] } }),
      SafeguardingInbox: inbox(false, 0),
    });
    // The home has rendered and the inbox has answered (not designated): no notice.
    await screen.findByText(/You don't have any classes yet/);
    await waitFor(() => expect(calls.some((c) => c.operationName === 'SafeguardingInbox')).toBe(true));
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(screen.queryByTestId('safeguarding-inbox')).toBeNull();
  });
});

describe('teacher: the follow-up flag', () => {
  it('shows a worded flag on the student, with no text or category, and what it means', async () => {
    const flagged: Resolver = (v) => {
      const r = assignmentProgress(v) as {
        data: { assignmentProgress: { students: { student: { username: string } }[] } };
      };
      r.data.assignmentProgress.students = r.data.assignmentProgress.students.map((s) =>
        s.student.username === 'priya' ? { ...s, needsFollowUp: true } : s,
      );
      return r;
    };
    renderApp(`/teacher/classes/${CLASS_ID}/assignments/${ASSIGNMENT_ID}`, {
      Me: signedInAs(TEACHER),
      AssignmentProgress: flagged,
      AssignmentTopics: assignmentTopics,
    });
    const priya = await screen.findByRole('rowheader', { name: /Priya/ });
    expect(priya.textContent).toBe('Priya⚑ Designated staff following up');
    expect(screen.getAllByTestId('follow-up-flag')).toHaveLength(1);
    expect(screen.getByText(/You do not need to do anything; do not question the student/)).toBeTruthy();
  });
});

describe('school admin: designated safeguarding staff', () => {
  const staff = (designees: { userId: string; displayName: string; title: string | null }[]) => ({
    __typename: 'SchoolSafeguardingStaff',
    schoolId: 's-1',
    schoolName: 'Bayside Secondary School',
    designees: designees.map((d) => ({
      __typename: 'SafeguardingDesigneeModel',
      email: `${d.userId}@gulfcoast.example`,
      namedAt: '2026-08-01T00:00:00.000Z',
      ...d,
    })),
    candidates: [
      {
        __typename: 'SchoolStaffMember',
        userId: 'u-okafor',
        displayName: 'Mr. James Okafor',
        roles: ['teacher'],
      },
    ].filter((c) => !designees.some((d) => d.userId === c.userId)),
  });
  const overview: Resolver = () => ({
    data: {
      schools: [
        {
          __typename: 'School',
          id: 's-1',
          name: 'Bayside Secondary School',
          code: 'BAYSIDE',
          classCount: 0,
          studentCount: 0,
          classes: [],
        },
      ],
    },
  });

  it('warns when no one is named, and names a staff member with a title', async () => {
    const { calls } = renderApp('/school', {
      Me: signedInAs(PRINCIPAL),
      SchoolOverview: overview,
      SafeguardingInbox: inbox(false, 0),
      SchoolSafeguardingStaff: () => ({ data: { schoolSafeguardingStaff: staff([]) } }),
      DesignateSafeguardingStaff: () => ({
        data: {
          designateSafeguardingStaff: staff([
            { userId: 'u-okafor', displayName: 'Mr. James Okafor', title: 'Safeguarding lead' },
          ]),
        },
      }),
    });
    const section = await screen.findByTestId('safeguarding-staff');
    expect(await within(section).findByText(/nobody is told when a student asks for help/)).toBeTruthy();

    fireEvent.click(within(section).getByRole('button', { name: 'Name as designated staff' }));
    expect(within(section).getByRole('alert').textContent).toBe('Choose a staff member first.');

    fireEvent.change(within(section).getByRole('combobox', { name: 'Staff member' }), {
      target: { value: 'u-okafor' },
    });
    fireEvent.change(within(section).getByRole('textbox', { name: 'Title (optional)' }), {
      target: { value: 'Safeguarding lead' },
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Name as designated staff' }));
    expect(
      await within(section).findByText('Mr. James Okafor is now designated safeguarding staff.'),
    ).toBeTruthy();
    const table = within(section).getByRole('table', {
      name: 'Designated safeguarding staff at Bayside Secondary School',
    });
    expect(within(table).getByRole('rowheader', { name: 'Mr. James Okafor' })).toBeTruthy();
    expect(variablesOf(calls, 'DesignateSafeguardingStaff')).toEqual([
      { input: { schoolId: 's-1', userId: 'u-okafor', title: 'Safeguarding lead' } },
    ]);
    expect(await violations()).toEqual([]);
  });
});
