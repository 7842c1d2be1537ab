import axe from 'axe-core';
import { fireEvent, screen, within } from '@testing-library/react';
import { renderApp, signedInAs, TEACHER, type RecordedCall, type Resolver } from '../../testing/render-app';
import { assignmentProgress, assignmentTopics, ASSIGNMENT_ID, CLASS_ID } from './teacher-fixtures';

const PROGRESS_PATH = `/teacher/classes/${CLASS_ID}/assignments/${ASSIGNMENT_ID}`;

const choice = (choiceId: string, text: string, count: number | null, percent: number | null) => ({
  __typename: 'ChoiceInsight',
  choiceId,
  text,
  count,
  percent,
});

const classInsights: Resolver = (variables) => ({
  data: {
    classInsights: {
      __typename: 'ClassInsights',
      assignmentId: variables['assignmentId'],
      language: 'en',
      constructs: [
        {
          __typename: 'ConstructOutcome',
          construct: 'knowledge',
          pairs: '5',
          preMean: 40,
          postMean: 100,
          gain: 60,
        },
        {
          __typename: 'ConstructOutcome',
          construct: 'attitudes',
          pairs: '<5',
          preMean: null,
          postMean: null,
          gain: null,
        },
      ],
      scenarios: [
        {
          __typename: 'ScenarioInsight',
          scenarioId: 'the-new-follower',
          title: 'The New Follower',
          nodes: [
            {
              __typename: 'NodeInsight',
              nodeId: 'the-offer',
              text: 'Let us talk on a private app.',
              reached: '6',
              notYetChosen: 1,
              choices: [
                choice('show-parent', 'Show the message to your parent or caregiver.', 3, 50),
                choice('ask-sam', 'Ask your friend Sam.', 1, 16.7),
                choice('go-private', 'Move to the private app.', 1, 16.7),
              ],
            },
            {
              __typename: 'NodeInsight',
              nodeId: 'the-profile',
              text: 'The profile is only a month old.',
              reached: '<5',
              notYetChosen: null,
              choices: [choice('block-report', 'Block and report.', null, null)],
            },
          ],
        },
      ],
    },
  },
});

async function openInsights(resolvers: Record<string, Resolver> = {}, language = 'en') {
  const view = renderApp(PROGRESS_PATH, {
    Me: signedInAs({ ...TEACHER, preferredLanguage: language }),
    AssignmentProgress: assignmentProgress,
    AssignmentTopics: assignmentTopics,
    ClassInsights: classInsights,
    ...resolvers,
  });
  await screen.findByRole('heading', { level: 1 });
  const section = screen.getByRole('region', { name: /^(Class insights|Resultados de la clase)$/ });
  return { ...view, section };
}

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));

const operations = (calls: RecordedCall[], name: string) => calls.filter((c) => c.operationName === name);

describe('teacher: class insights on the progress page', () => {
  it('loads only when opened (each read is audited), then shows pre/post per construct', async () => {
    const { section, calls } = await openInsights();
    const toggle = within(section).getByRole('button', { name: 'Show class insights' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(operations(calls, 'ClassInsights')).toHaveLength(0);

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const table = await within(section).findByRole('table', { name: 'Before and after, per construct' });
    expect(operations(calls, 'ClassInsights')[0]?.variables).toEqual({
      assignmentId: ASSIGNMENT_ID,
      displayLanguage: 'en',
    });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Construct', 'Before', 'After', 'Change', 'Students who answered both']);
    expect(rowsOf(table)).toEqual([
      ['Knowledge', '40', '100', '+60 points', '5'],
      ['Attitudes', 'Fewer than 5 students answered both: hidden to protect privacy.', '<5'],
    ]);
    expect(section.textContent).toContain('are not shown per class');
  });

  it('writes out the share choosing each option, and hides a node fewer than 5 reached', async () => {
    const { section } = await openInsights();
    fireEvent.click(within(section).getByRole('button', { name: 'Show class insights' }));
    const scenario = await within(section).findByRole('region', { name: 'The New Follower' });
    const offer = within(scenario).getByRole('table', { name: 'Choices at: Let us talk on a private app.' });
    expect(rowsOf(offer)).toEqual([
      ['Show the message to your parent or caregiver.', '3', ' 50%'],
      ['Ask your friend Sam.', '1', ' 16.7%'],
      ['Move to the private app.', '1', ' 16.7%'],
      ['Not chosen yet', '1', ''],
    ]);
    expect(
      within(screen.getByTestId('node-the-offer')).getByText('Students who reached this point: 6'),
    ).toBeTruthy();

    const hidden = screen.getByTestId('node-the-profile');
    expect(within(hidden).queryByRole('table')).toBeNull();
    expect(hidden.textContent).toContain(
      'Fewer than 5 students reached this point: hidden to protect privacy.',
    );
    expect(hidden.textContent).not.toContain('Block and report.');
  });

  it('links to the reflections already on the page instead of repeating them', async () => {
    const { section } = await openInsights();
    const link = within(section).getByRole('link', { name: 'Read the students’ reflections' });
    const target = document.getElementById(link.getAttribute('href')!.slice(1));
    expect(target?.textContent).toBe('Reflections');
    expect(within(section).queryByText('Check who someone really is.')).toBeNull();
  });

  it('shows a retry when the insights cannot load', async () => {
    const { section } = await openInsights({ ClassInsights: () => new Error('offline') });
    fireEvent.click(within(section).getByRole('button', { name: 'Show class insights' }));
    expect(await within(section).findByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('speaks Spanish and asks for the texts in Spanish', async () => {
    const { section, calls } = await openInsights({}, 'es');
    fireEvent.click(
      await within(section).findByRole('button', { name: 'Mostrar los resultados de la clase' }),
    );
    const table = await within(section).findByRole('table', { name: 'Antes y después, por dimensión' });
    expect(rowsOf(table)[1]).toEqual([
      'Actitudes',
      'Menos de 5 estudiantes respondieron ambas: oculto para proteger la privacidad.',
      '<5',
    ]);
    expect(operations(calls, 'ClassInsights')[0]?.variables['displayLanguage']).toBe('es');
  });

  it('has no axe violations when open', async () => {
    const { section } = await openInsights();
    fireEvent.click(within(section).getByRole('button', { name: 'Show class insights' }));
    await within(section).findByRole('region', { name: 'The New Follower' });
    const result = await axe.run(section, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
