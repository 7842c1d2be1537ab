import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderApp, signedInAs, TEACHER } from '../../testing/render-app';

const profile = (over: Record<string, unknown> = {}) => ({
  __typename: 'FacilitatorProfileModel',
  userId: 'u-teacher',
  displayName: 'Jordan Lee',
  pronouns: null,
  bio: '',
  languages: ['en'],
  listed: false,
  survivorFacilitator: false,
  survivorStatement: null,
  updatedAt: '2026-11-26T00:00:00Z',
  trainings: [],
  ...over,
});

describe('my facilitator profile', () => {
  it('saves the teacher’s own profile, with the directory listing as an explicit choice', async () => {
    let saved: Record<string, unknown> | null = null;
    const { calls } = renderApp('/teacher/profile', {
      Me: signedInAs(TEACHER),
      MyFacilitatorProfile: () => ({
        data: {
          myFacilitatorProfile: saved ? profile(saved) : null,
        },
      }),
      SaveMyFacilitatorProfile: (v) => {
        saved = (v as { input: Record<string, unknown> }).input;
        return { data: { saveMyFacilitatorProfile: profile(saved) } };
      },
    });
    const name = await screen.findByLabelText('Name shown to colleagues');
    expect((name as HTMLInputElement).value).toBe('Jordan Lee');
    expect(screen.getByText(/Save your profile first/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Pronouns (optional)'), { target: { value: 'they/them' } });
    fireEvent.click(screen.getByLabelText('Spanish'));
    fireEvent.click(screen.getByLabelText("List my profile in my district's facilitator directory"));
    fireEvent.click(screen.getByRole('button', { name: 'Save my profile' }));
    await waitFor(() => expect(screen.getByText('Your profile is saved.')).toBeTruthy());
    expect(calls.find((c) => c.operationName === 'SaveMyFacilitatorProfile')?.variables).toEqual({
      input: { displayName: 'Jordan Lee', pronouns: 'they/them', bio: '', languages: ['es'], listed: true },
    });
  });

  it('lists as a survivor facilitator only after the teacher ticks the choice, and withdraws at once', async () => {
    let statement: string | null = null;
    const current = () => ({
      data: {
        myFacilitatorProfile: profile({
          survivorFacilitator: statement !== null,
          survivorStatement: statement,
        }),
      },
    });
    const { calls } = renderApp('/teacher/profile', {
      Me: signedInAs(TEACHER),
      MyFacilitatorProfile: current,
      ListMeAsSurvivorFacilitator: (v) => {
        statement = (v as { input: { statement: string } }).input.statement;
        return current();
      },
      WithdrawSurvivorListing: () => {
        statement = null;
        return { data: { withdrawSurvivorListing: current().data.myFacilitatorProfile } };
      },
    });
    const text = await screen.findByLabelText('What you choose to share');
    fireEvent.change(text, { target: { value: 'My words.' } });
    const list = screen.getByRole('button', {
      name: 'List me as a survivor facilitator',
    }) as HTMLButtonElement;
    expect(list.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('I choose to be listed as a survivor facilitator'));
    expect(list.disabled).toBe(false);
    fireEvent.click(list);
    await screen.findByText('You are listed as a survivor facilitator.');
    expect(calls.find((c) => c.operationName === 'ListMeAsSurvivorFacilitator')?.variables).toEqual({
      input: { statement: 'My words.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw my survivor listing' }));
    await screen.findByText('Withdrawn: your survivor listing and its text were deleted.');
    await screen.findByText('You are not listed as a survivor facilitator.');
  });
});
