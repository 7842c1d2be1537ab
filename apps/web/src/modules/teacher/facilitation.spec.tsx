import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp, signedInAs, TEACHER, type RecordedCall, type Resolver } from '../../testing/render-app';
import { assignmentProgress, ASSIGNMENT_ID, CLASS_ID } from './teacher-fixtures';

/** An in-memory BroadcastChannel: every open channel of a name hears the others (like windows of a browser). */
class FakeChannel {
  static open: FakeChannel[] = [];
  onmessage: ((e: MessageEvent) => void) | null = null;
  constructor(readonly name: string) {
    FakeChannel.open.push(this);
  }
  postMessage(data: unknown) {
    for (const c of FakeChannel.open)
      if (c !== this && c.name === this.name) c.onmessage?.({ data } as MessageEvent);
  }
  close() {
    FakeChannel.open = FakeChannel.open.filter((c) => c !== this);
  }
}

const NOTE = 'Ask, do not tell: never press a student to share.';
const lessonsOf =
  (withNotes: boolean): Resolver =>
  () => ({
    data: {
      moduleVersion: {
        __typename: 'ModuleVersion',
        id: 'recognizing-trafficking-9-12@1.1.0',
        language: 'en',
        title: 'Recognizing Human Trafficking',
        lessons: [
          {
            __typename: 'Lesson',
            id: 'what-it-is',
            title: 'What trafficking is',
            minutes: 45,
            blocks: [
              {
                __typename: 'LessonBlock',
                kind: 'content',
                title: null,
                html: '<p>Trafficking is exploitation.</p>',
              },
              {
                __typename: 'LessonBlock',
                kind: 'discussion',
                title: null,
                html: '<p>Who could you tell?</p>',
              },
            ],
            ...(withNotes
              ? { facilitatorNotes: [{ __typename: 'FacilitatorNote', title: null, html: `<p>${NOTE}</p>` }] }
              : {}),
          },
        ],
      },
    },
  });

const TEACH = `/teacher/classes/${CLASS_ID}/assignments/${ASSIGNMENT_ID}/teach/what-it-is`;
const PRESENT = `/present/${ASSIGNMENT_ID}/recognizing-trafficking-9-12/1.1.0/what-it-is`;
const recorded = (calls: RecordedCall[]) => calls.filter((c) => c.operationName === 'RecordDelivery');

describe('facilitation mode', () => {
  beforeEach(() => {
    FakeChannel.open = [];
    (globalThis as { BroadcastChannel?: unknown }).BroadcastChannel = FakeChannel;
  });
  afterEach(() => {
    delete (globalThis as { BroadcastChannel?: unknown }).BroadcastChannel;
  });

  it('shows the current part with the facilitator notes, moves on, and times a discussion', async () => {
    renderApp(TEACH, {
      Me: signedInAs(TEACHER),
      AssignmentProgress: assignmentProgress,
      FacilitationLessons: lessonsOf(true),
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Teach in class: What trafficking is' }),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Part 1 of 2: Learn' })).toBeTruthy();
    expect(screen.getByText('Trafficking is exploitation.')).toBeTruthy();
    const notes = screen.getByRole('complementary', { name: 'Facilitator notes' });
    expect(within(notes).getByText(NOTE)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Activity timer' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Part 2 of 2: Discussion' })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement).disabled).toBe(true);
    const timer = screen.getByRole('region', { name: 'Activity timer' });
    jest.useFakeTimers();
    try {
      fireEvent.click(within(timer).getByRole('button', { name: 'Start' }));
      expect(within(timer).getByRole('status').textContent).toBe('Timer started: 5:00 left');
      act(() => jest.advanceTimersByTime(3000));
      expect(within(timer).getByText('4:57 left')).toBeTruthy();
      fireEvent.click(within(timer).getByRole('button', { name: 'Pause' }));
      expect(within(timer).getByRole('status').textContent).toBe('Timer paused: 4:57 left');
      fireEvent.click(within(timer).getByRole('button', { name: 'Reset' }));
      expect(within(timer).getByText('5:00 left')).toBeTruthy();
    } finally {
      jest.useRealTimers();
    }
  });

  it('records who was present: everyone ticked, absent students unticked, excused students cannot be', async () => {
    const excusedProgress: Resolver = (v) => {
      const r = assignmentProgress(v) as {
        data: { assignmentProgress: { students: { excusedForConsent: boolean }[] } };
      };
      r.data.assignmentProgress.students[2]!.excusedForConsent = true; // Priya
      return r;
    };
    const { calls } = renderApp(TEACH, {
      Me: signedInAs(TEACHER),
      AssignmentProgress: excusedProgress,
      FacilitationLessons: lessonsOf(true),
      RecordDelivery: (v) => ({
        data: {
          recordDelivery: {
            __typename: 'ClassDeliveryModel',
            id: 'd-1',
            assignmentId: ASSIGNMENT_ID,
            lessonId: 'what-it-is',
            lessonTitle: 'What trafficking is',
            deliveredAt: new Date(2026, 10, 26).toISOString(),
            minutes: (v['input'] as { minutes: number }).minutes,
            deliveredByName: 'Ms. Teacher',
            presentStudentIds: (v['input'] as { presentStudentIds: string[] }).presentStudentIds,
          },
        },
      }),
    });
    const form = await screen.findByRole('form', { name: 'Who was present' });
    const eli = within(form).getByRole('checkbox', { name: 'Eli (eli)' }) as HTMLInputElement;
    const leo = within(form).getByRole('checkbox', { name: 'Leo (leo)' }) as HTMLInputElement;
    const priya = within(form).getByRole('checkbox', { name: 'Priya (priya)' }) as HTMLInputElement;
    expect([eli.checked, leo.checked, priya.checked]).toEqual([true, true, false]);
    expect(priya.disabled).toBe(true);
    expect(within(form).getByText(/Excused under the parental consent rules/)).toBeTruthy();
    expect(within(form).getByText(/1 student is excused from this module/)).toBeTruthy();
    const minutes = within(form).getByRole('spinbutton', { name: 'Minutes taught' }) as HTMLInputElement;
    expect(minutes.value).toBe('45');
    fireEvent.click(leo);
    fireEvent.change(minutes, { target: { value: '0' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save attendance' }));
    expect((await within(form).findByRole('alert')).textContent).toMatch(/from 1 to 600/);
    expect(recorded(calls)).toHaveLength(0);
    fireEvent.change(minutes, { target: { value: '40' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save attendance' }));
    expect((await screen.findByText(/^Saved:/)).textContent).toBe(
      'Saved: 1 student present in class for this lesson.',
    );
    expect(recorded(calls).map((c) => c.variables)).toEqual([
      {
        input: {
          assignmentId: ASSIGNMENT_ID,
          lessonId: 'what-it-is',
          minutes: 40,
          presentStudentIds: ['st-eli'],
        },
      },
    ]);
  });

  it('projector: no notes, no names; follows the teacher and moves on its own with the keyboard', async () => {
    const { calls } = renderApp(PRESENT, { Me: signedInAs(TEACHER), ProjectorLessons: lessonsOf(false) });
    expect(await screen.findByRole('heading', { level: 1, name: 'What trafficking is' })).toBeTruthy();
    expect(screen.getByText('Trafficking is exploitation.')).toBeTruthy();
    // No app chrome, no notes, and it never asks for students or notes.
    expect(screen.queryByRole('navigation', { name: /main/i })).toBeNull();
    expect(screen.queryByText(NOTE)).toBeNull();
    expect(calls.map((c) => c.operationName).sort()).toEqual(['Me', 'ProjectorLessons']);
    // The teacher's window, on the same channel.
    const heard: unknown[] = [];
    const teacher = new FakeChannel(`haven-present:${ASSIGNMENT_ID}:what-it-is`);
    teacher.onmessage = (e) => heard.push(e.data);
    act(() => teacher.postMessage({ type: 'show', block: 1 }));
    expect(screen.getByRole('heading', { level: 2, name: 'Let’s talk' })).toBeTruthy();
    expect(screen.getByText('Who could you tell?')).toBeTruthy();
    act(() => teacher.postMessage({ type: 'timer', remaining: 125, running: true }));
    expect(screen.getByText('Time left: 2:05')).toBeTruthy();
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    expect(screen.getByText('Trafficking is exploitation.')).toBeTruthy();
    expect(heard).toEqual([{ type: 'show', block: 0 }]);
    fireEvent.keyDown(window, { key: ' ' });
    expect(heard).toEqual([
      { type: 'show', block: 0 },
      { type: 'show', block: 1 },
    ]);
  });

  it('the teacher’s screen tells a newly opened projector where it is, and follows it', async () => {
    renderApp(TEACH, {
      Me: signedInAs(TEACHER),
      AssignmentProgress: assignmentProgress,
      FacilitationLessons: lessonsOf(true),
    });
    await screen.findByRole('heading', { level: 2, name: 'Part 1 of 2: Learn' });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    const heard: unknown[] = [];
    const projector = new FakeChannel(`haven-present:${ASSIGNMENT_ID}:what-it-is`);
    projector.onmessage = (e) => heard.push(e.data);
    act(() => projector.postMessage({ type: 'hello' }));
    expect(heard[0]).toEqual({ type: 'show', block: 1 });
    act(() => projector.postMessage({ type: 'show', block: 0 }));
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 2, name: 'Part 1 of 2: Learn' })).toBeTruthy(),
    );
  });
});
