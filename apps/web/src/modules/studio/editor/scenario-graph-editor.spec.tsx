import { useState } from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { Scenario } from '@haven/curriculum';
import { scenarioFixture, scenarioIssuesFixture } from './editor-fixtures';
import type { EditorIssue } from './editor-issue';
import { installReactFlowShims } from './react-flow-test-env';
import { ScenarioGraphEditor } from './scenario-graph-editor';
import { scenarioFlow } from './scenario-flow';
import { layoutScenario } from './scenario-layout';
import { connectNodes, renameNode } from './scenario-ops';

jest.mock('@xyflow/react/dist/style.css', () => ({}));

beforeAll(installReactFlowShims);

/** The editor with its document held in state, as a page would; every emitted scenario is recorded. */
function renderEditor(issues: EditorIssue[] = scenarioIssuesFixture, initial: Scenario = scenarioFixture()) {
  const emitted: Scenario[] = [];
  function Host() {
    const [scenario, setScenario] = useState(initial);
    return (
      <ScenarioGraphEditor
        scenario={scenario}
        issues={issues}
        languages={['en', 'es']}
        onChange={(next) => {
          emitted.push(next);
          setScenario(next);
        }}
      />
    );
  }
  render(<Host />);
  const last = (): Scenario => emitted[emitted.length - 1]!;
  return { emitted, last };
}

const canvasNode = (id: string): HTMLElement => {
  const el = document.querySelector<HTMLElement>(`.scenario-node[data-node-id="${id}"]`);
  if (!el) throw new Error(`no canvas node ${id}`);
  return el;
};

const nodeList = () => screen.getByRole('navigation', { name: 'Scenario nodes' });
const panel = () => screen.getByRole('region', { name: /^Node / });

describe('layered layout', () => {
  it('puts nodes in layers by distance from the start and unreachable ones after the last', () => {
    const positions = layoutScenario(scenarioFixture().nodes, 'start');
    expect(positions.get('start')).toMatchObject({ layer: 0, reachable: true });
    expect(positions.get('told')).toMatchObject({ layer: 1, reachable: true });
    expect(positions.get('kept')).toMatchObject({ layer: 1, reachable: true });
    expect(positions.get('told')!.y).not.toBe(positions.get('kept')!.y);
    expect(positions.get('orphan')).toMatchObject({ layer: 2, reachable: false });
    expect(layoutScenario(scenarioFixture().nodes, 'start')).toEqual(positions);
  });
});

describe('graph model', () => {
  it('has one node per scenario node and one labelled edge per choice', () => {
    const { nodes, edges } = scenarioFlow(scenarioFixture(), scenarioIssuesFixture, 'en', 'start');
    expect(nodes.map((n) => n.id)).toEqual(['start', 'kept', 'told', 'orphan']);
    expect(nodes.find((n) => n.id === 'start')?.data.isStart).toBe(true);
    expect(nodes.find((n) => n.id === 'start')?.selected).toBe(true);
    expect(edges.map((e) => [e.source, e.target, e.label])).toEqual([
      ['start', 'told', 'Tell a teacher'],
      ['start', 'kept', 'Keep the secret'],
    ]);
    expect(nodes.find((n) => n.id === 'orphan')?.data.issues.map((i) => i.code)).toEqual([
      'SCENARIO_UNREACHABLE_NODE',
      'TRANSLATION_MISSING',
    ]);
  });

  it('renames a node with every reference to it, and connects nodes with a new choice', () => {
    const renamed = renameNode(scenarioFixture(), 'told', 'told-teacher');
    expect(renamed.nodes.map((n) => n.id)).toContain('told-teacher');
    expect(renamed.nodes[0]!.choices[0]!.next).toBe('told-teacher');
    const connected = connectNodes(scenarioFixture(), 'kept', 'told');
    expect(connected.nodes[1]!.choices).toEqual([
      { id: 'choice-1', text: '', next: 'told', feedback: '', tags: [] },
    ]);
    expect(scenarioFixture().nodes[1]!.choices).toEqual([]);
  });
});

describe('ScenarioGraphEditor', () => {
  it('draws every node with its start marker, ending badge and issue badges on the right node', () => {
    renderEditor();
    expect(within(canvasNode('start')).getByText('Start')).toBeTruthy();
    expect(within(canvasNode('told')).getByText('Ending: protective')).toBeTruthy();
    expect(within(canvasNode('start')).queryByRole('list', { name: 'Problems with this node' })).toBeNull();

    const kept = within(canvasNode('kept')).getByRole('list', { name: 'Problems with this node' });
    expect(kept.textContent).toContain('Dead end');
    // The full message is there for screen readers, not only a coloured badge.
    expect(kept.textContent).toContain('Node "kept" has no choices and is not an ending.');

    const orphan = within(canvasNode('orphan')).getByRole('list', { name: 'Problems with this node' });
    expect(
      within(orphan)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      '⚠ Unreachable: Node "orphan" cannot be reached from the start node.',
      '⚠ Missing translation: Node "orphan" has no Spanish (es) text.',
    ]);
  });

  it('selects a node from the keyboard-reachable node list and edits it in the side panel', () => {
    const { last } = renderEditor();
    const keptButton = within(nodeList()).getByRole('button', { name: /^kept/ });
    expect(keptButton.textContent).toContain('1 problem');
    fireEvent.click(keptButton);
    expect(keptButton.getAttribute('aria-pressed')).toBe('true');
    expect(panel()).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Node kept' })).toBe(document.activeElement);

    const text = within(panel()).getByRole('group', { name: 'Text' });
    fireEvent.change(within(text).getByLabelText('Spanish (es)'), { target: { value: 'Tienes miedo.' } });
    expect(last().nodes.find((n) => n.id === 'kept')?.text).toEqual({
      en: 'You feel worried.',
      es: 'Tienes miedo.',
    });
    // Nothing else changed.
    expect(last().nodes.filter((n) => n.id !== 'kept')).toEqual(
      scenarioFixture().nodes.filter((n) => n.id !== 'kept'),
    );
  });

  it('turns a dead end into an ending with an outcome and a debrief', () => {
    const { last } = renderEditor();
    fireEvent.click(within(nodeList()).getByRole('button', { name: /^kept/ }));
    fireEvent.click(within(panel()).getByRole('checkbox', { name: /This node is an ending/ }));
    fireEvent.change(within(panel()).getByLabelText('Outcome'), { target: { value: 'risky' } });
    const debrief = within(panel()).getByRole('group', { name: 'Debrief' });
    fireEvent.change(within(debrief).getByLabelText('English (en)'), {
      target: { value: 'Secrets can weigh on you.' },
    });
    expect(last().nodes.find((n) => n.id === 'kept')?.ending).toEqual({
      outcome: 'risky',
      debrief: 'Secrets can weigh on you.',
    });
    expect(within(canvasNode('kept')).getByText('Ending: risky')).toBeTruthy();
  });

  it('adds a choice with a target, tags, condition and a variable effect', () => {
    const { last } = renderEditor();
    fireEvent.click(within(nodeList()).getByRole('button', { name: /^kept/ }));
    fireEvent.click(within(panel()).getByRole('button', { name: 'Add choice' }));
    const choice = within(panel()).getByRole('group', { name: 'Choice 1 (choice-1)' });
    fireEvent.change(
      within(within(choice).getByRole('group', { name: 'Choice text' })).getByLabelText('English (en)'),
      {
        target: { value: 'Ask a teacher' },
      },
    );
    fireEvent.change(within(choice).getByLabelText('Leads to'), { target: { value: 'told' } });
    fireEvent.click(within(choice).getByRole('checkbox', { name: 'Safe adult' }));
    fireEvent.change(within(choice).getByLabelText(/Only offered when/), { target: { value: 'trust >= 1' } });
    fireEvent.click(within(choice).getByRole('button', { name: 'Add effect' }));
    fireEvent.change(within(choice).getByLabelText('Operation'), { target: { value: 'add' } });
    fireEvent.change(within(choice).getByLabelText('Value'), { target: { value: '2' } });
    expect(last().nodes.find((n) => n.id === 'kept')?.choices).toEqual([
      {
        id: 'choice-1',
        text: 'Ask a teacher',
        next: 'told',
        feedback: '',
        tags: ['safe-adult'],
        if: 'trust >= 1',
        add: { trust: 2 },
      },
    ]);
  });

  it('adds and deletes nodes, never the start node, and renames with references', () => {
    const { last } = renderEditor();
    fireEvent.click(within(nodeList()).getByRole('button', { name: 'Add node' }));
    expect(last().nodes.map((n) => n.id)).toEqual(['start', 'kept', 'told', 'orphan', 'node-5']);
    expect(screen.getByRole('heading', { name: 'Node node-5' })).toBeTruthy();
    fireEvent.click(within(panel()).getByRole('button', { name: 'Delete node node-5' }));
    expect(last().nodes.map((n) => n.id)).toEqual(['start', 'kept', 'told', 'orphan']);

    expect(screen.getByRole('heading', { name: 'Node start' })).toBeTruthy();
    expect(
      (within(panel()).getByRole('button', { name: 'Delete node start' }) as HTMLButtonElement).disabled,
    ).toBe(true);

    fireEvent.click(within(nodeList()).getByRole('button', { name: /^told/ }));
    const id = within(panel()).getByLabelText('Node id');
    fireEvent.change(id, { target: { value: 'kept' } });
    fireEvent.click(within(panel()).getByRole('button', { name: 'Rename' }));
    expect(within(panel()).getByText('Another node already has this id.')).toBeTruthy();
    expect(id.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(id, { target: { value: 'told-teacher' } });
    fireEvent.click(within(panel()).getByRole('button', { name: 'Rename' }));
    expect(last().nodes[0]!.choices[0]!.next).toBe('told-teacher');
    expect(screen.getByRole('heading', { name: 'Node told-teacher' })).toBeTruthy();
  });

  it('edits scenario-level settings: start node and variables', () => {
    const { last } = renderEditor([]);
    fireEvent.change(screen.getByLabelText('Start node'), { target: { value: 'kept' } });
    expect(last().start).toBe('kept');
    fireEvent.click(screen.getByRole('button', { name: 'Add variable' }));
    expect(last().variables).toEqual([
      { id: 'trust', type: 'number', initial: 0 },
      { id: 'flag', type: 'boolean', initial: false },
    ]);
  });
});
