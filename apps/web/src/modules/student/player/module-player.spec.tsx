import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp, signedInAs, viewer, type RecordedCall, type Resolver } from '../../../testing/render-app';
import type { ProgressEvent } from '../progress/progress-event';
import { applyEvents, toProgress, type Progress } from '../progress/progress-state';
import { ASSIGNMENT_ID, moduleFixture } from './player-fixtures';
import { moduleShape } from './use-module-progress';

/** A server that applies events the way the API does (same reducer) and accepts them all. */
function fakeServer(start: Partial<Progress> = {}): Record<string, Resolver> {
  const module = moduleFixture(start);
  let progress = toProgress(module.progress);
  return {
    Me: signedInAs(viewer()),
    MyAssignment: () => ({ data: { myAssignment: { ...module, progress: { ...module.progress } } } }),
    SubmitProgress: (variables) => {
      const events = (variables['input'] as { events: ProgressEvent[] }).events;
      progress = applyEvents(progress, events, moduleShape(module));
      return {
        data: {
          submitProgress: {
            __typename: 'SubmitProgressResult',
            results: events.map((e) => ({
              __typename: 'EventResult',
              id: e.id,
              outcome: 'accepted',
              code: null,
              message: null,
            })),
            progress: moduleFixture(progress).progress,
          },
        },
      };
    },
  };
}

function sentEvents(calls: RecordedCall[]): ProgressEvent[] {
  return calls
    .filter((c) => c.operationName === 'SubmitProgress')
    .flatMap((c) => (c.variables['input'] as { events: ProgressEvent[] }).events);
}

const PATH = `/student/lessons/${ASSIGNMENT_ID}`;

beforeEach(() => window.localStorage.clear());

describe('module player', () => {
  it('resumes at the saved step and block, with a neutral title and sanitised lesson HTML', async () => {
    renderApp(PATH, fakeServer({ status: 'in_progress', stepIndex: 1, blockIndex: 1, completedSteps: [0] }));
    expect(await screen.findByText('Part 2 of 2')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Getting help' })).toBeTruthy();
    expect(screen.getByText('Tell a trusted adult.')).toBeTruthy();
    expect(document.querySelector('.prose script')).toBeNull();
    expect(document.title).toBe('Lesson · Haven');
    const current = screen.getByRole('navigation', { name: 'Steps' }).querySelector('[aria-current="step"]');
    expect(current?.textContent).toContain('How grooming works');
    expect(screen.getByRole('status', { name: '' }).textContent).toBe('Saved');
  });

  it('warns before sensitive content and records the alternative for each topic', async () => {
    const { calls } = renderApp(
      PATH,
      fakeServer({ status: 'in_progress', stepIndex: 1, completedSteps: [0] }),
    );
    expect(await screen.findByRole('heading', { level: 2, name: 'Before you continue' })).toBeTruthy();
    expect(screen.getByText('This lesson talks about online grooming.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Do something else instead' }));
    expect(await screen.findByText('Read the chapter on safe apps in your workbook.')).toBeTruthy();
    await waitFor(() =>
      expect(sentEvents(calls).map((e) => [e.kind, e.topic])).toEqual([['content_alternative', 'grooming']]),
    );
    expect(screen.getAllByRole('link', { name: 'Back to my lessons' })).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: "I'm ready to continue" }));
    expect(await screen.findByText('Part 1 of 2')).toBeTruthy();
  });

  it('steps through a lesson, then takes an optional private reflection and finishes', async () => {
    const { calls } = renderApp(
      PATH,
      fakeServer({ status: 'in_progress', stepIndex: 1, completedSteps: [0] }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Part 1 of 2')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Back' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('Part 2 of 2')).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('Getting help');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    const box = await screen.findByLabelText(/What is one thing you want to remember/);
    expect(screen.getByText(/Only you and your teachers can see what you write here/)).toBeTruthy();
    fireEvent.change(box, { target: { value: 'Trust is earned.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Finish lesson' }));
    expect(await screen.findByText('Step 3 of 4')).toBeTruthy();
    await waitFor(() =>
      expect(sentEvents(calls).map((e) => e.kind)).toEqual([
        'lesson_position',
        'reflection',
        'step_complete',
      ]),
    );
    const events = sentEvents(calls);
    expect(events[0]).toMatchObject({ stepIndex: 1, blockIndex: 1 });
    expect(events[1]).toMatchObject({ promptId: 'lesson-grooming', text: 'Trust is earned.' });
    expect(events[2]).toMatchObject({ stepIndex: 1 });
    await waitFor(() => expect(screen.getByRole('status', { name: '' }).textContent).toBe('Saved'));
  });

  it('plays a scenario: engine choices, feedback, live announcements, an ending, another path', async () => {
    const { calls } = renderApp(
      PATH,
      fakeServer({ status: 'in_progress', stepIndex: 2, completedSteps: [0, 1] }),
    );
    expect(await screen.findByText('You post a video. Jay follows you.')).toBeTruthy();
    const live = screen.getByTestId('scenario-live');
    expect(live.getAttribute('aria-live')).toBe('polite');

    fireEvent.click(screen.getByRole('button', { name: 'Reply with thanks.' }));
    expect(await screen.findByText('Want a paid brand deal? Just send your address.')).toBeTruthy();
    expect(live.textContent).toContain('Being polite is normal.');
    expect(live.textContent).toContain('Jay: Want a paid brand deal?');
    expect(screen.getByText('Jay')).toBeTruthy();
    // The conditional choice needs a variable this path never set.
    expect(screen.queryByRole('button', { name: /because Jay has your address/ })).toBeNull();
    expect(document.activeElement?.textContent).toBe('What do you do?');

    fireEvent.click(screen.getByRole('button', { name: 'Tell a parent.' }));
    expect(await screen.findByRole('heading', { name: 'What happened' })).toBeTruthy();
    expect(screen.getByText('Telling someone protected you.')).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('What happened');

    fireEvent.click(screen.getByRole('button', { name: 'Try a different path' }));
    expect(await screen.findByRole('button', { name: 'Block the account.' })).toBeTruthy();
    expect(screen.queryByText('Want a paid brand deal? Just send your address.')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Block the account.' }));
    expect(await screen.findByText('Blocking early works.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Step 4 of 4')).toBeTruthy();

    await waitFor(() =>
      expect(sentEvents(calls).map((e) => [e.kind, e.choiceId ?? null, e.runNo ?? null])).toEqual([
        ['scenario_choice', 'reply', 1],
        ['scenario_choice', 'tell', 1],
        ['scenario_restart', null, 2],
        ['scenario_choice', 'block', 2],
        ['step_complete', null, null],
      ]),
    );
  });

  it('resumes a scenario run where it was', async () => {
    renderApp(
      PATH,
      fakeServer({
        status: 'in_progress',
        stepIndex: 2,
        completedSteps: [0, 1],
        scenarioRuns: [{ scenarioId: 'follower', runNo: 1, path: ['reply'], ended: false, outcome: null }],
      }),
    );
    expect(await screen.findByText('Want a paid brand deal? Just send your address.')).toBeTruthy();
    const conversation = screen.getByRole('list', { name: 'Conversation' });
    expect(within(conversation).getByText('Reply with thanks.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Tell a parent.' })).toBeTruthy();
  });

  it('lets a student skip questions: says so once, then sends what was answered and completes the step', async () => {
    const { calls } = renderApp(PATH, fakeServer());
    expect(await screen.findByText('Step 1 of 4')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send my answers' }));
    const notice = await screen.findByText(
      /You left 3 questions blank. That's okay: you can skip any question./,
    );
    expect(notice.closest('[role="status"]')).not.toBeNull();
    expect(sentEvents(calls)).toEqual([]);

    const q1 = screen.getByRole('group', { name: /What is grooming\?/ });
    fireEvent.click(within(q1).getByRole('radio', { name: 'Building trust to take advantage' }));
    const q2 = screen.getByRole('group', { name: /Secrets are a warning sign/ });
    fireEvent.click(within(q2).getByRole('radio', { name: 'True' }));
    fireEvent.click(screen.getByRole('button', { name: 'Send my answers' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'Before you continue' })).toBeTruthy();
    await waitFor(() =>
      expect(sentEvents(calls).map((e) => [e.kind, e.itemId ?? null, e.response ?? null])).toEqual([
        ['assessment_response', 'q1', 'a'],
        ['assessment_response', 'q2', 'true'],
        ['step_complete', null, null],
      ]),
    );
  });
});

describe('student player: excused under the parental consent rules', () => {
  it('shows the alternative activity instead of the lessons, and sends nothing', async () => {
    const module = {
      ...moduleFixture(),
      excused: true,
      steps: [],
      lessons: [],
      scenarios: [],
      assessments: [],
    };
    const { calls } = renderApp(PATH, {
      Me: signedInAs(viewer()),
      MyAssignment: () => ({ data: { myAssignment: module } }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Something else to do' })).toBeTruthy();
    expect(screen.getByText('Read the chapter on safe apps in your workbook.')).toBeTruthy();
    expect(calls.filter((c) => c.operationName === 'SubmitProgress')).toEqual([]);
  });
});
