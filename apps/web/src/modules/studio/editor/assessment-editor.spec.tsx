import { useState } from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { Assessment } from '@haven/curriculum';
import { AssessmentEditor, convertItem } from './assessment-editor';
import { assessmentFixture } from './editor-fixtures';
import type { EditorIssue } from './editor-issue';

function renderEditor(issues: EditorIssue[] = []) {
  const emitted: Assessment[] = [];
  function Host() {
    const [assessment, setAssessment] = useState(assessmentFixture());
    return (
      <AssessmentEditor
        assessment={assessment}
        issues={issues}
        languages={['en', 'es']}
        onChange={(next) => {
          emitted.push(next);
          setAssessment(next);
        }}
      />
    );
  }
  render(<Host />);
  return { last: () => emitted[emitted.length - 1]! };
}

const item = (n: number, id: string) => screen.getByRole('group', { name: `Item ${n} (${id})` });

describe('AssessmentEditor', () => {
  it('edits settings and a true-false answer', () => {
    const { last } = renderEditor();
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'check' } });
    fireEvent.change(within(item(1, 'q1')).getByLabelText('Correct answer'), { target: { value: 'false' } });
    expect(last()).toEqual({
      ...assessmentFixture(),
      kind: 'check',
      items: [{ ...assessmentFixture().items[0]!, answer: false }, assessmentFixture().items[1]!],
    });
  });

  it('edits multiple-choice options and keeps the answer on a renamed option', () => {
    const { last } = renderEditor();
    const q2 = item(2, 'q2');
    fireEvent.change(within(q2).getByLabelText('Option 1 id'), { target: { value: 'a-teacher' } });
    expect(last().items[1]).toMatchObject({
      answer: 'a-teacher',
      options: [{ id: 'a-teacher' }, { id: 'nobody' }],
    });
    fireEvent.click(within(q2).getByRole('button', { name: 'Add option' }));
    fireEvent.change(
      within(within(q2).getByRole('group', { name: 'Option 3 text' })).getByLabelText('English (en)'),
      {
        target: { value: 'My coach' },
      },
    );
    expect(last().items[1]).toMatchObject({ options: [{}, {}, { id: 'option-3', text: 'My coach' }] });
  });

  it('adds a likert item with a scale, reverse scoring, construct and sensitive flag, and reorders items', () => {
    const { last } = renderEditor();
    fireEvent.change(screen.getByLabelText('Type of the new item'), { target: { value: 'likert' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add item' }));
    const q3 = item(3, 'q3');
    fireEvent.change(within(q3).getByLabelText('Scale'), { target: { value: 'confidence-4' } });
    fireEvent.click(within(q3).getByRole('checkbox', { name: /Reverse-scored/ }));
    fireEvent.change(within(q3).getByLabelText('What it measures'), { target: { value: 'self-efficacy' } });
    fireEvent.click(within(q3).getByRole('checkbox', { name: /Sensitive question/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Move up: Item 3 (q3)' }));
    expect(last().items.map((i) => i.id)).toEqual(['q1', 'q3', 'q2']);
    expect(last().items[1]).toEqual({
      id: 'q3',
      type: 'likert',
      construct: 'self-efficacy',
      prompt: '',
      sensitive: true,
      scale: 'confidence-4',
      reverse: true,
    });
  });

  it('converts an item between types keeping the shared fields', () => {
    const tf = assessmentFixture().items[0]!;
    expect(convertItem(tf, 'likert')).toEqual({
      id: 'q1',
      construct: 'knowledge',
      prompt: tf.prompt,
      sensitive: false,
      type: 'likert',
      scale: 'agree-5',
      reverse: false,
    });
  });

  it('shows item issues on their item', () => {
    renderEditor([
      {
        severity: 'error',
        code: 'ASSESSMENT_ANSWER_UNKNOWN_OPTION',
        message: 'The answer of q2 is not one of its options.',
        hint: 'Pick an option.',
        anchor: { kind: 'assessment', assessment: 'pre', item: 'q2', field: 'answer' },
      },
    ]);
    const answer = within(item(2, 'q2')).getByLabelText('Correct answer');
    expect(answer.getAttribute('aria-invalid')).toBe('true');
    expect(within(item(2, 'q2')).getByText(/is not one of its options/)).toBeTruthy();
    expect(within(item(1, 'q1')).queryByText(/is not one of its options/)).toBeNull();
  });
});
