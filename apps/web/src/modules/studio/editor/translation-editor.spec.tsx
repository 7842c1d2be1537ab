import { useState } from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ModuleDocument } from '@haven/curriculum';
import { documentFixture, lessonFixture } from './editor-fixtures';
import { TranslationEditor, type StaleField } from './translation-editor';

function renderEditor(doc: ModuleDocument = documentFixture(), stale: StaleField[] = []) {
  const emitted: ModuleDocument[] = [];
  function Host() {
    const [document, setDocument] = useState(doc);
    return (
      <TranslationEditor
        document={document}
        lang="es"
        stale={stale}
        onChange={(next) => {
          emitted.push(next);
          setDocument(next);
        }}
      />
    );
  }
  render(<Host />);
  return { last: () => emitted[emitted.length - 1]! };
}

const row = (label: string) => screen.getByRole('group', { name: label });

describe('TranslationEditor', () => {
  it('shows the source read-only beside the editable translation and writes the target language', () => {
    const { last } = renderEditor();
    const title = within(screen.getByRole('region', { name: 'Module' })).getByRole('group', {
      name: 'Title',
    });
    expect(title.querySelector('.translation-source')?.textContent).toBe('Asking for help');
    expect(title.querySelector('.translation-source')?.getAttribute('lang')).toBe('en');
    fireEvent.change(within(title).getByLabelText('Spanish (es)'), {
      target: { value: 'Pedir ayuda a tiempo' },
    });
    expect(last().manifest.title).toEqual({ en: 'Asking for help', es: 'Pedir ayuda a tiempo' });
  });

  it('translates scenario and assessment texts in place', () => {
    const { last } = renderEditor();
    fireEvent.change(within(row('Node orphan: text')).getByLabelText('Spanish (es)'), {
      target: { value: 'Nadie llega aquí.' },
    });
    expect(last().scenarios[0]!.nodes[3]!.text).toEqual({ en: 'Nobody gets here.', es: 'Nadie llega aquí.' });
    const pre = screen.getByRole('region', { name: 'Assessment pre' });
    const option = within(pre).getByRole('group', { name: 'Item q2, option nobody' });
    fireEvent.change(within(option).getByLabelText('Spanish (es)'), {
      target: { value: 'Ninguna persona' },
    });
    const q2 = last().assessments[0]!.items[1]!;
    expect(q2.type === 'multiple-choice' && q2.options[1]!.text).toEqual({
      en: 'Nobody',
      es: 'Ninguna persona',
    });
  });

  it('aligns lesson blocks and creates a missing translation from the source structure', () => {
    const doc = { ...documentFixture(), lessons: [lessonFixture('en')] };
    const { last } = renderEditor(doc);
    const lesson = screen.getByRole('region', { name: 'Lesson introduction' });
    expect(within(lesson).getByText('This lesson has no Spanish (es) file yet.')).toBeTruthy();
    fireEvent.click(within(lesson).getByRole('button', { name: 'Create translation from source structure' }));
    expect(last().lessons).toEqual([
      lessonFixture('en'),
      {
        id: 'introduction',
        lang: 'es',
        title: '',
        minutes: 20,
        blocks: [
          { kind: 'content', markdown: '' },
          { kind: 'facilitator-notes', markdown: '' },
          { kind: 'help', markdown: '' },
        ],
      },
    ]);
    const help = row('Block 3 (Help): text');
    expect(help.querySelector('.translation-source')?.textContent).toBe(
      'You can always talk to a safe adult.',
    );
    fireEvent.change(within(help).getByLabelText('Spanish (es)'), {
      target: { value: 'Siempre puedes hablar.' },
    });
    expect(last().lessons[1]!.blocks[2]!.markdown).toBe('Siempre puedes hablar.');
    expect(last().lessons[0]).toEqual(lessonFixture('en'));
  });

  it('marks stale fields with text and an icon, and can show only them', () => {
    renderEditor(documentFixture(), [
      { key: 'module:objective:say-no@es', label: 'objective say-no' },
      { key: 'lesson:introduction.es#0', label: 'lesson block 1' },
    ]);
    expect(screen.getByRole('status').textContent).toContain(
      '3 translated fields changed in the source since they were translated.',
    );
    const objective = row('Objective say-no');
    const mark = within(objective).getByText('Source changed since this was translated');
    expect(mark.closest('p')?.textContent).toBe('⟳ Source changed since this was translated');
    expect(within(objective).getByLabelText('Spanish (es)').getAttribute('aria-describedby')).toContain(
      mark.closest('p')!.id,
    );
    expect(within(row('Objective name-safe-adult')).queryByText(/Source changed/)).toBeNull();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Show only fields whose source changed' }));
    expect(screen.getAllByText('Source changed since this was translated')).toHaveLength(3);
    // The lesson title travels with its first block.
    expect(
      within(screen.getByRole('group', { name: 'Lesson title' })).getByText(/Source changed/),
    ).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Objective name-safe-adult' })).toBeNull();
    expect(screen.getByRole('group', { name: 'Block 1 (Content): text' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Assessment pre' })).toBeNull();
  });
});
