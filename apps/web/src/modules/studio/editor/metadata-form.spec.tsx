import { useState } from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ModuleManifest } from '@haven/curriculum';
import { manifestFixture } from './editor-fixtures';
import type { EditorIssue } from './editor-issue';
import { MetadataForm } from './metadata-form';

function renderForm(issues: EditorIssue[] = []) {
  const emitted: ModuleManifest[] = [];
  function Host() {
    const [manifest, setManifest] = useState(manifestFixture());
    return (
      <MetadataForm
        manifest={manifest}
        issues={issues}
        onChange={(next) => {
          emitted.push(next);
          setManifest(next);
        }}
      />
    );
  }
  render(<Host />);
  return { emitted, last: () => emitted[emitted.length - 1]! };
}

describe('MetadataForm', () => {
  it('shows the id read-only and edits titles per language', () => {
    const { last } = renderForm();
    expect((screen.getByLabelText('Module id') as HTMLInputElement).readOnly).toBe(true);
    const title = screen.getByRole('group', { name: 'Title' });
    fireEvent.change(within(title).getByLabelText('Spanish (es)'), { target: { value: 'Cómo pedir ayuda' } });
    expect(last()).toEqual({
      ...manifestFixture(),
      title: { en: 'Asking for help', es: 'Cómo pedir ayuda' },
    });
  });

  it('limits grades to the band and keeps them in range when the band changes', () => {
    const { last } = renderForm();
    const grades = screen.getByRole('group', { name: 'Grades' });
    expect(
      within(grades)
        .getAllByRole('checkbox')
        .map((c) => c.parentElement?.textContent),
    ).toEqual(['Kindergarten', 'Grade 1', 'Grade 2']);
    fireEvent.click(within(grades).getByRole('checkbox', { name: 'Grade 1' }));
    expect(last().grades).toEqual([0, 2]);
    fireEvent.change(screen.getByLabelText('Grade band'), { target: { value: '6-8' } });
    expect(last()).toMatchObject({ gradeBand: '6-8', grades: [6, 7, 8] });
    expect(within(screen.getByRole('group', { name: 'Grades' })).getAllByRole('checkbox')).toHaveLength(3);
  });

  it('adds, reorders and removes objectives', () => {
    const { last } = renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Move up: Objective 2' }));
    expect(last().objectives.map((o) => o.id)).toEqual(['say-no', 'name-safe-adult']);
    fireEvent.click(screen.getByRole('button', { name: 'Add objective' }));
    expect(last().objectives.map((o) => o.id)).toEqual(['say-no', 'name-safe-adult', 'objective-3']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove: Objective 1' }));
    expect(last().objectives.map((o) => o.id)).toEqual(['name-safe-adult', 'objective-3']);
  });

  it('picks topics from the vocabulary, says which need a warning, and edits content warnings', () => {
    const { last } = renderForm();
    const topics = screen.getByRole('group', { name: 'Topics' });
    const grooming = within(topics).getByRole('checkbox', { name: /^Grooming/ });
    expect(grooming.parentElement?.textContent).toContain('Needs a content warning.');
    expect(grooming.parentElement?.textContent).toContain('Not suitable for grades K-2.');
    fireEvent.click(grooming);
    expect(last().topics).toEqual(['safe-adults', 'grooming', 'help-seeking']);
    fireEvent.click(screen.getByRole('button', { name: 'Add content warning' }));
    expect(last().contentWarnings).toEqual([{ topic: 'grooming', text: '' }]);
    const text = screen.getByRole('group', { name: 'Warning text' });
    fireEvent.change(within(text).getByLabelText('English (en)'), {
      target: { value: 'We talk about grooming.' },
    });
    expect(last().contentWarnings).toEqual([{ topic: 'grooming', text: 'We talk about grooming.' }]);
  });

  it('edits facilitation, authors and licence, and drops emptied optional texts', () => {
    const { last } = renderForm();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Survivor co-facilitation recommended' }));
    expect(last().facilitator.survivorCoFacilitationRecommended).toBe(true);
    fireEvent.change(screen.getByLabelText('Licence'), { target: { value: 'CC-BY-4.0' } });
    expect(last().licence).toBe('CC-BY-4.0');
    const alt = screen.getByRole('group', { name: 'Alternative activity' });
    fireEvent.change(within(alt).getByLabelText('Spanish (es)'), { target: { value: '' } });
    fireEvent.change(within(alt).getByLabelText('English (en)'), { target: { value: '' } });
    expect('alternativeActivity' in last()).toBe(false);
  });

  it('reorders and removes sequence steps, and adds one', () => {
    const { last } = renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Move down: Lesson introduction' }));
    expect(last().sequence).toEqual([
      { assessment: 'pre' },
      { scenario: 'asking-for-help' },
      { lesson: 'introduction' },
      { assessment: 'post' },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove: Assessment post' }));
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'assessment' } });
    fireEvent.change(screen.getByLabelText('Id of the lesson, scenario or assessment'), {
      target: { value: 'post' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add step' }));
    expect(last().sequence.at(-1)).toEqual({ assessment: 'post' });
  });

  it('shows module issues next to their field', () => {
    renderForm([
      {
        severity: 'error',
        code: 'CONTENT_WARNING_REQUIRED',
        message: 'Topic "grooming" needs a content warning.',
        hint: 'Add one.',
        anchor: { kind: 'module', field: 'contentWarnings' },
      },
      {
        severity: 'warning',
        code: 'TRANSLATION_MISSING',
        message: 'Objective 2 has no Spanish text.',
        hint: '',
        anchor: { kind: 'module', field: 'objectives.1.text' },
      },
    ]);
    const warnings = screen.getByRole('group', { name: 'Content warnings' });
    expect(within(warnings).getByText(/needs a content warning/).textContent).toContain('grooming');
    const objective2 = screen.getByRole('group', { name: 'Objective 2' });
    const text = within(objective2).getByRole('group', { name: 'What learners will be able to do' });
    expect(within(text).getByRole('list').textContent).toBe('⚠ Warning: Objective 2 has no Spanish text.');
    expect(text.getAttribute('aria-describedby')).toBe(within(text).getByRole('list').id);
    expect(within(screen.getByRole('group', { name: 'Objective 1' })).queryByRole('list')).toBeNull();
  });
});
