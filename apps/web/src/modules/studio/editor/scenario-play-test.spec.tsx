import { fireEvent, render, screen, within } from '@testing-library/react';
import type { CompiledScenario } from '@haven/curriculum';
import { compiledScenarioFixture } from './editor-fixtures';
import { ScenarioPlayTest } from './scenario-play-test';

const choices = () =>
  within(screen.getByRole('group', { name: 'What do you do?' }))
    .getAllByRole('button')
    .map((b) => b.textContent);

describe('ScenarioPlayTest', () => {
  it('plays the scenario with the engine: conditions, feedback, variables, ending and restart', () => {
    render(<ScenarioPlayTest scenario={compiledScenarioFixture()} lang="en" />);
    expect(screen.getByText('Sam says: keep this a secret.')).toBeTruthy();
    expect(screen.getByText('Sam')).toBeTruthy();
    // "Tell a teacher" needs asked >= 1: the engine does not offer it yet.
    expect(choices()).toEqual(['Wait and think']);
    expect(screen.getByTestId('play-test-var-asked').textContent).toBe('0');

    fireEvent.click(screen.getByRole('button', { name: 'Wait and think' }));
    expect(screen.getByText('Take your time.')).toBeTruthy();
    expect(screen.getByTestId('play-test-var-asked').textContent).toBe('1');
    expect(choices()).toEqual(['Wait and think', 'Tell a teacher']);

    fireEvent.click(screen.getByRole('button', { name: 'Tell a teacher' }));
    expect(screen.getByRole('heading', { name: 'Ending: protective' })).toBeTruthy();
    expect(screen.getByText('Safe adults help.')).toBeTruthy();
    expect(screen.getByTestId('play-test-var-told').textContent).toBe('true');
    expect(screen.queryByRole('group', { name: 'What do you do?' })).toBeNull();
    expect(screen.getByTestId('play-test-live').textContent).toContain('Telling is brave.');

    fireEvent.click(screen.getByRole('button', { name: 'Start again' }));
    expect(choices()).toEqual(['Wait and think']);
    expect(screen.getByTestId('play-test-var-asked').textContent).toBe('0');
  });

  it('plays in the chosen language', () => {
    render(<ScenarioPlayTest scenario={compiledScenarioFixture()} lang="es" />);
    fireEvent.click(screen.getByRole('button', { name: 'Esperar y pensar' }));
    expect(screen.getByText('Tómate tu tiempo.')).toBeTruthy();
  });

  it('explains a scenario the engine cannot run instead of crashing', () => {
    const broken: CompiledScenario = { ...compiledScenarioFixture(), start: 'nowhere' };
    render(<ScenarioPlayTest scenario={broken} lang="en" />);
    expect(screen.getByRole('alert').textContent).toContain('This scenario cannot be played yet');
    expect(screen.getByRole('alert').textContent).toContain('nowhere');
  });
});
