import { useState } from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { LessonDocument } from '@haven/curriculum';
import { compiledLessonFixture, lessonFixture } from './editor-fixtures';
import type { EditorIssue } from './editor-issue';
import { LessonEditor, imageMarkdown, insertSnippet } from './lesson-editor';

function renderEditor(issues: EditorIssue[] = [], withPreview = true) {
  const emitted: LessonDocument[] = [];
  function Host() {
    const [lesson, setLesson] = useState(lessonFixture('en'));
    return (
      <LessonEditor
        lesson={lesson}
        lang="en"
        issues={issues}
        preview={withPreview ? compiledLessonFixture() : undefined}
        onChange={(next) => {
          emitted.push(next);
          setLesson(next);
        }}
      />
    );
  }
  render(<Host />);
  return { emitted, last: () => emitted[emitted.length - 1]! };
}

const block = (n: number, kind: string) => screen.getByRole('group', { name: `Block ${n}: ${kind}` });

describe('image markdown', () => {
  it('escapes brackets in alt text and spaces or parentheses in the address, on a line of its own', () => {
    expect(imageMarkdown(' A [map] ', 'https://x.org/a b(1).png')).toBe(
      '![A \\[map\\]](https://x.org/a%20b%281%29.png)',
    );
    expect(insertSnippet('Hello world', '![a](b)', 5)).toBe('Hello\n![a](b)\n world');
    expect(insertSnippet('', '![a](b)', null)).toBe('![a](b)');
  });
});

describe('LessonEditor', () => {
  it('edits title, minutes and a block, emitting whole lesson documents', () => {
    const { last } = renderEditor();
    fireEvent.change(screen.getByLabelText('Lesson title'), { target: { value: 'Safe adults around me' } });
    fireEvent.change(screen.getByLabelText('Minutes'), { target: { value: '25' } });
    fireEvent.change(within(block(1, 'Content')).getByLabelText('Text (Markdown)'), {
      target: { value: 'A safe adult **listens**.' },
    });
    fireEvent.change(within(block(1, 'Content')).getByLabelText('Block title (optional)'), {
      target: { value: '' },
    });
    expect(last()).toEqual({
      ...lessonFixture('en'),
      title: 'Safe adults around me',
      minutes: 25,
      blocks: [
        { kind: 'content', markdown: 'A safe adult **listens**.' },
        ...lessonFixture('en').blocks.slice(1),
      ],
    });
  });

  it('adds, moves and removes blocks', () => {
    const { last } = renderEditor();
    fireEvent.change(screen.getByLabelText('Kind of the new block'), { target: { value: 'discussion' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add block' }));
    expect(last().blocks.map((b) => b.kind)).toEqual(['content', 'facilitator-notes', 'help', 'discussion']);
    fireEvent.click(screen.getByRole('button', { name: 'Move up: Block 4: Discussion' }));
    expect(last().blocks.map((b) => b.kind)).toEqual(['content', 'facilitator-notes', 'discussion', 'help']);
    fireEvent.click(
      screen.getByRole('button', { name: 'Remove: Block 2: Facilitator notes (teachers only)' }),
    );
    expect(last().blocks.map((b) => b.kind)).toEqual(['content', 'discussion', 'help']);
  });

  it('refuses an image without alt text, then inserts ![alt](url)', () => {
    const { emitted, last } = renderEditor();
    const first = block(1, 'Content');
    fireEvent.click(within(first).getByRole('button', { name: 'Insert an image' }));
    fireEvent.change(within(first).getByLabelText('Image address (URL)'), {
      target: { value: 'https://example.org/hands.png' },
    });
    fireEvent.click(within(first).getByRole('button', { name: 'Insert' }));
    const alt = within(first).getByLabelText('Alt text: what the image shows');
    expect(within(first).getByText(/Describe the image/)).toBeTruthy();
    expect(alt.getAttribute('aria-invalid')).toBe('true');
    expect(alt.getAttribute('aria-describedby')).toContain(
      within(first)
        .getByText(/Describe the image/)
        .closest('p')!.id,
    );
    expect(document.activeElement).toBe(alt);
    expect(emitted).toHaveLength(0);

    fireEvent.change(alt, { target: { value: 'Two hands raised' } });
    fireEvent.click(within(first).getByRole('button', { name: 'Insert' }));
    expect(last().blocks[0]!.markdown).toBe(
      'A safe adult listens.\n![Two hands raised](https://example.org/hands.png)',
    );
  });

  it('shows block issues at their block, tied to the Markdown box', () => {
    renderEditor([
      {
        severity: 'error',
        code: 'LESSON_BLOCK_EMPTY',
        message: 'Block 3 (help) is empty.',
        hint: 'Write the help text.',
        anchor: { kind: 'lesson', lesson: 'introduction', lang: 'en', block: 2 },
      },
    ]);
    const help = block(3, 'Help');
    const box = within(help).getByLabelText('Text (Markdown)');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    const list = within(help).getByRole('list');
    expect(box.getAttribute('aria-describedby')).toContain(list.id);
    expect(list.textContent).toContain('Error: Block 3 (help) is empty.');
    expect(within(block(1, 'Content')).queryByRole('list')).toBeNull();
  });

  it('previews the compiled, sanitised lesson exactly as the student player does', () => {
    renderEditor();
    const preview = screen.getByRole('region', { name: 'Student preview' });
    expect(within(preview).getByText('Part 1 of 2')).toBeTruthy();
    expect(within(preview).getByRole('heading', { level: 3, name: 'Who helps' })).toBeTruthy();
    expect(within(preview).getByText('safe adult').tagName).toBe('STRONG');
    expect(preview.querySelector('script')).toBeNull();
    fireEvent.click(within(preview).getByRole('button', { name: 'Next' }));
    expect(within(preview).getByText('Part 2 of 2')).toBeTruthy();
    expect(within(preview).getByText('Pause if a child seems upset.')).toBeTruthy();
    // The author's Markdown is never rendered as HTML by the editor itself.
    fireEvent.change(within(block(1, 'Content')).getByLabelText('Text (Markdown)'), {
      target: { value: '<img src=x onerror="window.hacked=1">' },
    });
    expect(document.querySelector('img')).toBeNull();
  });

  it('says when there is no preview yet', () => {
    renderEditor([], false);
    expect(screen.getByText(/preview appears once/)).toBeTruthy();
  });
});
