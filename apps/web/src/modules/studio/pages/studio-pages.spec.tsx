import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ModuleDocument } from '@haven/curriculum';
import { renderApp, signedInAs, viewer, type Resolver } from '../../../testing/render-app';
import { documentFixture } from '../editor/editor-fixtures';
import { AUTOSAVE_DELAY_MS } from './use-autosave';
import { folderFiles, slugFor } from './studio-home-page';

jest.mock('@xyflow/react/dist/style.css', () => ({}));

const AUTHOR = viewer({
  id: 'u-a',
  kind: 'staff',
  displayName: 'Renee Williams',
  roles: ['author'],
  home: '/studio',
});
const REVIEWER = viewer({
  id: 'u-r',
  kind: 'staff',
  displayName: 'Dr. Kim Nguyen',
  roles: ['reviewer'],
  home: '/studio',
});
const DRAFT_ID = '11111111-1111-4111-8111-111111111111';

function draft(overrides: Record<string, unknown> = {}, document: ModuleDocument = documentFixture()) {
  return {
    __typename: 'ModuleDraftModel',
    id: DRAFT_ID,
    moduleId: document.manifest.id,
    title: 'Trusted Adults',
    status: 'draft',
    revision: 3,
    baseVersion: null,
    publishedVersion: null,
    updatedAt: '2026-11-26T10:00:00.000Z',
    updatedByName: 'Renee Williams',
    createdByName: 'Renee Williams',
    reviews: [],
    bump: null,
    allowedActions: ['edit', 'submit', 'comment'],
    requiredReviews: ['educator', 'trauma-informed'],
    document,
    preview: { languages: document.manifest.languages, lessons: [], scenarios: [] },
    validation: { __typename: 'DraftValidationModel', errors: [], warnings: [] },
    staleTranslations: [],
    ...overrides,
  };
}

const studioDraft =
  (d: Record<string, unknown>): Resolver =>
  () => ({ data: { moduleDraft: d } });

describe('studio pages', () => {
  it('suggests a module id from the title and band', () => {
    expect(slugFor('Who Can I Trust?', '3-5')).toBe('who-can-i-trust-3-5');
    expect(slugFor('  Señales de alerta ', '9-12')).toBe('senales-de-alerta-9-12');
    expect(slugFor('???', '6-8')).toBe('');
  });

  it('reads a chosen module folder: content files and SVG images by path inside the module, no dot-files or other files', async () => {
    const file = (path: string, text: string) => {
      const f = new File([text], path.split('/').at(-1)!);
      Object.defineProperty(f, 'webkitRelativePath', { value: path });
      Object.defineProperty(f, 'text', { value: () => Promise.resolve(text) });
      return f;
    };
    const files = await folderFiles([
      file('trusted-adults-3-5/module.yaml', 'id: trusted-adults-3-5\n'),
      file('trusted-adults-3-5/lessons/intro.en.md', '---\n'),
      file('trusted-adults-3-5/.git/config', 'x'),
      file('trusted-adults-3-5/notes.docx', 'x'),
      file('trusted-adults-3-5/README.md', '# Trusted adults\n'),
      file('trusted-adults-3-5/images/safe-adult.svg', '<svg/>'),
      file('trusted-adults-3-5/images/photo.png', 'x'),
    ]);
    expect(files).toEqual({
      'module.yaml': 'id: trusted-adults-3-5\n',
      'lessons/intro.en.md': '---\n',
      'README.md': '# Trusted adults\n',
      'images/safe-adult.svg': '<svg/>',
    });
  });

  it('saves a change after a pause, naming the revision it was edited from', async () => {
    const saves: Record<string, unknown>[] = [];
    const { calls } = renderApp(`/studio/drafts/${DRAFT_ID}`, {
      Me: signedInAs(AUTHOR),
      StudioDraft: studioDraft(draft()),
      SaveModuleDraft: (v) => {
        saves.push(v);
        const input = v['input'] as { document: ModuleDocument };
        return { data: { saveModuleDraft: draft({ revision: 4 }, input.document) } };
      },
    });
    await screen.findByRole('heading', { level: 1, name: /Trusted Adults/ });
    expect(screen.getByRole('status', { name: '' }).textContent).toContain('All changes saved.');
    const minutes = screen.getByLabelText('Estimated minutes');
    fireEvent.change(minutes, { target: { value: '55' } });
    expect(screen.getByText(/Unsaved changes/)).toBeTruthy();
    expect(saves).toHaveLength(0);
    await waitFor(() => expect(saves).toHaveLength(1), { timeout: AUTOSAVE_DELAY_MS + 2000 });
    const input = saves[0]!['input'] as { id: string; baseRevision: number; document: ModuleDocument };
    expect(input.id).toBe(DRAFT_ID);
    expect(input.baseRevision).toBe(3);
    expect(input.document.manifest.estimatedMinutes).toBe(55);
    await screen.findByText('All changes saved.');
    expect(calls.filter((c) => c.operationName === 'SaveModuleDraft')).toHaveLength(1);
  });

  it('shows a conflict instead of overwriting, and saves over theirs only when asked', async () => {
    const saves: { baseRevision: number }[] = [];
    renderApp(`/studio/drafts/${DRAFT_ID}`, {
      Me: signedInAs(AUTHOR),
      StudioDraft: studioDraft(draft()),
      SaveModuleDraft: (v) => {
        const input = v['input'] as { baseRevision: number; document: ModuleDocument };
        saves.push(input);
        if (input.baseRevision === 3)
          return {
            data: null,
            errors: [
              {
                message:
                  'Sam Author saved this draft after you opened it (revision 4). Review their changes before saving yours.',
                extensions: {
                  code: 'CONFLICT',
                  details: { revision: 4, updatedBy: 'Sam Author', updatedAt: '2026-11-26T10:05:00Z' },
                },
              },
            ],
          };
        return { data: { saveModuleDraft: draft({ revision: 5 }, input.document) } };
      },
    });
    await screen.findByRole('heading', { level: 1, name: /Trusted Adults/ });
    fireEvent.change(screen.getByLabelText('Estimated minutes'), { target: { value: '47' } });
    const alert = await screen.findByRole('alert', {}, { timeout: AUTOSAVE_DELAY_MS + 2000 });
    expect(alert.textContent).toContain('Sam Author saved this draft after you opened it (revision 4).');
    expect(screen.getByText('Not saved: someone else changed this draft.')).toBeTruthy();
    expect(saves).toHaveLength(1);
    fireEvent.click(within(alert).getByRole('button', { name: 'Save mine over theirs' }));
    await screen.findByText('All changes saved.');
    expect(saves.map((s) => s.baseRevision)).toEqual([3, 4]);
  });

  it('tells the author what the reviewer asked for, and locks editing for reviewers', async () => {
    renderApp(`/studio/drafts/${DRAFT_ID}`, {
      Me: signedInAs(AUTHOR),
      StudioDraft: studioDraft(
        draft({
          status: 'changes_requested',
          reviews: [
            {
              __typename: 'DraftReviewModel',
              id: 'r1',
              kind: 'educator',
              outcome: 'request_changes',
              notes: 'Give the lesson 30 minutes.',
              current: false,
              reviewerName: 'Dr. Kim Nguyen',
              revision: 3,
            },
          ],
        }),
      ),
    });
    const note = await screen.findByRole('note');
    expect(within(note).getByRole('heading', { name: 'Dr. Kim Nguyen requested changes' })).toBeTruthy();
    expect(note.textContent).toContain('Give the lesson 30 minutes.');
  });

  it('shows reviewers the content read-only', async () => {
    renderApp(`/studio/drafts/${DRAFT_ID}`, {
      Me: signedInAs(REVIEWER),
      StudioDraft: studioDraft(draft({ status: 'in_review', allowedActions: ['review', 'comment'] })),
    });
    await screen.findByText(/This draft is in review/);
    expect(
      (screen.getByLabelText('Estimated minutes') as HTMLInputElement).closest('fieldset')!.disabled,
    ).toBe(true);
    expect(screen.getByText('No problems found.')).toBeTruthy();
  });

  it('credits a reviewer in the published module by the kind of review unless they choose their name', async () => {
    const d = draft({ status: 'in_review', allowedActions: ['review', 'comment'] });
    const { calls } = renderApp(`/studio/drafts/${DRAFT_ID}/review`, {
      Me: signedInAs(REVIEWER),
      StudioDraft: studioDraft(d),
      StudioDraftReview: () => ({
        data: {
          moduleDraft: {
            ...d,
            suggestedBump: { __typename: 'BumpSuggestionModel', bump: 'patch', reasons: [] },
            changes: [],
            comments: [],
            events: [],
          },
          myReviewQualifications: ['educator'],
        },
      }),
      ReviewModuleDraft: () => new Error('offline'),
    });
    const form = await screen.findByRole('form', { name: 'Educator review' });
    const byRole = within(form).getByRole('radio', {
      name: 'By the kind of review only: “Educator reviewer”',
    });
    expect((byRole as HTMLInputElement).checked).toBe(true);
    expect(within(form).getByRole('group', { name: 'How the published module credits you' })).toBeTruthy();
    for (const box of within(form).getAllByRole('checkbox')) fireEvent.click(box);
    fireEvent.click(within(form).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(calls.some((c) => c.operationName === 'ReviewModuleDraft')).toBe(true));
    fireEvent.click(within(form).getByRole('radio', { name: 'By my name' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(calls.filter((c) => c.operationName === 'ReviewModuleDraft')).toHaveLength(2));
    expect(
      calls
        .filter((c) => c.operationName === 'ReviewModuleDraft')
        .map((c) => (c.variables.input as { credit: string }).credit),
    ).toEqual(['role', 'name']);
  });
});
