import { fireEvent, screen, waitFor } from '@testing-library/react';
import { i18n, LANGUAGE_STORAGE_KEY } from '../../../i18n/i18n';
import { renderApp, signedInAs, viewer, type Resolver } from '../../../testing/render-app';

function fillIn(values: { schoolCode?: string; username?: string; secret?: string }) {
  if (values.schoolCode !== undefined)
    fireEvent.change(screen.getByLabelText('School code'), { target: { value: values.schoolCode } });
  if (values.username !== undefined)
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: values.username } });
  if (values.secret !== undefined)
    fireEvent.change(screen.getByLabelText('PIN or password'), { target: { value: values.secret } });
}

const myClasses: Resolver = () => ({
  data: { myClasses: [{ __typename: 'Class', id: 'c-7', name: 'Grade 7 Health', gradeLevels: [7] }] },
});

describe('student sign-in', () => {
  it('has a labelled field for each thing the teacher gives out, and a Sign in button', () => {
    renderApp('/student/signin', {});
    expect(screen.getByRole('heading', { level: 1, name: 'Student sign-in' })).toBeTruthy();
    expect(screen.getByLabelText('School code').tagName).toBe('INPUT');
    expect(screen.getByLabelText('Username').tagName).toBe('INPUT');
    expect(screen.getByLabelText('PIN or password').getAttribute('type')).toBe('password');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('submits the studentSignIn mutation and goes to the student home', async () => {
    const signIn = jest.fn<ReturnType<Resolver>, Parameters<Resolver>>(() => ({
      data: { studentSignIn: viewer() },
    }));
    const { calls, location } = renderApp('/student/signin', {
      StudentSignIn: signIn,
      MyClasses: myClasses,
    });

    fillIn({ schoolCode: ' bayside ', username: 'maya', secret: '2468' });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Hi, Maya!' })).toBeTruthy();
    expect(signIn).toHaveBeenCalledTimes(1);
    expect(signIn.mock.calls[0]?.[0]).toEqual({
      input: { schoolCode: 'BAYSIDE', username: 'maya', secret: '2468' },
    });
    expect(location.pathname).toBe('/student');
    // The viewer from the mutation is reused: no extra `me` round trip.
    expect(calls.map((c) => c.operationName)).not.toContain('Me');
    expect(await screen.findByText('Grade 7 Health')).toBeTruthy();
    // The student home keeps the safety bar.
    expect(screen.getByTestId('quick-exit')).toBeTruthy();
  });

  it('shows one generic message when the server refuses, without saying which part was wrong', async () => {
    const { location } = renderApp('/student/signin', {
      StudentSignIn: () => ({
        data: null,
        errors: [
          { message: 'Unknown username maya at school BAYSIDE', extensions: { code: 'UNAUTHENTICATED' } },
        ],
      }),
    });

    fillIn({ schoolCode: 'BAYSIDE', username: 'maya', secret: '0000' });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      "That didn't work. Check your school code, username and PIN, then try again. Your teacher can help.",
    );
    expect(alert.textContent).not.toContain('Unknown username');
    expect(location.pathname).toBe('/student/signin');
    // The PIN is cleared and focused for another try; the other fields are kept.
    const secret = screen.getByLabelText('PIN or password') as HTMLInputElement;
    expect(secret.value).toBe('');
    expect(document.activeElement).toBe(secret);
    expect((screen.getByLabelText('Username') as HTMLInputElement).value).toBe('maya');
  });

  it('says when there have been too many attempts', async () => {
    renderApp('/student/signin', {
      StudentSignIn: () => ({
        data: null,
        errors: [{ message: 'TOO_MANY_ATTEMPTS', extensions: { code: 'TOO_MANY_ATTEMPTS' } }],
      }),
    });
    fillIn({ schoolCode: 'BAYSIDE', username: 'maya', secret: '0000' });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Too many tries. Please wait a few minutes, then try again.',
    );
  });

  it('says so when Haven cannot be reached', async () => {
    renderApp('/student/signin', { StudentSignIn: () => new TypeError('Failed to fetch') });
    fillIn({ schoolCode: 'BAYSIDE', username: 'maya', secret: '2468' });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      "Haven can't be reached right now. Please try again in a moment.",
    );
  });

  it('asks for missing fields without calling the server', () => {
    const { calls } = renderApp('/student/signin', {});
    fillIn({ schoolCode: 'BAYSIDE' });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert').textContent).toBe('Please fill in all three boxes.');
    const username = screen.getByLabelText('Username');
    expect(username.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(username);
    expect(calls).toEqual([]);
  });

  it('keeps a language picked on the sign-in page and saves it to the account', async () => {
    const saved = jest.fn<ReturnType<Resolver>, Parameters<Resolver>>(() => ({
      data: { setPreferredLanguage: { __typename: 'Viewer', id: 'u-maya', preferredLanguage: 'es' } },
    }));
    renderApp('/student/signin', {
      StudentSignIn: () => ({ data: { studentSignIn: viewer({ preferredLanguage: 'en' }) } }),
      SetPreferredLanguage: saved,
      MyClasses: myClasses,
    });

    fireEvent.click(screen.getByRole('button', { name: 'Español' }));
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('es');
    expect(saved).not.toHaveBeenCalled(); // not signed in yet

    // Spanish loads on first use.
    fireEvent.change(await screen.findByLabelText('Código de la escuela'), { target: { value: 'BAYSIDE' } });
    fireEvent.change(screen.getByLabelText('Nombre de usuario'), { target: { value: 'maya' } });
    fireEvent.change(screen.getByLabelText('PIN o contraseña'), { target: { value: '2468' } });
    fireEvent.click(screen.getByRole('button', { name: 'Iniciar sesión' }));

    expect(await screen.findByRole('heading', { level: 1, name: '¡Hola, Maya!' })).toBeTruthy();
    await waitFor(() => expect(saved).toHaveBeenCalledWith({ language: 'es' }));
    expect(i18n.resolvedLanguage).toBe('es');
  });

  it('switches to the account language when none was picked on this device', async () => {
    renderApp('/student/signin', {
      StudentSignIn: () => ({ data: { studentSignIn: viewer({ preferredLanguage: 'es' }) } }),
      MyClasses: myClasses,
    });
    fillIn({ schoolCode: 'BAYSIDE', username: 'maya', secret: '2468' });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: '¡Hola, Maya!' })).toBeTruthy();
  });

  it('does not show a signed-out visitor anything else on the page', () => {
    renderApp('/student/signin', { Me: signedInAs(null) });
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
  });
});
