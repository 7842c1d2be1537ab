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

/** The visible save status (not a live region: see save-status.tsx). */
const saveStatusText = (): string | null | undefined => document.querySelector('.save-status')?.textContent;

/** The language a screen reader would use for this element: the nearest `lang`, else the page's. */
const langOf = (el: Element): string | null | undefined => el.closest('[lang]')?.getAttribute('lang');

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
    expect(saveStatusText()).toBe('Saved');
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
    await waitFor(() => expect(saveStatusText()).toBe('Saved'));
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

  it('says plainly when the server refuses the lesson (no longer assigned), and keeps the answers', async () => {
    const server = fakeServer({ status: 'in_progress', stepIndex: 1, completedSteps: [0] });
    server['SubmitProgress'] = () => ({
      errors: [{ message: 'Assignment not found.', extensions: { code: 'NOT_FOUND' } }],
    });
    renderApp(PATH, server);
    fireEvent.click(await screen.findByRole('button', { name: 'Continue' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Next' }));
    const refused = /^Not saved: this lesson is no longer open to you/;
    await waitFor(() => expect(saveStatusText()).toMatch(refused));
    expect(screen.getByTestId('save-status-live').textContent).toMatch(refused);
    expect(await screen.findByText('Part 2 of 2')).toBeTruthy(); // the student can go on reading
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

describe('module player: content language', () => {
  /** A Spanish interface over a module whose content is in English (no Spanish translation yet). */
  function spanishServer(start: Partial<Progress>): Record<string, Resolver> {
    return { ...fakeServer(start), Me: signedInAs(viewer({ preferredLanguage: 'es' })) };
  }

  it('marks lesson content with the module language, not the interface chrome', async () => {
    renderApp(
      PATH,
      spanishServer({ status: 'in_progress', stepIndex: 1, blockIndex: 1, completedSteps: [0] }),
    );
    const next = await screen.findByRole('button', { name: 'Siguiente' });
    expect(document.documentElement.lang).toBe('es');
    expect(langOf(next)).toBe('es');
    expect(langOf(screen.getByRole('heading', { level: 3, name: 'Getting help' }))).toBe('en');
    expect(langOf(screen.getByText('Tell a trusted adult.'))).toBe('en');
    expect(langOf(screen.getByRole('heading', { level: 1, name: 'Staying Safe Online' }))).toBe('en');
    expect(langOf(screen.getByRole('heading', { level: 2, name: 'How grooming works' }))).toBe('en');
    expect(langOf(screen.getByText('Parte 2 de 2'))).toBe('es');
  });

  it('marks scenario dialogue, choices and their announcement with the module language', async () => {
    renderApp(
      PATH,
      spanishServer({
        status: 'in_progress',
        stepIndex: 2,
        completedSteps: [0, 1],
        scenarioRuns: [{ scenarioId: 'follower', runNo: 1, path: ['reply'], ended: false, outcome: null }],
      }),
    );
    expect(await screen.findByText('Want a paid brand deal? Just send your address.')).toBeTruthy();
    await waitFor(() => expect(document.documentElement.lang).toBe('es'));
    expect(langOf(screen.getByText('Want a paid brand deal? Just send your address.'))).toBe('en');
    expect(langOf(screen.getByText('Jay'))).toBe('en');
    expect(langOf(screen.getByText('Reply with thanks.'))).toBe('en');
    expect(langOf(screen.getByText('Being polite is normal.'))).toBe('en');
    const choice = screen.getByRole('button', { name: 'Tell a parent.' });
    expect(langOf(choice)).toBe('en');
    // The interface's own words around the content stay in the interface's language.
    expect(langOf(await screen.findByRole('heading', { level: 4, name: '¿Qué haces?' }))).toBe('es');
    expect(langOf(screen.getByRole('list', { name: 'Conversación' }))).toBe('es');

    fireEvent.click(choice);
    const live = screen.getByTestId('scenario-live');
    await waitFor(() => expect(live.textContent).toContain('A trusted adult can help.'));
    expect(live.getAttribute('lang')).toBe('en');
  });

  it('marks assessment questions and authored options with the module language', async () => {
    renderApp(PATH, spanishServer({}));
    const q1 = await screen.findByRole('group', { name: /What is grooming\?/ });
    await waitFor(() => expect(document.documentElement.lang).toBe('es'));
    expect(langOf(within(q1).getByText('What is grooming?'))).toBe('en');
    expect(langOf(within(q1).getByText('Editing photos'))).toBe('en');
    const q2 = screen.getByRole('group', { name: /Secrets are a warning sign/ });
    expect(langOf(await within(q2).findByText('Verdadero'))).toBe('es');
    expect(langOf(screen.getByRole('button', { name: 'Enviar mis respuestas' }))).toBe('es');
  });
});

describe('module player: answers not sent yet', () => {
  const DRAFT_KEY = `haven.assessmentDraft.u-maya.${ASSIGNMENT_ID}.pre`;

  it('keeps the picks for this tab across a reload, with ids only, and forgets them once sent', async () => {
    const first = renderApp(PATH, fakeServer());
    const q1 = await screen.findByRole('group', { name: /What is grooming\?/ });
    fireEvent.click(within(q1).getByRole('radio', { name: 'Editing photos' }));
    expect(JSON.parse(window.sessionStorage.getItem(DRAFT_KEY) ?? 'null')).toEqual({ q1: 'b' });
    first.unmount();

    const { calls } = renderApp(PATH, fakeServer());
    const again = await screen.findByRole('group', { name: /What is grooming\?/ });
    expect((within(again).getByRole('radio', { name: 'Editing photos' }) as HTMLInputElement).checked).toBe(
      true,
    );
    const q2 = screen.getByRole('group', { name: /Secrets are a warning sign/ });
    fireEvent.click(within(q2).getByRole('radio', { name: 'True' }));
    const q3 = screen.getByRole('group', { name: /I know who to tell/ });
    fireEvent.click(within(q3).getByRole('radio', { name: /Agree/ }));
    expect(JSON.parse(window.sessionStorage.getItem(DRAFT_KEY) ?? 'null')).toEqual({
      q1: 'b',
      q2: 'true',
      q3: '3',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send my answers' }));

    await waitFor(() =>
      expect(sentEvents(calls).map((e) => [e.itemId ?? null, e.response ?? null])).toEqual([
        ['q1', 'b'],
        ['q2', 'true'],
        ['q3', '3'],
        [null, null],
      ]),
    );
    expect(window.sessionStorage.getItem(DRAFT_KEY)).toBeNull();
  });

  it('ignores stored picks that no longer fit the assessment', async () => {
    window.sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ q1: 'gone', q2: 'false', q9: 'a' }));
    renderApp(PATH, fakeServer());
    const q1 = await screen.findByRole('group', { name: /What is grooming\?/ });
    expect(
      within(q1)
        .getAllByRole('radio')
        .some((r) => (r as HTMLInputElement).checked),
    ).toBe(false);
    const q2 = screen.getByRole('group', { name: /Secrets are a warning sign/ });
    expect((within(q2).getByRole('radio', { name: 'False' }) as HTMLInputElement).checked).toBe(true);
  });

  it('still works when sessionStorage is unavailable', async () => {
    const getItem = jest.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new Error('denied');
    });
    const setItem = jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new Error('denied');
    });
    try {
      renderApp(PATH, fakeServer());
      const q1 = await screen.findByRole('group', { name: /What is grooming\?/ });
      const radio = within(q1).getByRole('radio', { name: 'Editing photos' }) as HTMLInputElement;
      fireEvent.click(radio);
      expect(radio.checked).toBe(true);
    } finally {
      getItem.mockRestore();
      setItem.mockRestore();
    }
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
