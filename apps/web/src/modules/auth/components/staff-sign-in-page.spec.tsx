import { fireEvent, screen } from '@testing-library/react';
import { DISTRICT_ADMIN, renderApp, signedInAs, TEACHER, type Resolver } from '../../../testing/render-app';

function signInWith(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

const schools: Resolver = () => ({ data: { schools: [] } });

describe('staff sign-in', () => {
  it('signs in and goes to the home the server gives', async () => {
    const signIn = jest.fn<ReturnType<Resolver>, Parameters<Resolver>>(() => ({
      data: { signIn: DISTRICT_ADMIN },
    }));
    const { location } = renderApp('/signin', { SignIn: signIn, DistrictSchools: schools });

    signInWith(' admin@gulfcoast.example ', 'haven-demo-2026');

    expect(await screen.findByRole('heading', { level: 1, name: 'District overview' })).toBeTruthy();
    expect(signIn.mock.calls[0]?.[0]).toEqual({
      input: { email: 'admin@gulfcoast.example', password: 'haven-demo-2026' },
    });
    expect(location.pathname).toBe('/district');
  });

  it('returns to the page that asked for sign-in when it is in the user area', async () => {
    const { location } = renderApp('/teacher/training', {
      Me: signedInAs(null),
      SignIn: () => ({ data: { signIn: TEACHER } }),
      MyTrainings: () => ({ data: { myTrainings: [] } }),
    });
    await screen.findByRole('heading', { level: 1, name: 'Staff sign-in' });
    signInWith('teacher@gulfcoast.example', 'haven-demo-2026');
    expect(await screen.findByRole('heading', { level: 1, name: 'My training' })).toBeTruthy();
    expect(location.pathname).toBe('/teacher/training');
  });

  it('shows the generic message on wrong credentials and clears the password', async () => {
    renderApp('/signin', {
      SignIn: () => ({
        data: null,
        errors: [{ message: 'Email or password is incorrect.', extensions: { code: 'UNAUTHENTICATED' } }],
      }),
    });
    signInWith('teacher@gulfcoast.example', 'wrong');
    expect((await screen.findByRole('alert')).textContent).toBe('Email or password is incorrect.');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('teacher@gulfcoast.example');
  });

  it('tells the user to wait after too many attempts', async () => {
    renderApp('/signin', {
      SignIn: () => ({
        data: null,
        errors: [{ message: 'TOO_MANY_ATTEMPTS', extensions: { code: 'UNAUTHENTICATED' } }],
      }),
    });
    signInWith('teacher@gulfcoast.example', 'wrong');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Too many tries. Please wait a few minutes, then try again.',
    );
  });
});
